import { createHash, createHmac, randomUUID } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import type { OAuthUserTokenAdapter } from '../engine/adapters';
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
	if (credentials.environment === 'custom' && credentials.baseUrl) return String(credentials.baseUrl).replace(/\/+$/, '') + (CUSTOM_HOST_PREFIX[host] ?? '');
	return PRODUCTION_HOSTS[host] ?? PRODUCTION_HOSTS.member;
}

/**
 * The platform publishes only a few codes (127007 permission, 127009 busy, 1230xx archive); the token and signature
 * codes below are the simulator's, kept in one place so they are easy to correct against the real platform.
 */
const TOKEN_INVALID_CODES = new Set([127001, 127002, -101]);
const HINTS: Record<number, string> = {
	[-400]: 'Bilibili rejected a parameter: check the fields of this operation.',
	127003: 'The request signature was rejected: check the App Secret in the credential.',
	127004: 'The request timestamp was rejected: check the n8n server clock.',
	127007: 'The app lacks this permission, or the account did not tick it on the authorization page: reconnect and allow it.',
	127009: 'Bilibili is busy or rate limiting: retry later.',
	127010: 'The daily submission limit of this account is reached (5 for non-formal members).',
	127013: 'The refresh token is no longer valid: open the credential and click "Reconnect".',
	123004: 'No archive with this resource_id.',
	123013: 'The title is not allowed (empty, 80 characters or more, or blocked words).',
	123028: 'The archive is still being processed: retry in about 10 seconds.',
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

/** Signs a member-host request: x-bili-* headers sorted, `name:value` joined by \n, HMAC-SHA256 with the App Secret. */
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

export const bilibiliUserAdapter: OAuthUserTokenAdapter = {
	grant: 'oauth2-user',
	platform: 'bilibili',
	label: 'Bilibili',
	credentialType: BILIBILI_USER_CREDENTIAL,
	credentialDisplayName: 'MediaX Bilibili OAuth2 API',
	baseUrl: (c) => bilibiliHost(c, 'member'),
	hostUrl: bilibiliHost,
	verdict: bilibiliVerdict,
	refreshSkewMs: 24 * 3600_000,

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
		const book = (oauthTokenData.mediax ?? {}) as IDataObject;
		if (book.expires_at) state.expiresAt = Number(book.expires_at);
		return state;
	},

	writeToken(previous, state) {
		const data = { ...((previous.data ?? {}) as IDataObject), access_token: state.accessToken, refresh_token: state.refreshToken, expires_in: Math.floor(state.expiresAt / 1000) };
		return { ...previous, data, mediax: { expires_at: state.expiresAt } };
	},

	async refresh(httpRequest, c, state) {
		const reply = (await httpRequest({
			method: 'POST',
			url: `${bilibiliHost(c, 'api')}/x/account-oauth2/v1/refresh_token`,
			qs: { client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'refresh_token', refresh_token: state.refreshToken },
			json: true,
		})) as IDataObject;
		const verdict = bilibiliVerdict(200, reply);
		if (!verdict.ok) throw new TokenError(`Bilibili token refresh failed: ${verdict.message}`, verdict.code, HINTS[Number(verdict.code)] ?? HINTS[127013]);
		// Bilibili hands out a new refresh token with every refresh; it is persisted with the access token
		return toState((reply.data ?? {}) as IDataObject, state);
	},

	sign(options, state, c) {
		signBilibiliRequest(options, state.accessToken, String(c.clientId ?? ''), String(c.clientSecret ?? ''));
	},
};
