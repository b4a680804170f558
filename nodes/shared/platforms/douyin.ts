import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import type { AppTokenAdapter, ConnectedOAuthAdapter, HttpRequester } from '../engine/adapters';
import { currentBookkeeping, withBookkeeping } from '../engine/authorizationRecord';
import { environmentBaseUrl } from '../engine/baseUrl';
import { TokenError, type ReplyVerdict, type TokenState } from '../engine/types';

export const DOUYIN_PRODUCTION_URL = 'https://open.douyin.com';

export const DOUYIN_USER_CREDENTIAL = 'mediaXDouyinOAuth2Api';
export const DOUYIN_APP_CREDENTIAL = 'mediaXDouyinClientCredentialsApi';

/** Codes that mean "this token is expired, revoked or unknown": refresh and retry once. */
const TOKEN_INVALID_CODES = new Set([10008, 2190002, 2190008, 28001003, 28001008]);
/** "request rate too high" (douyin-wechat.md error table); 28003017 / 2190001 are quotas, not retried */
const RATE_LIMIT_CODES = new Set([28003018]);

/** What the user can do about the common codes; shown under the error. */
const HINTS: Record<number, string> = {
	10002: 'A parameter is missing or malformed.',
	10003: 'The Client Key (Client ID) does not exist: check it in the Douyin Open Platform console.',
	10004: 'The app lacks this permission (for renewals: apply for renew_refresh_token).',
	10007: 'The authorization code expired or was used already: reconnect the account.',
	10010: 'The refresh token expired: open the credential and click "Reconnect".',
	10013: 'Client Key or Client Secret is wrong: check the credential.',
	10020: 'Too many token or refresh calls: wait a few minutes.',
	2100005: 'Douyin rejected a parameter: check the fields of this operation.',
	2190001: 'The API quota is used up for today.',
	28001007: 'Douyin rejected a parameter: check the fields of this operation.',
	28001012: 'The account did not grant the scope this operation needs: add it under Scopes in the credential and reconnect.',
	28001014: 'The app has no capability for this API: apply for it in the Douyin console.',
	28001015: 'The open_id does not belong to the connected account.',
	28001016: 'The app is banned or offline.',
	28003017: 'The API quota is used up.',
	28003018: 'Douyin is rate limiting this app: lower the request rate or add a Wait node.',
	29002002: 'The Client Key is invalid.',
};

function num(value: unknown): number {
	if (value === undefined || value === null || value === '') return 0;
	const n = Number(value);
	return Number.isFinite(n) ? n : -1;
}

export function douyinBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return environmentBaseUrl(credentials, DOUYIN_PRODUCTION_URL);
}

/** Classifies a reply in any of Douyin's three dialects (data+extra, OAuth data+message, err_no). */
export function douyinVerdict(statusCode: number, body: unknown): ReplyVerdict {
	if (statusCode === 401) return { ok: false, tokenInvalid: true, code: 401, message: 'Douyin answered HTTP 401 Unauthorized' };
	if (statusCode === 413) return { ok: false, code: 413, message: 'Douyin rejected the upload as too large (HTTP 413): files over 128 MB must use chunked upload' };
	if (Buffer.isBuffer(body)) return statusCode < 400 ? { ok: true } : { ok: false, code: statusCode, message: `Douyin answered HTTP ${statusCode}` };
	const b = (body ?? {}) as IDataObject;
	const data = (b.data ?? {}) as IDataObject;
	const extra = (b.extra ?? {}) as IDataObject;
	let code = 0;
	let description = '';
	if (b.err_no !== undefined && num(b.err_no) !== 0) {
		code = num(b.err_no);
		description = String(b.err_msg ?? '');
	} else if (num(data.error_code) !== 0) {
		code = num(data.error_code);
		description = String(data.description ?? '');
	} else if (num(extra.error_code) !== 0) {
		code = num(extra.error_code);
		description = String(extra.description ?? '');
	} else if (num(extra.sub_error_code) !== 0) {
		code = num(extra.sub_error_code);
		description = String(extra.sub_description ?? '');
	}
	if (code === 0 && statusCode >= 400) {
		return { ok: false, code: statusCode, message: `Douyin answered HTTP ${statusCode}` };
	}
	if (code === 0) return { ok: true };
	const logid = extra.logid ?? extra.log_id ?? b.log_id;
	return {
		ok: false,
		tokenInvalid: TOKEN_INVALID_CODES.has(code),
		rateLimited: RATE_LIMIT_CODES.has(code),
		code,
		message: `Douyin error ${code}: ${description || 'no description'}`,
		details: { hint: HINTS[code] ?? '', logid: logid as string, description },
	};
}

/** Unwraps an OAuth-dialect token reply or throws with Douyin's code and the hint. */
function oauthData(body: unknown, what: string): IDataObject {
	const verdict = douyinVerdict(200, body);
	const data = ((body as IDataObject)?.data ?? {}) as IDataObject;
	if (!verdict.ok || !data) {
		throw new TokenError(`Douyin ${what} failed: ${verdict.message}`, verdict.code, HINTS[Number(verdict.code)]);
	}
	return data;
}

// ---------------------------------------------------------------------------------------------------------------
// Client token (client-credentials grant)
// ---------------------------------------------------------------------------------------------------------------

export const douyinAppAdapter: AppTokenAdapter = {
	source: 'app-token',
	platform: 'douyin',
	label: 'Douyin',
	credentialType: DOUYIN_APP_CREDENTIAL,
	credentialDisplayName: 'MediaX Douyin Client Credentials API',
	baseUrl: douyinBaseUrl,
	verdict: douyinVerdict,
	// a new client_token leaves the previous one valid for 5 minutes; renew inside that window
	refreshSkewMs: 5 * 60_000,
	fingerprint: (c) => `${douyinBaseUrl(c)}|${c.clientKey}`,
	async fetchToken(httpRequest: HttpRequester, c: ICredentialDataDecryptedObject) {
		const reply = await httpRequest({
			method: 'POST',
			url: `${douyinBaseUrl(c)}/oauth/client_token/`,
			body: { client_key: c.clientKey, client_secret: c.clientSecret, grant_type: 'client_credential' },
			json: true,
		});
		const data = oauthData(reply, 'client_token request');
		const accessToken = String(data.access_token ?? '');
		if (!accessToken) throw new TokenError('Douyin client_token reply carried no access_token');
		return { accessToken, expiresAt: Date.now() + num(data.expires_in || 7200) * 1000 };
	},
	sign(options, accessToken) {
		options.headers = { ...(options.headers ?? {}), 'access-token': accessToken };
	},
};

// ---------------------------------------------------------------------------------------------------------------
// User access token (authorization-code grant)
// ---------------------------------------------------------------------------------------------------------------

/** Bookkeeping the engine adds to the stored token envelope (n8n stores Douyin's reply as is, without times). */
interface DouyinTokenBookkeeping {
	expires_at?: number;
	refresh_expires_at?: number;
	renew_count?: number;
}

function tokenFromData(data: IDataObject, book: DouyinTokenBookkeeping): TokenState {
	return {
		accessToken: String(data.access_token ?? ''),
		refreshToken: String(data.refresh_token ?? ''),
		expiresAt: book.expires_at ?? 0,
		refreshExpiresAt: book.refresh_expires_at,
		renewCount: book.renew_count ?? 0,
		scope: data.scope as string | undefined,
		identity: { open_id: data.open_id as string, ...(data.union_id ? { union_id: data.union_id as string } : {}) },
	};
}

export const douyinUserAdapter: ConnectedOAuthAdapter = {
	source: 'n8n-connect',
	platform: 'douyin',
	label: 'Douyin',
	credentialType: DOUYIN_USER_CREDENTIAL,
	credentialDisplayName: 'MediaX Douyin OAuth2 API',
	baseUrl: douyinBaseUrl,
	verdict: douyinVerdict,
	refreshSkewMs: 10 * 60_000,
	// Douyin allows 5 renewals of a 30-day refresh token; renew in its last 5 days (research douyin-wechat.md A.1.5)
	refreshTokenRenewWindowMs: 5 * 24 * 3600_000,
	maxRefreshTokenRenewals: 5,
	refreshTokenLifetimeMs: 30 * 24 * 3600_000,
	// 10010: the refresh token expired or was renewed away; the user must authorise again (douyin-wechat.md error table)
	refusedRefreshCodes: [10010],

	readToken(oauthTokenData) {
		if (!oauthTokenData || Object.keys(oauthTokenData).length === 0) return undefined;
		const data = (oauthTokenData.data ?? oauthTokenData) as IDataObject;
		if (num(data.error_code) !== 0 || !data.access_token) {
			const verdict = douyinVerdict(200, oauthTokenData);
			throw new TokenError(
				`The Douyin account connection failed (${verdict.message ?? 'no access token stored'})`,
				verdict.code,
				'Open the credential, check Client ID (the app\'s client_key), Client Secret and Scopes, and click "Reconnect".',
			);
		}
		return tokenFromData(data, currentBookkeeping(oauthTokenData, data.refresh_token) as DouyinTokenBookkeeping);
	},

	writeToken(previous, state) {
		const data = { ...((previous.data ?? {}) as IDataObject) };
		data.access_token = state.accessToken;
		data.refresh_token = state.refreshToken;
		if (state.scope) data.scope = state.scope;
		if (state.identity?.open_id) data.open_id = state.identity.open_id;
		const book: DouyinTokenBookkeeping = {
			expires_at: state.expiresAt,
			refresh_expires_at: state.refreshExpiresAt,
			renew_count: state.renewCount ?? 0,
		};
		return withBookkeeping({ ...previous, data }, state.refreshToken, { ...currentBookkeeping(previous, state.refreshToken), ...book } as IDataObject);
	},

	async refresh(httpRequest, c, state) {
		const reply = await httpRequest({
			method: 'POST',
			url: `${douyinBaseUrl(c)}/oauth/refresh_token/`,
			body: new URLSearchParams({ client_key: String(c.clientId ?? ''), grant_type: 'refresh_token', refresh_token: state.refreshToken ?? '' }),
			json: true,
		});
		const data = oauthData(reply, 'token refresh');
		const now = Date.now();
		return {
			...state,
			accessToken: String(data.access_token ?? state.accessToken),
			refreshToken: String(data.refresh_token ?? state.refreshToken),
			expiresAt: now + num(data.expires_in || 1296000) * 1000,
			refreshExpiresAt: data.refresh_expires_in !== undefined ? now + num(data.refresh_expires_in) * 1000 : state.refreshExpiresAt,
			scope: (data.scope as string) ?? state.scope,
			identity: { ...state.identity, ...(data.open_id ? { open_id: data.open_id as string } : {}) },
		};
	},

	async renewRefreshToken(httpRequest, c, state) {
		if ((state.renewCount ?? 0) >= (this.maxRefreshTokenRenewals ?? 5)) return state; // then the account must reconnect
		const reply = await httpRequest({
			method: 'POST',
			url: `${douyinBaseUrl(c)}/oauth/renew_refresh_token/`,
			body: new URLSearchParams({ client_key: String(c.clientId ?? ''), refresh_token: state.refreshToken ?? '' }),
			json: true,
		});
		const verdict = douyinVerdict(200, reply);
		if (!verdict.ok && (verdict.code === 10004 || verdict.code === 10020)) return { ...state, renewCount: 5 }; // not allowed: keep the current one
		const data = oauthData(reply, 'refresh-token renewal');
		return {
			...state,
			refreshToken: String(data.refresh_token),
			refreshExpiresAt: Date.now() + num(data.expires_in || 2592000) * 1000,
			renewCount: (state.renewCount ?? 0) + 1,
		};
	},

	sign(options, state) {
		options.headers = { ...(options.headers ?? {}), 'access-token': state.accessToken };
	},
};
