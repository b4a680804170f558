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
import type { TokenAdapter } from './adapters';
import { RunTokens } from './runTokens';
import { apiKeySource } from './sources/apiKey';
import { appTokenSource } from './sources/appToken';
import { connectedOAuthSource } from './sources/connectedOAuth';
import { n8nOAuth2Source } from './sources/n8nOAuth2';
import { pastedCodeSource } from './sources/pastedCode';
import type { HeldToken, TokenSource } from './sources/source';
import { TokenError, type ApiRequest, type ApiResponse } from './types';

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

const NETWORK_RETRIES = 2;

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

/** Whether the node has this credential attached. */
export function hasCredential(ctx: IExecuteFunctions, credentialType: string): boolean {
	return !!ctx.getNode().credentials?.[credentialType];
}

const SOURCES: { [S in TokenAdapter['source']]: TokenSource<Extract<TokenAdapter, { source: S }>> } = {
	'app-token': appTokenSource,
	'pasted-code': pastedCodeSource,
	'n8n-connect': connectedOAuthSource,
	'n8n-oauth2': n8nOAuth2Source,
	'api-key': apiKeySource,
};

async function send(ctx: IExecuteFunctions, adapter: TokenAdapter, source: TokenSource, held: HeldToken, req: ApiRequest): Promise<ApiResponse> {
	const options = toHttpOptions(baseFor(adapter, held.credentials, req), req);
	source.apply(options, held, adapter, req);
	return normaliseResponse(await ctx.helpers.httpRequest(options), !!req.binaryResponse);
}

/**
 * Sends a platform request with the token the adapter's source holds (obtained once per run, renewed ahead of expiry),
 * renews once and retries once when the platform rejects the token, and raises PlatformError for any other error
 * code. `run` carries the run's tokens across items; without it the call reads the credential itself.
 */
export async function platformRequest(ctx: IExecuteFunctions, adapter: TokenAdapter, req: ApiRequest, run: RunTokens = new RunTokens()): Promise<ApiResponse> {
	const source = SOURCES[adapter.source] as TokenSource;
	let held = await run.current(ctx, adapter, source);
	let response = await sendWithTransientRetry(ctx, req, () => send(ctx, adapter, source, held, req));
	let verdict = adapter.verdict(response.statusCode, response.body);
	if (verdict.tokenInvalid) {
		held = await run.replace(ctx, adapter, source, held);
		response = await sendWithTransientRetry(ctx, req, () => send(ctx, adapter, source, held, req));
		verdict = adapter.verdict(response.statusCode, response.body);
	}
	if (!verdict.ok) {
		throw new PlatformError(adapter.platform, verdict.code, verdict.message ?? `${adapter.label} request failed`, response.statusCode, verdict.details);
	}
	return response;
}
