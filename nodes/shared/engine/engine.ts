import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type JsonObject,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';
import type { ApiKeyAdapter, AppTokenAdapter, HttpRequester, N8nOAuth2Adapter, OAuthUserTokenAdapter, TokenAdapter } from './adapters';
import { persistOAuthTokenData } from './persistence';
import { singleFlight } from './singleFlight';
import { TokenError, type ApiRequest, type ApiResponse, type ReplyVerdict, type TokenState } from './types';

/** A platform error after the engine did what it could (refresh, retry); the node turns it into a NodeApiError. */
export class PlatformError extends Error {
	constructor(
		readonly platform: string,
		readonly code: number | string | undefined,
		message: string,
		readonly httpCode: number,
		readonly details: IDataObject = {},
	) {
		super(message);
		this.name = 'PlatformError';
	}
}

/** Tokens kept in process memory when n8n offers no way to persist a refreshed OAuth token (see persistence.ts). */
const memoryTokens = new Map<string, { basedOn: string; state: TokenState }>();

const NETWORK_RETRIES = 2;

function credentialKey(ctx: IExecuteFunctions, type: string): string {
	const ref = ctx.getNode().credentials?.[type];
	return `${type}:${ref?.id ?? ref?.name ?? 'unsaved'}`;
}

function baseFor(adapter: TokenAdapter, credentials: ICredentialDataDecryptedObject, req: ApiRequest): string {
	return req.host && adapter.hostUrl ? adapter.hostUrl(credentials, req.host) : adapter.baseUrl(credentials);
}

function toHttpOptions(base: string, req: ApiRequest): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: req.method,
		url: req.url ?? base + req.path,
		qs: req.qs ? { ...req.qs } : {},
		headers: { ...(req.headers ?? {}) },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: req.timeoutMs ?? 300_000,
	};
	if (req.body !== undefined) options.body = req.body as IHttpRequestOptions['body'];
	if (req.binaryResponse) options.encoding = 'arraybuffer';
	else options.json = !Buffer.isBuffer(req.body);
	return options;
}

function normaliseResponse(raw: { body?: unknown; headers?: unknown; statusCode?: number } | undefined, binary: boolean): ApiResponse {
	let body: unknown = raw?.body;
	const headers = (raw?.headers ?? {}) as Record<string, string>;
	const contentType = String(headers['content-type'] ?? '');
	if (binary && body && !Buffer.isBuffer(body)) body = Buffer.from(body as ArrayBuffer);
	// a binary endpoint answers errors as JSON; a JSON endpoint may answer text/plain JSON (WeChat)
	if (Buffer.isBuffer(body) && /json|text\/plain/.test(contentType)) {
		try {
			body = JSON.parse(body.toString('utf8'));
		} catch {
			// keep the bytes
		}
	} else if (typeof body === 'string' && body.startsWith('{')) {
		try {
			body = JSON.parse(body);
		} catch {
			// keep the text
		}
	}
	return { statusCode: Number(raw?.statusCode ?? 200), headers, body };
}

function isRetryableNetworkError(failure: unknown): boolean {
	const error = failure as { code?: string; cause?: { code?: string }; message?: string } | undefined;
	const code = String(error?.code ?? error?.cause?.code ?? '');
	return ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET'].includes(code) ||
		/socket hang up|network|timeout/i.test(String(error?.message ?? ''));
}

/**
 * Sends one request with retries for transient failures. Only idempotent requests are resent after a dropped
 * connection or a 5xx: the platform may already have performed a write.
 */
async function sendWithTransientRetry(ctx: IExecuteFunctions, req: ApiRequest, send: () => Promise<ApiResponse>): Promise<ApiResponse> {
	for (let attempt = 0; ; attempt++) {
		let failure: unknown;
		try {
			const response = await send();
			if (!(response.statusCode >= 500 && req.idempotent && attempt < NETWORK_RETRIES)) return response;
		} catch (error) {
			failure = error;
		}
		if (failure !== undefined && (failure instanceof TokenError || !req.idempotent || attempt >= NETWORK_RETRIES || !isRetryableNetworkError(failure))) {
			throw asRequestError(ctx, failure, req);
		}
		if (ctx.getExecutionCancelSignal?.()?.aborted) throw new NodeOperationError(ctx.getNode(), 'Execution cancelled');
		await sleep(500 * 2 ** attempt);
	}
}

/** Token problems pass through as they are; anything else becomes a NodeApiError that says which call failed. */
function asRequestError(ctx: IExecuteFunctions, failure: unknown, req: ApiRequest): Error {
	// a credential's token request failed (preAuthentication); n8n may have wrapped it, and credentials load in
	// their own module scope, so the class is recognised by name
	const tokenFailure = [failure, (failure as { cause?: unknown })?.cause].find((e) => (e as Error)?.name === 'TokenError') as
		| { message: string; code?: number | string }
		| undefined;
	if (tokenFailure) return tokenFailure instanceof TokenError ? tokenFailure : new TokenError(tokenFailure.message, tokenFailure.code);
	if (failure instanceof NodeApiError || failure instanceof NodeOperationError) return failure;
	const e = failure as Error & { code?: string };
	const unsafe = !req.idempotent ? ' It was not resent, because the platform may already have performed it; check the result before running it again.' : '';
	return new NodeApiError(ctx.getNode(), { message: e?.message ?? String(failure), code: e?.code ?? '' } as JsonObject, {
		message: `${req.method} ${req.path} failed: ${e?.message ?? String(failure)}`,
		description: `The connection failed (${e?.code ?? 'network error'}).${unsafe}`,
	});
}

// ---------------------------------------------------------------------------------------------------------------
// App tokens (client-credentials grant), persisted through the credential's preAuthentication
// ---------------------------------------------------------------------------------------------------------------

async function loadAppCredentials(ctx: IExecuteFunctions, adapter: AppTokenAdapter): Promise<ICredentialDataDecryptedObject> {
	return ctx.getCredentials(adapter.credentialType);
}

function appRenewalReason(adapter: AppTokenAdapter, credentials: ICredentialDataDecryptedObject, now: number): string {
	if (!credentials.accessToken) return 'missing';
	if (credentials.tokenFor !== adapter.fingerprint(credentials)) return 'credentials-changed';
	const expiresAt = Number(credentials.expiresAt ?? 0);
	if (expiresAt && expiresAt - adapter.refreshSkewMs <= now) return 'expiring';
	return '';
}

/**
 * Sends through n8n's authenticated request helper. With `renewReason` set, the expirable token field is blanked so
 * n8n runs the credential's preAuthentication (which fetches a token) and persists the result before sending.
 */
async function sendWithAppToken(
	ctx: IExecuteFunctions,
	adapter: AppTokenAdapter,
	credentials: ICredentialDataDecryptedObject,
	req: ApiRequest,
	renewReason: string,
): Promise<ApiResponse> {
	const ref = ctx.getNode().credentials?.[adapter.credentialType];
	// the rejected token travels along so the adapter can tell "already replaced" from "must force a new one"
	const data = renewReason ? { ...credentials, accessToken: '', refreshReason: renewReason, rejectedToken: renewReason === 'rejected' ? credentials.accessToken : '' } : credentials;
	const options = toHttpOptions(baseFor(adapter, credentials, req), req);
	const raw = await ctx.helpers.httpRequestWithAuthentication.call(ctx, adapter.credentialType, options, {
		credentialsDecrypted: { id: ref?.id ?? '', name: ref?.name ?? '', type: adapter.credentialType, data },
	});
	return normaliseResponse(raw, !!req.binaryResponse);
}

async function appTokenRequest(ctx: IExecuteFunctions, adapter: AppTokenAdapter, req: ApiRequest): Promise<{ response: ApiResponse; verdict: ReplyVerdict }> {
	const key = credentialKey(ctx, adapter.credentialType);
	let credentials = await loadAppCredentials(ctx, adapter);
	let reason = appRenewalReason(adapter, credentials, Date.now());
	let rejectedOnce = false;
	for (let round = 0; round < 4; round++) {
		let response: ApiResponse;
		if (reason) {
			const before = credentials.accessToken;
			const renewal = await singleFlight(key, () =>
				sendWithTransientRetry(ctx, req, () => sendWithAppToken(ctx, adapter, credentials, req, reason)),
			).catch((error: unknown) => ({ failed: error }));
			if ('failed' in renewal) {
				// another process may have renewed (and rotated the refresh token) meanwhile: use what it stored
				const latest = await loadAppCredentials(ctx, adapter);
				const renewedElsewhere = (renewal.failed as Error)?.name === 'TokenError' && !!latest.accessToken && latest.accessToken !== before && round === 0;
				if (!renewedElsewhere) throw asRequestError(ctx, renewal.failed, req);
				credentials = latest;
				reason = appRenewalReason(adapter, credentials, Date.now());
				continue;
			}
			if (!renewal.led) {
				// another execution renewed the token; use what it stored
				credentials = await loadAppCredentials(ctx, adapter);
				reason = appRenewalReason(adapter, credentials, Date.now());
				continue;
			}
			response = renewal.value;
		} else {
			response = await sendWithTransientRetry(ctx, req, () => sendWithAppToken(ctx, adapter, credentials, req, ''));
		}
		const verdict = adapter.verdict(response.statusCode, response.body);
		if (!verdict.tokenInvalid || rejectedOnce) return { response, verdict };
		// the platform rejected the token: refresh once (unless someone already did) and retry once
		rejectedOnce = true;
		const usedToken = reason ? undefined : credentials.accessToken;
		credentials = await loadAppCredentials(ctx, adapter);
		reason = usedToken !== undefined && credentials.accessToken && credentials.accessToken !== usedToken ? '' : 'rejected';
	}
	throw new TokenError(`${adapter.label}: could not obtain a working app token`);
}

// ---------------------------------------------------------------------------------------------------------------
// User tokens (authorization-code grant) in n8n's oauthTokenData, refreshed in the platform's own dialect
// ---------------------------------------------------------------------------------------------------------------

async function loadUserCredentials(ctx: IExecuteFunctions, adapter: OAuthUserTokenAdapter): Promise<{ credentials: ICredentialDataDecryptedObject; state: TokenState }> {
	const credentials = await ctx.getCredentials(adapter.credentialType);
	const stored = adapter.readToken(credentials.oauthTokenData as IDataObject | undefined);
	if (!stored) {
		throw new TokenError(
			`The ${adapter.credentialDisplayName} credential is not connected to a ${adapter.label} account`,
			undefined,
			'Open the credential and click "Connect" (n8n 1.x: "Connect my account"), then approve the app on the consent page.',
		);
	}
	const key = credentialKey(ctx, adapter.credentialType);
	const remembered = memoryTokens.get(key);
	const state = remembered && remembered.basedOn === stored.accessToken + stored.refreshToken ? remembered.state : stored;
	return { credentials, state };
}

function userRenewalReason(adapter: OAuthUserTokenAdapter, state: TokenState, now: number): string {
	if (!state.expiresAt) return 'adopt'; // fresh from "Connect": learn the real expiry times with one refresh
	if (state.expiresAt - adapter.refreshSkewMs <= now) return 'expiring';
	if (adapter.renewRefreshToken && state.refreshExpiresAt && state.refreshExpiresAt - (adapter.refreshTokenRenewWindowMs ?? 0) <= now) {
		return 'renew-refresh-token';
	}
	return '';
}

async function refreshUserToken(
	ctx: IExecuteFunctions,
	adapter: OAuthUserTokenAdapter,
	httpRequest: HttpRequester,
	credentials: ICredentialDataDecryptedObject,
	state: TokenState,
	reason: string,
): Promise<TokenState> {
	// a still-valid access token needs no refresh when only the refresh token is running out
	let next = reason === 'renew-refresh-token' ? state : await adapter.refresh(httpRequest, credentials, state);
	if (adapter.renewRefreshToken && next.refreshExpiresAt && next.refreshExpiresAt - (adapter.refreshTokenRenewWindowMs ?? 0) <= Date.now()) {
		next = await adapter.renewRefreshToken(httpRequest, credentials, next);
	}
	const previous = (credentials.oauthTokenData ?? {}) as IDataObject;
	const persisted = await persistOAuthTokenData(ctx, adapter.credentialType, adapter.writeToken(previous, next));
	const key = credentialKey(ctx, adapter.credentialType);
	if (persisted) memoryTokens.delete(key);
	else {
		const stored = adapter.readToken(previous);
		memoryTokens.set(key, { basedOn: (stored?.accessToken ?? '') + (stored?.refreshToken ?? ''), state: next });
	}
	return next;
}

async function sendWithUserToken(
	httpRequest: HttpRequester,
	adapter: OAuthUserTokenAdapter,
	credentials: ICredentialDataDecryptedObject,
	state: TokenState,
	req: ApiRequest,
): Promise<ApiResponse> {
	const options = toHttpOptions(baseFor(adapter, credentials, req), req);
	for (const field of req.identityInQuery ?? []) {
		if (state.identity?.[field] !== undefined) (options.qs as IDataObject)[field] = state.identity[field];
	}
	adapter.sign(options, state, credentials);
	return normaliseResponse(await httpRequest(options), !!req.binaryResponse);
}

async function userTokenRequest(ctx: IExecuteFunctions, adapter: OAuthUserTokenAdapter, req: ApiRequest): Promise<{ response: ApiResponse; verdict: ReplyVerdict }> {
	const key = credentialKey(ctx, adapter.credentialType);
	const httpRequest: HttpRequester = (options) => ctx.helpers.httpRequest(options);
	let { credentials, state } = await loadUserCredentials(ctx, adapter);
	let reason = userRenewalReason(adapter, state, Date.now());
	let rejectedOnce = false;
	for (let round = 0; round < 4; round++) {
		if (reason) {
			const renewal = await singleFlight(key, () => refreshUserToken(ctx, adapter, httpRequest, credentials, state, reason));
			if (renewal.led) state = renewal.value;
			else ({ credentials, state } = await loadUserCredentials(ctx, adapter));
			reason = '';
		}
		const used = state.accessToken;
		const response = await sendWithTransientRetry(ctx, req, () => sendWithUserToken(httpRequest, adapter, credentials, state, req));
		const verdict = adapter.verdict(response.statusCode, response.body);
		if (!verdict.tokenInvalid || rejectedOnce) return { response, verdict };
		rejectedOnce = true;
		({ credentials, state } = await loadUserCredentials(ctx, adapter));
		reason = state.accessToken !== used ? '' : 'rejected';
	}
	throw new TokenError(`${adapter.label}: could not obtain a working user token`);
}

// ---------------------------------------------------------------------------------------------------------------
// Standard OAuth 2.0 handled by n8n (Google), and static API keys
// ---------------------------------------------------------------------------------------------------------------

async function storedN8nOAuth2Token(ctx: IExecuteFunctions, adapter: N8nOAuth2Adapter): Promise<{ credentials: ICredentialDataDecryptedObject; token?: string }> {
	const credentials = await ctx.getCredentials(adapter.credentialType);
	if (!credentials.oauthTokenData) {
		throw new TokenError(
			`The ${adapter.credentialDisplayName} credential is not connected to a ${adapter.label} account`,
			undefined,
			'Open the credential and click "Connect" (n8n 1.x: "Connect my account"), then approve on Google\'s page.',
		);
	}
	return { credentials, token: adapter.readAccessToken(credentials.oauthTokenData as IDataObject) };
}

async function sendWithN8nOAuth2(ctx: IExecuteFunctions, adapter: N8nOAuth2Adapter, credentials: ICredentialDataDecryptedObject, req: ApiRequest): Promise<ApiResponse> {
	const raw = await ctx.helpers.httpRequestWithAuthentication.call(ctx, adapter.credentialType, toHttpOptions(baseFor(adapter, credentials, req), req));
	return normaliseResponse(raw, !!req.binaryResponse);
}

async function n8nOAuth2Request(ctx: IExecuteFunctions, adapter: N8nOAuth2Adapter, req: ApiRequest): Promise<{ response: ApiResponse; verdict: ReplyVerdict }> {
	const key = credentialKey(ctx, adapter.credentialType);
	let { credentials, token } = await storedN8nOAuth2Token(ctx, adapter);
	const response = await sendWithTransientRetry(ctx, req, () => sendWithN8nOAuth2(ctx, adapter, credentials, req));
	const verdict = adapter.verdict(response.statusCode, response.body);
	if (!verdict.tokenInvalid) return { response, verdict };
	// compare before refresh: another execution may already have renewed it
	const current = await storedN8nOAuth2Token(ctx, adapter);
	if (current.token === token) {
		await singleFlight(key, () => ctx.helpers.refreshOAuth2Token.call(ctx, adapter.credentialType));
		({ credentials, token } = await storedN8nOAuth2Token(ctx, adapter));
	} else credentials = current.credentials;
	const retried = await sendWithTransientRetry(ctx, req, () => sendWithN8nOAuth2(ctx, adapter, credentials, req));
	return { response: retried, verdict: adapter.verdict(retried.statusCode, retried.body) };
}

async function readApiKey(ctx: IExecuteFunctions, adapter: ApiKeyAdapter): Promise<{ credentials: ICredentialDataDecryptedObject; key: string }> {
	const credentials = await ctx.getCredentials(adapter.credentialType);
	const key = adapter.readKey(credentials);
	if (!key) {
		throw new TokenError(`The ${adapter.credentialDisplayName} credential has no API key`, undefined, 'Add an API key to the credential, or attach a credential that acts for an account.');
	}
	return { credentials, key };
}

async function sendWithApiKey(httpRequest: HttpRequester, adapter: ApiKeyAdapter, base: string, key: string, req: ApiRequest): Promise<ApiResponse> {
	const options = toHttpOptions(base, req);
	adapter.sign(options, key);
	return normaliseResponse(await httpRequest(options), !!req.binaryResponse);
}

async function apiKeyRequest(ctx: IExecuteFunctions, adapter: ApiKeyAdapter, req: ApiRequest): Promise<{ response: ApiResponse; verdict: ReplyVerdict }> {
	const { credentials, key } = await readApiKey(ctx, adapter);
	const httpRequest: HttpRequester = (options) => ctx.helpers.httpRequest(options);
	const response = await sendWithTransientRetry(ctx, req, () => sendWithApiKey(httpRequest, adapter, baseFor(adapter, credentials, req), key, req));
	return { response, verdict: adapter.verdict(response.statusCode, response.body) };
}

// ---------------------------------------------------------------------------------------------------------------

/** Whether the node has this credential attached. */
export function hasCredential(ctx: IExecuteFunctions, credentialType: string): boolean {
	return !!ctx.getNode().credentials?.[credentialType];
}

/**
 * Sends a platform request with the token the adapter's grant provides: obtains, caches, refreshes and persists it,
 * refreshes once and retries once when the platform rejects it, and raises PlatformError for any other error code.
 */
export async function platformRequest(ctx: IExecuteFunctions, adapter: TokenAdapter, req: ApiRequest): Promise<ApiResponse> {
	const { response, verdict } =
		adapter.grant === 'app'
			? await appTokenRequest(ctx, adapter, req)
			: adapter.grant === 'oauth2-user'
				? await userTokenRequest(ctx, adapter, req)
				: adapter.grant === 'oauth2-n8n'
					? await n8nOAuth2Request(ctx, adapter, req)
					: await apiKeyRequest(ctx, adapter, req);
	if (!verdict.ok) {
		throw new PlatformError(
			adapter.platform,
			verdict.code,
			verdict.message ?? `${adapter.label} request failed`,
			response.statusCode,
			verdict.details,
		);
	}
	return response;
}
