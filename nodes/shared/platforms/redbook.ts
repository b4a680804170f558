import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import type { FetchedToken, HttpRequester, PastedCodeAdapter } from '../engine/adapters';
import { customBaseUrl, environmentBaseUrl } from '../engine/baseUrl';
import { TokenError, type ReplyVerdict } from '../engine/types';
import { requestedScopes } from '../engine/scopeFields';

export const REDBOOK_USER_CREDENTIAL = 'mediaXRedBookOAuth2Api';
export const REDBOOK_API_URL = 'https://adapi.xiaohongshu.com';
export const REDBOOK_AUTH_URL = 'https://ad-market.xiaohongshu.com/auth';
/** What the authorization asks for when the Scopes field is untouched or emptied: every JuGuang scope the node uses. */
export const REDBOOK_DEFAULT_SCOPES = ['report_service', 'ad_query', 'ad_manage', 'account_manage'];

/**
 * JuGuang publishes no numeric error table; these are the simulator's codes for the documented situations, kept here
 * so they are corrected in one place once checked against the platform. Messages are matched as a fallback.
 */
const TOKEN_INVALID_CODES = new Set([40101, 40102]);
/** the simulator's rate-limit code (JuGuang publishes none; README Known limits "Unpublished error codes") */
const RATE_LIMIT_CODES = new Set([42901]);
const TOKEN_INVALID_TEXT = /access[_ ]?token|token (is )?(invalid|expired)|令牌|token无效|token过期/i;
const HINTS: Record<number, string> = {
	40001: 'JuGuang rejected a parameter: check the fields of this operation.',
	40002: 'App ID or Secret is wrong: check the credential.',
	40003: 'The authorization code is invalid, used or expired: get a new one (Authorization → Get Authorization URL) and paste it into the credential.',
	40004: 'The refresh token is invalid or expired (30 days): get a new authorization code and paste it into the credential.',
	40301: 'The authorization lacks the scope this operation needs: authorize again with it ticked.',
	40302: 'This advertiser is not among the accounts the authorization covers: pick one from the list, or authorize it.',
	42901: 'JuGuang is rate limiting this app: slow down.',
};

function apiBase(c: ICredentialDataDecryptedObject): string {
	return environmentBaseUrl(c, REDBOOK_API_URL);
}

export function redbookAuthorizeUrl(c: ICredentialDataDecryptedObject, state: string): string {
	const page = customBaseUrl(c) ? `${customBaseUrl(c)}/auth` : REDBOOK_AUTH_URL;
	const query = new URLSearchParams({ appId: String(c.appId ?? ''), scope: JSON.stringify(requestedScopes(c, REDBOOK_DEFAULT_SCOPES)), redirectUri: String(c.redirectUri ?? ''), state });
	return `${page}?${query.toString()}`;
}

/** Envelope `{code, success, msg, data}`; gateway failures may use `errorCode`/`errorMsg`; type errors come as HTTP 400 text. */
export function redbookVerdict(statusCode: number, body: unknown): ReplyVerdict {
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		return statusCode < 400 ? { ok: true } : { ok: false, code: statusCode, message: `JuGuang answered HTTP ${statusCode}: ${String(body).slice(0, 200)}` };
	}
	const b = (body ?? {}) as IDataObject;
	const code = Number(b.code ?? 0);
	const gatewayCode = Number(b.errorCode ?? 0);
	if (b.success !== false && code === 0 && gatewayCode === 0 && statusCode < 400) return { ok: true };
	const effective = code || gatewayCode || statusCode;
	const msg = String(b.msg ?? b.message ?? b.errorMsg ?? '');
	return {
		ok: false,
		tokenInvalid: TOKEN_INVALID_CODES.has(effective) || (effective !== 40301 && effective !== 40302 && TOKEN_INVALID_TEXT.test(msg)),
		rateLimited: RATE_LIMIT_CODES.has(effective),
		code: effective,
		message: `JuGuang error ${effective}: ${msg || 'request failed'}`,
		details: { hint: HINTS[effective] ?? '', logid: (b.request_id as string) ?? '' },
	};
}

function tokenFields(data: IDataObject): FetchedToken {
	const now = Date.now();
	return {
		accessToken: String(data.access_token ?? ''),
		expiresAt: now + Number(data.access_token_expires_in ?? 3600) * 1000,
		extra: {
			refreshToken: String(data.refresh_token ?? ''),
			refreshExpiresAt: now + Number(data.refresh_token_expires_in ?? 2592000) * 1000,
			advertisers: JSON.stringify(data.approval_advertisers ?? []),
			userId: String(data.user_id ?? ''),
			grantedScope: String(data.scope ?? ''),
		},
	};
}

async function tokenCall(httpRequest: HttpRequester, url: string, body: IDataObject, what: string): Promise<IDataObject> {
	const full = (await httpRequest({ method: 'POST', url, body, json: true, ignoreHttpStatusErrors: true, returnFullResponse: true })) as { statusCode?: number; body?: unknown };
	const reply = (full.body && typeof full.body === 'object' ? full.body : {}) as IDataObject;
	// no JSON envelope (a gateway's error page): the endpoint failed, reported with its status by the engine
	const status = Number(full.statusCode ?? 200);
	if (status >= 400 && !(full.body && typeof full.body === 'object')) throw Object.assign(new Error(`JuGuang ${what}: HTTP ${status}`), { statusCode: status });
	const verdict = redbookVerdict(status, reply);
	if (!verdict.ok || !(reply.data as IDataObject)?.access_token) {
		throw new TokenError(`JuGuang ${what} failed: ${verdict.message ?? 'no access_token'}`, verdict.code, HINTS[Number(verdict.code)]);
	}
	return reply.data as IDataObject;
}

/**
 * JuGuang's authorization-code grant speaks JSON (`{app_id, secret, auth_code}`), which n8n's OAuth2 client cannot
 * send, so the person pastes the one-time code into the credential and its preAuthentication exchanges it; afterwards
 * the same path refreshes, and every refresh rotates both tokens — n8n persists whatever comes back.
 */
export const redbookUserAdapter: PastedCodeAdapter = {
	source: 'pasted-code',
	platform: 'redbook',
	label: 'RedBook JuGuang',
	credentialType: REDBOOK_USER_CREDENTIAL,
	credentialDisplayName: 'MediaX RedBook OAuth2 API',
	baseUrl: apiBase,
	verdict: redbookVerdict,
	refreshSkewMs: 5 * 60_000,
	fingerprint: (c) => `${apiBase(c)}|${c.appId}`,
	// 40004: refresh token invalid or past its 30 days (google-redbook-bilibili.md, JuGuang token section; see HINTS)
	refusedRefreshCodes: [40004],
	accountFields: ['userId'],
	authorizationUrlOperation: 'run "Authorization → Get Authorization URL" in the MediaX RedBook node',
	async exchangeCode(httpRequest, c, code) {
		const data = await tokenCall(httpRequest, `${apiBase(c)}/api/open/oauth2/access_token`, { app_id: Number(c.appId), secret: c.secret, auth_code: code }, 'authorization-code exchange');
		return tokenFields(data);
	},
	async refresh(httpRequest, c) {
		if (!c.refreshToken) {
			throw new TokenError('The RedBook credential is not authorized yet', undefined, 'Run "Authorization → Get Authorization URL" in the MediaX RedBook node, approve in the browser, and paste the auth_code into the credential.');
		}
		if (Number(c.refreshExpiresAt ?? 0) && Number(c.refreshExpiresAt) <= Date.now()) {
			throw new TokenError('The RedBook authorization expired (its refresh token lasts 30 days)', 40004, HINTS[40004]);
		}
		const data = await tokenCall(httpRequest, `${apiBase(c)}/api/open/oauth2/refresh_token`, { app_id: Number(c.appId), secret: c.secret, refresh_token: c.refreshToken }, 'token refresh');
		return tokenFields(data);
	},
	sign(options, accessToken) {
		options.headers = { ...(options.headers ?? {}), 'Access-Token': accessToken };
	},
};
