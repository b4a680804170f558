import { createHash, createHmac, randomUUID } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import type { ConnectedOAuthAdapter } from '../engine/adapters';
import { currentBookkeeping, withBookkeeping } from '../engine/authorizationRecord';
import { customBaseUrl } from '../engine/baseUrl';
import { TokenError, type ReplyVerdict, type TokenState } from '../engine/types';

export const BILIBILI_USER_CREDENTIAL = 'mediaXBilibiliOAuth2Api';

/** Bilibili spreads one product over four hosts; under a custom base URL they become path prefixes of it. */
const PRODUCTION_HOSTS: Record<string, string> = {
	account: 'https://account.bilibili.com',
	api: 'https://api.bilibili.com',
	member: 'https://member.bilibili.com',
	upload: 'https://openupos.bilivideo.com',
};
const CUSTOM_HOST_PREFIX: Record<string, string> = { account: '', api: '', member: '', upload: '/upos' };

export function bilibiliHost(credentials: ICredentialDataDecryptedObject, host: string): string {
	const custom = customBaseUrl(credentials);
	if (custom) return custom + (CUSTOM_HOST_PREFIX[host] ?? '');
	return PRODUCTION_HOSTS[host] ?? PRODUCTION_HOSTS.member;
}

/**
 * Hints only for codes on the open platform's published status-code page (其他 → 状态码; research notes §5.4 and
 * apifox.com/apidoc/docs-site/1106400/doc-895951). Codes it does not publish get no hint.
 */
const TOKEN_INVALID_CODES = new Set([127001]);
/** 127009 接口繁忙，请稍后再试: rate limited, retry with backoff (google-redbook-bilibili.md status codes) */
const RATE_LIMIT_CODES = new Set([127009]);
const RECONNECT = 'open the credential and click "Reconnect" (n8n 1.x: "Connect my account")';
const HINTS: Record<number, string> = {
	127000: 'An authentication parameter (a signature header or the access token) is missing from the request.',
	127001: `The access token was rejected: ${RECONNECT}.`,
	127004: 'The Client ID was rejected: check the Client ID in the credential.',
	127005: 'The developer organisation has not passed Bilibili\'s verification yet.',
	127006: 'The app has not passed Bilibili\'s verification yet.',
	127007: 'The app lacks this API permission: apply for it in the open platform console.',
	127009: 'The API call limit is reached: retry later.',
	127011: `The account did not allow this permission on the authorization page: ${RECONNECT} and allow it.`,
	127012: 'The request signature was rejected: check the App Secret in the credential and the n8n server clock.',
	127022: 'The upload_token is not valid: upload the video again to get a new one.',
	127100: 'Bilibili rejected a parameter: check the fields of this operation.',
	127102: 'Bilibili does not accept this file type.',
	127107: 'This archive has been deleted.',
	127124: 'No archive with this resource_id.',
	127200: 'Bilibili reported a business error: contact the open platform.',
	127201: 'Bilibili is busy: retry later.',
	127207: 'This partition is not available at the moment: choose another one.',
	122000: 'The Client ID is wrong: check it in the credential.',
	122001: 'The App Secret is wrong: check it in the credential.',
	122002: `The authorization code was not found (used or expired): ${RECONNECT}.`,
	122007: `The refresh token is no longer valid: ${RECONNECT}.`,
	129003: 'A tag of the article was rejected.',
	129004: 'A cover image URL was rejected: use URLs returned by Article → Upload Image.',
	129005: 'The article title has special characters or is longer than 40 characters.',
};

export function bilibiliVerdict(statusCode: number, body: unknown): ReplyVerdict {
	if (Buffer.isBuffer(body)) return statusCode < 400 ? { ok: true } : { ok: false, code: statusCode, message: `Bilibili answered HTTP ${statusCode}` };
	const b = (body ?? {}) as IDataObject;
	const code = Number(b.code ?? 0);
	if (code === 0 && statusCode < 400) return { ok: true };
	if (code === 0) return { ok: false, code: statusCode, message: `Bilibili answered HTTP ${statusCode}` };
	return {
		ok: false,
		tokenInvalid: TOKEN_INVALID_CODES.has(code),
		rateLimited: RATE_LIMIT_CODES.has(code),
		code,
		message: `Bilibili error ${code}: ${String(b.message ?? b.msg ?? '')}`,
		details: { hint: HINTS[code] ?? '', logid: (b.request_id as string) ?? '' },
	};
}

function toState(data: IDataObject, previous?: TokenState): TokenState {
	// expires_in is an absolute Unix time in seconds; small values would be a lifetime
	const expiresIn = Number(data.expires_in ?? 0);
	const expiresAt = expiresIn > 1e9 ? expiresIn * 1000 : expiresIn > 0 ? Date.now() + expiresIn * 1000 : 0;
	return {
		accessToken: String(data.access_token ?? previous?.accessToken ?? ''),
		refreshToken: String(data.refresh_token ?? previous?.refreshToken ?? ''),
		expiresAt,
		scope: Array.isArray(data.scopes) ? (data.scopes as string[]).join(',') : previous?.scope,
		identity: previous?.identity ?? {},
	};
}

const md5 = (data: string | Buffer) => createHash('md5').update(data).digest('hex');

/**
 * Signs a member-host request (接口签名实现标准): Accept, Content-Type and the x-bili-* headers on every request — GETs
 * and empty bodies included, as application/json like the official C# demo — the x-bili-* headers sorted,
 * `name:value` joined by \n, HMAC-SHA256 with the App Secret. Bodies are hashed as sent; GET, empty and multipart
 * bodies hash as the empty string.
 */
export function signBilibiliRequest(options: IHttpRequestOptions, accessToken: string, clientId: string, appSecret: string): void {
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = String(v);
	let bodyForHash: string | Buffer = '';
	if (typeof options.body === 'string') bodyForHash = options.body;
	else if (Buffer.isBuffer(options.body)) bodyForHash = (headers['content-type'] ?? '').startsWith('multipart/') ? '' : options.body;
	else if (options.body !== undefined && options.body !== null && options.method !== 'GET') {
		// serialise once, so the bytes sent are exactly the bytes hashed
		bodyForHash = JSON.stringify(options.body);
		options.body = bodyForHash;
		headers['content-type'] = 'application/json';
	}
	headers['content-type'] ??= 'application/json';
	const signed: Record<string, string> = {
		'x-bili-accesskeyid': clientId,
		'x-bili-content-md5': md5(bodyForHash),
		'x-bili-signature-method': 'HMAC-SHA256',
		'x-bili-signature-nonce': randomUUID(),
		'x-bili-signature-version': '2.0',
		'x-bili-timestamp': String(Math.floor(Date.now() / 1000)),
	};
	const canonical = Object.keys(signed)
		.sort()
		.map((k) => `${k}:${signed[k]}`)
		.join('\n');
	options.headers = {
		...headers,
		...signed,
		accept: 'application/json',
		'access-token': accessToken,
		authorization: createHmac('sha256', appSecret).update(canonical).digest('hex'),
	};
}

export const bilibiliUserAdapter: ConnectedOAuthAdapter = {
	source: 'n8n-connect',
	platform: 'bilibili',
	label: 'Bilibili',
	credentialType: BILIBILI_USER_CREDENTIAL,
	credentialDisplayName: 'MediaX Bilibili OAuth2 API',
	baseUrl: (c) => bilibiliHost(c, 'member'),
	hostUrl: bilibiliHost,
	verdict: bilibiliVerdict,
	refreshSkewMs: 24 * 3600_000,
	// 122007: the refresh token is no longer valid (published status-code page, see HINTS)
	refusedRefreshCodes: [122007],

	readToken(oauthTokenData) {
		if (!oauthTokenData || Object.keys(oauthTokenData).length === 0) return undefined;
		const data = (oauthTokenData.data ?? oauthTokenData) as IDataObject;
		if (!data.access_token) {
			const verdict = bilibiliVerdict(200, oauthTokenData);
			throw new TokenError(
				`The Bilibili account connection failed (${verdict.message ?? 'no access token stored'})`,
				verdict.code,
				'Open the credential, check Client ID, Client Secret (the App Secret) and the app\'s callback domain, and click "Reconnect".',
			);
		}
		const state = toState(data);
		const book = currentBookkeeping(oauthTokenData, data.refresh_token);
		if (book.expires_at) state.expiresAt = Number(book.expires_at);
		return state;
	},

	writeToken(previous, state) {
		const data = { ...((previous.data ?? {}) as IDataObject), access_token: state.accessToken, refresh_token: state.refreshToken, expires_in: Math.floor(state.expiresAt / 1000) };
		return withBookkeeping({ ...previous, data }, state.refreshToken, { ...currentBookkeeping(previous, state.refreshToken), expires_at: state.expiresAt });
	},

	async refresh(httpRequest, c, state) {
		const reply = (await httpRequest({
			method: 'POST',
			url: `${bilibiliHost(c, 'api')}/x/account-oauth2/v1/refresh_token`,
			qs: { client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'refresh_token', refresh_token: state.refreshToken },
			json: true,
		})) as IDataObject;
		const verdict = bilibiliVerdict(200, reply);
		if (!verdict.ok) throw new TokenError(`Bilibili token refresh failed: ${verdict.message}`, verdict.code, HINTS[Number(verdict.code)] ?? HINTS[122007]);
		// Bilibili hands out a new refresh token with every refresh; it is persisted with the access token
		return toState((reply.data ?? {}) as IDataObject, state);
	},

	sign(options, state, c) {
		// the upload host authorises parts by upload_token; the official demo sends them unsigned ("该请求无需header携带签名")
		if (String(options.url ?? '').startsWith(`${bilibiliHost(c, 'upload')}/`)) return;
		signBilibiliRequest(options, state.accessToken, String(c.clientId ?? ''), String(c.clientSecret ?? ''));
	},
};
