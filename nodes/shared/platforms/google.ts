import { createSign } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import type { ApiKeyAdapter, AppTokenAdapter, HttpRequester, N8nOAuth2Adapter } from '../engine/adapters';
import { customBaseUrl, environmentBaseUrl } from '../engine/baseUrl';
import { TokenError, type ReplyVerdict } from '../engine/types';
import { requestedScopes } from '../engine/scopeFields';

/** One host serves YouTube (/youtube/v3, /upload/youtube/v3) and Blogger (/blogger/v3). */
export const GOOGLE_API_URL = 'https://www.googleapis.com';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export const GOOGLE_USER_CREDENTIAL = 'mediaXGoogleOAuth2Api';
export const GOOGLE_SERVICE_ACCOUNT_CREDENTIAL = 'mediaXGoogleServiceAccountApi';
export const GOOGLE_API_KEY_CREDENTIAL = 'mediaXGoogleApiKeyApi';
/** What a service account asks for when its Scopes field is untouched or emptied. */
export const SERVICE_ACCOUNT_DEFAULT_SCOPES = ['https://www.googleapis.com/auth/blogger'];

const HINTS: Record<string, string> = {
	quotaExceeded: 'The project\'s daily YouTube quota is used up (uploads cost 1600 units, searches 100). It resets at midnight Pacific Time; ask Google for more quota in the Cloud console.',
	rateLimitExceeded: 'Too many requests in a short time: slow down (Wait node, smaller batches).',
	userRateLimitExceeded: 'Too many requests for this user: slow down.',
	uploadRateLimitExceeded: 'Too many uploads in a short time: try again later.',
	uploadLimitExceeded: 'The channel has reached its upload limit for now.',
	authError: 'The token was rejected: reconnect the credential.',
	youtubeSignupRequired: 'The Google account has no YouTube channel: create one, then reconnect.',
	NoLinkedYouTubeAccount: 'Service accounts cannot act on YouTube: use the MediaX Google OAuth2 credential, or an API key for public reads.',
	insufficientPermissions: 'The connection lacks a scope this operation needs: add it under Scopes and reconnect.',
	forbidden: 'Google refused the operation for this account.',
	invalidCategoryId: 'Unknown category ID: use a YouTube video category ID (e.g. 22 People & Blogs).',
	invalidTitle: 'The title is empty, longer than 100 characters, or contains < or >.',
	invalidPageToken: 'The page token is invalid or expired.',
	keyInvalid: 'The API key is not valid.',
	videoNotFound: 'No video with this ID (or it is not visible to this account).',
	playlistNotFound: 'No playlist with this ID.',
	commentNotFound: 'No comment with this ID.',
};

export function googleApiUrl(credentials: ICredentialDataDecryptedObject): string {
	return environmentBaseUrl(credentials, GOOGLE_API_URL);
}

export function googleTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment !== 'custom') return GOOGLE_TOKEN_URL;
	const tokenUrl = String(credentials.tokenUrl ?? '').trim().replace(/\/+$/, '');
	const custom = customBaseUrl(credentials);
	return tokenUrl || (custom ? `${custom}/token` : GOOGLE_TOKEN_URL);
}

/**
 * Google's token introspection next to the token endpoint (`GET https://oauth2.googleapis.com/tokeninfo?access_token=`,
 * https://developers.google.com/identity/protocols/oauth2 "Validating tokens"): 200 with scope and expires_in for a
 * live token, 400 invalid_token otherwise.
 */
export function googleTokenInfoUrl(credentials: ICredentialDataDecryptedObject): string {
	const tokenUrl = googleTokenUrl(credentials);
	return /\/token$/.test(tokenUrl) ? tokenUrl.replace(/\/token$/, '/tokeninfo') : new URL('/tokeninfo', tokenUrl).toString();
}

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'uploadRateLimitExceeded', 'RESOURCE_EXHAUSTED']);

/** Google answers errors with an HTTP status and `{error:{code,message,errors:[{reason,domain}],status}}`. */
export function googleVerdict(statusCode: number, body: unknown): ReplyVerdict {
	if (statusCode < 400) return { ok: true };
	let parsed = body;
	if (Buffer.isBuffer(body)) {
		try {
			parsed = JSON.parse(body.toString('utf8'));
		} catch {
			parsed = {};
		}
	}
	const error = ((parsed as IDataObject)?.error ?? {}) as IDataObject;
	const first = ((error.errors as IDataObject[] | undefined)?.[0] ?? {}) as IDataObject;
	const reason = String(first.reason ?? error.status ?? statusCode);
	const message = String(error.message ?? first.message ?? `HTTP ${statusCode}`);
	return {
		ok: false,
		tokenInvalid: statusCode === 401 && reason !== 'youtubeSignupRequired' && reason !== 'NoLinkedYouTubeAccount',
		// per-minute limits, "retry with exponential backoff" (google-redbook-bilibili.md, YouTube errors 403/429); quotaExceeded is daily
		rateLimited: statusCode === 429 || RATE_LIMIT_REASONS.has(reason),
		code: reason,
		message: `Google error ${statusCode} ${reason}: ${message}`,
		details: { hint: HINTS[reason] ?? '', domain: first.domain as string },
	};
}

export const googleUserAdapter: N8nOAuth2Adapter = {
	source: 'n8n-oauth2',
	platform: 'google',
	label: 'Google',
	credentialType: GOOGLE_USER_CREDENTIAL,
	credentialDisplayName: 'MediaX Google OAuth2 API',
	baseUrl: googleApiUrl,
	verdict: googleVerdict,
	refreshSkewMs: 0,
	readAccessToken: (data) => (data?.access_token as string | undefined) ?? (data?.accessToken as string | undefined),
};

function base64url(input: Buffer | string): string {
	return Buffer.from(input).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** RFC 7523 assertion: RS256 over header.claims with the service account's private key. */
export function serviceAccountAssertion(credentials: ICredentialDataDecryptedObject, audience: string, nowSeconds: number): string {
	const scopes = requestedScopes(credentials, SERVICE_ACCOUNT_DEFAULT_SCOPES).join(' ');
	const header = { alg: 'RS256', typ: 'JWT' };
	const claims: IDataObject = { iss: credentials.email, scope: scopes, aud: audience, iat: nowSeconds, exp: nowSeconds + 3600 };
	if (credentials.delegatedUser) claims.sub = credentials.delegatedUser;
	const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
	const key = String(credentials.privateKey ?? '').replace(/\\n/g, '\n');
	const signature = createSign('RSA-SHA256').update(unsigned).sign(key);
	return `${unsigned}.${base64url(signature)}`;
}

/** The signed assertion, or the error that explains why the key could not sign. */
function signedAssertion(c: ICredentialDataDecryptedObject, tokenUrl: string): string | TokenError {
	try {
		return serviceAccountAssertion(c, tokenUrl, Math.floor(Date.now() / 1000));
	} catch (error) {
		return new TokenError(
			`The service account's private key could not sign the token request (${(error as Error).message})`,
			undefined,
			'Paste the whole "private_key" value of the key file, including the BEGIN/END lines.',
		);
	}
}

/**
 * The service account's token request (RFC 7523 JWT bearer grant, form-encoded): the engine's fetch and the
 * credential Test send this same request.
 */
export function serviceAccountTokenRequest(c: ICredentialDataDecryptedObject): IHttpRequestOptions | TokenError {
	const tokenUrl = googleTokenUrl(c);
	const assertion = signedAssertion(c, tokenUrl);
	if (assertion instanceof Error) return assertion;
	return {
		method: 'POST',
		url: tokenUrl,
		body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
		json: true,
	};
}

export const googleServiceAccountAdapter: AppTokenAdapter = {
	source: 'app-token',
	platform: 'google',
	label: 'Google',
	credentialType: GOOGLE_SERVICE_ACCOUNT_CREDENTIAL,
	credentialDisplayName: 'MediaX Google Service Account API',
	baseUrl: googleApiUrl,
	verdict: googleVerdict,
	refreshSkewMs: 5 * 60_000,
	fingerprint: (c) => `${googleTokenUrl(c)}|${c.email}|${c.delegatedUser ?? ''}|${requestedScopes(c, SERVICE_ACCOUNT_DEFAULT_SCOPES).join(' ')}`,
	async fetchToken(httpRequest: HttpRequester, c: ICredentialDataDecryptedObject) {
		const request = serviceAccountTokenRequest(c);
		if (request instanceof Error) throw request;
		const reply = (await httpRequest({ ...request, ignoreHttpStatusErrors: true })) as IDataObject;
		if (!reply?.access_token) {
			const hint =
				reply?.error === 'unauthorized_client'
					? 'The service account may not impersonate this user for these scopes: authorize its client ID for domain-wide delegation in the Workspace admin console.'
					: reply?.error === 'invalid_grant'
						? 'Check the service account e-mail, the private key, and the server clock.'
						: '';
			throw new TokenError(`Google token request failed: ${String(reply?.error ?? 'no access_token')} ${String(reply?.error_description ?? '')}`.trim(), String(reply?.error ?? ''), hint);
		}
		return { accessToken: String(reply.access_token), expiresAt: Date.now() + Number(reply.expires_in ?? 3599) * 1000 };
	},
	sign(options, accessToken) {
		options.headers = { ...(options.headers ?? {}), Authorization: `Bearer ${accessToken}` };
	},
};

function signWithKey(options: IHttpRequestOptions, key: string): void {
	options.qs = { ...(options.qs ?? {}), key };
}

/** Public reads (YouTube videos by ID, search, public playlists; Blogger public blogs) with a Google API key. */
export const googleApiKeyAdapter: ApiKeyAdapter = {
	source: 'api-key',
	platform: 'google',
	label: 'Google',
	credentialType: GOOGLE_API_KEY_CREDENTIAL,
	credentialDisplayName: 'MediaX Google API Key API',
	baseUrl: googleApiUrl,
	verdict: googleVerdict,
	refreshSkewMs: 0,
	readKey: (c) => (c.apiKey ? String(c.apiKey) : undefined),
	sign: signWithKey,
};

/**
 * The API key that older service-account credentials carry (before the separate API key credential existed); still
 * honoured for public reads when no API key credential is attached.
 */
export const googleServiceAccountKeyAdapter: ApiKeyAdapter = {
	...googleApiKeyAdapter,
	credentialType: GOOGLE_SERVICE_ACCOUNT_CREDENTIAL,
	credentialDisplayName: 'MediaX Google Service Account API',
};
