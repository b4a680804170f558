import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import type { AppTokenAdapter, FetchedToken, HttpRequester, PastedCodeAdapter } from '../engine/adapters';
import { customBaseUrl, environmentBaseUrl } from '../engine/baseUrl';
import { TokenError, type ReplyVerdict } from '../engine/types';

export const WECHAT_PRODUCTION_URL = 'https://api.weixin.qq.com';
export const WECHAT_APP_CREDENTIAL = 'mediaXWeChatOfficialAccountApi';

/** 40001 invalid or superseded, 40014 malformed/unknown, 42001 expired: refresh and retry once. */
const TOKEN_INVALID_CODES = new Set([40001, 40014, 42001]);
/** 45011 minute quota (retry next minute); 45009 is the daily quota, which a retry cannot help (douyin-wechat.md errcodes) */
const RATE_LIMIT_CODES = new Set([45011]);

/** English meaning and what to do, per errcode; WeChat's errmsg is appended as is. */
const ERRCODES: Record<number, string> = {
	[-1]: 'WeChat is busy: retry in a moment.',
	40001: 'The access token is invalid or not the latest (another system may have force-refreshed it), or the AppSecret is wrong.',
	40002: 'Invalid grant_type.',
	40003: 'Invalid openid: it does not belong to this official account.',
	40004: 'Invalid media type.',
	40005: 'Invalid file type for this upload.',
	40007: 'Invalid media_id: unknown, expired, or of the wrong kind (a cover needs a permanent image or thumb material).',
	40009: 'The image is too large.',
	40013: 'Invalid AppID: check the credential.',
	40014: 'Invalid access token.',
	40125: 'Invalid AppSecret: check the credential (reset it in the WeChat console if unsure).',
	40164:
		'The n8n server\'s IP address is not in the official account\'s IP whitelist. Add it under Settings and Development → Basic Configuration → IP Whitelist in the WeChat console, or send calls through a fixed-IP relay with Environment "Custom Base URL".',
	41001: 'The access token is missing.',
	41005: 'The media file is missing.',
	42001: 'The access token expired.',
	44002: 'The request body is empty.',
	44003: 'The articles are missing.',
	45001: 'The file is larger than WeChat allows for this type.',
	45009: 'The daily API quota is used up (it resets at midnight Beijing time, or clear it in the WeChat console).',
	45011: 'Too many calls this minute: slow down, e.g. with a Wait node or a smaller batch.',
	47001: 'WeChat could not parse the request body.',
	48001: 'This official account has no permission for this API (e.g. an unverified subscription account).',
	50001: 'The user has not authorized this API.',
	50002: 'The official account is restricted.',
	53402: 'Cover crop failed: check the crop parameters of the cover image.',
	53600: 'Unknown article_id.',
};

function num(value: unknown): number {
	const n = Number(value ?? 0);
	return Number.isFinite(n) ? n : -1;
}

export function wechatBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return environmentBaseUrl(credentials, WECHAT_PRODUCTION_URL);
}

export function wechatErrorHint(code: number): string {
	return ERRCODES[code] ?? '';
}

/** WeChat reports errors as HTTP 200 with errcode/errmsg; success has no errcode or errcode 0. */
export function wechatVerdict(statusCode: number, body: unknown): ReplyVerdict {
	if (Buffer.isBuffer(body)) return statusCode < 400 ? { ok: true } : { ok: false, code: statusCode, message: `WeChat answered HTTP ${statusCode}` };
	const b = (body ?? {}) as IDataObject;
	const code = num(b.errcode);
	if (code === 0) {
		return statusCode < 400 ? { ok: true } : { ok: false, code: statusCode, message: `WeChat answered HTTP ${statusCode}` };
	}
	const errmsg = String(b.errmsg ?? '');
	const rid = /rid:\s*([\w-]+)/.exec(errmsg)?.[1];
	return {
		ok: false,
		tokenInvalid: TOKEN_INVALID_CODES.has(code),
		rateLimited: RATE_LIMIT_CODES.has(code),
		code,
		message: `WeChat error ${code}: ${wechatErrorHint(code).split(':')[0].replace(/\.$/, '') || errmsg}`,
		details: { hint: wechatErrorHint(code), errmsg, ...(rid ? { logid: rid } : {}) },
	};
}

async function stableToken(httpRequest: HttpRequester, c: ICredentialDataDecryptedObject, force: boolean): Promise<{ accessToken: string; expiresAt: number }> {
	const reply = (await httpRequest({
		method: 'POST',
		url: `${wechatBaseUrl(c)}/cgi-bin/stable_token`,
		body: { grant_type: 'client_credential', appid: c.appId, secret: c.appSecret, force_refresh: force },
		json: true,
	})) as IDataObject;
	const verdict = wechatVerdict(200, reply);
	if (!verdict.ok || !reply.access_token) {
		const code = Number(verdict.code);
		throw new TokenError(`WeChat stable_token request failed: errcode ${verdict.code ?? '?'} (${String(reply?.errmsg ?? 'no access_token')})`, verdict.code, wechatErrorHint(code));
	}
	return { accessToken: String(reply.access_token), expiresAt: Date.now() + num(reply.expires_in || 7200) * 1000 };
}

/**
 * The official account's access token through the stable-token endpoint: every caller gets the same token while it
 * is valid, so several n8n processes never invalidate each other. A rejected token is re-fetched in normal mode
 * first (another process may already have replaced it); only when WeChat still hands back the rejected token is a
 * force refresh spent (20 a day, 30 s apart).
 */
export const wechatAppAdapter: AppTokenAdapter = {
	source: 'app-token',
	platform: 'wechat',
	label: 'WeChat',
	credentialType: WECHAT_APP_CREDENTIAL,
	credentialDisplayName: 'MediaX WeChat Official Account API',
	baseUrl: wechatBaseUrl,
	verdict: wechatVerdict,
	// stable_token hands out the next token only in the last 300 s of the current one
	refreshSkewMs: 4 * 60_000,
	fingerprint: (c) => `${wechatBaseUrl(c)}|${c.appId}`,
	async fetchToken(httpRequest, c, renewal) {
		const token = await stableToken(httpRequest, c, false);
		if (renewal.reason === 'rejected' && renewal.rejectedToken && token.accessToken === renewal.rejectedToken) return stableToken(httpRequest, c, true);
		return token;
	},
	sign(options, accessToken) {
		options.qs = { ...(options.qs ?? {}), access_token: accessToken };
	},
};

// ---------------------------------------------------------------------------------------------------------------
// Web authorization (snsapi_base / snsapi_userinfo / snsapi_login): a person's own token
// ---------------------------------------------------------------------------------------------------------------

export const WECHAT_WEB_CREDENTIAL = 'mediaXWeChatOAuth2Api';
export const WECHAT_OPEN_URL = 'https://open.weixin.qq.com';

function openBase(c: ICredentialDataDecryptedObject): string {
	return customBaseUrl(c) || WECHAT_OPEN_URL;
}

/** The consent link: official-account pages use /connect/oauth2/authorize, website QR login /connect/qrconnect. */
export function wechatAuthorizeUrl(c: ICredentialDataDecryptedObject, state: string): string {
	const scope = String(c.scope || 'snsapi_userinfo');
	const page = scope === 'snsapi_login' ? '/connect/qrconnect' : '/connect/oauth2/authorize';
	// WeChat wants this parameter order and the #wechat_redirect fragment
	const query = `appid=${encodeURIComponent(String(c.appId ?? ''))}&redirect_uri=${encodeURIComponent(String(c.redirectUri ?? ''))}&response_type=code&scope=${scope}&state=${encodeURIComponent(state)}`;
	return `${openBase(c)}${page}?${query}#wechat_redirect`;
}

async function snsToken(httpRequest: HttpRequester, url: string, qs: IDataObject, what: string): Promise<IDataObject> {
	const reply = (await httpRequest({ method: 'GET', url, qs, json: true })) as IDataObject;
	const verdict = wechatVerdict(200, reply);
	if (!verdict.ok || !reply.access_token) {
		const code = Number(verdict.code);
		const hint =
			code === 40029 || code === 40163 || code === 42003
				? 'The authorization code is invalid, used or older than 5 minutes: get a new one (Web Authorization → Get Authorization URL) and paste it.'
				: code === 42002 || code === 40030
					? 'The refresh token expired (30 days) or is invalid: authorize again and paste the new code.'
					: wechatErrorHint(code);
		throw new TokenError(`WeChat ${what} failed: errcode ${verdict.code ?? '?'} (${String(reply.errmsg ?? 'no access_token')})`, verdict.code, hint);
	}
	return reply;
}

function webTokenFields(reply: IDataObject, refreshExpiresAt: number): FetchedToken {
	return {
		accessToken: String(reply.access_token),
		expiresAt: Date.now() + num(reply.expires_in || 7200) * 1000,
		extra: {
			refreshToken: String(reply.refresh_token ?? ''),
			refreshExpiresAt,
			openid: String(reply.openid ?? ''),
			...(reply.unionid ? { unionid: String(reply.unionid) } : {}),
			grantedScope: String(reply.scope ?? ''),
		},
	};
}

/**
 * WeChat's code exchange is a GET with appid/secret/code in the query, which n8n's OAuth2 client cannot send; the
 * one-time code is pasted into the credential and exchanged by its preAuthentication, and the 2-hour token is then
 * refreshed with the 30-day refresh token (which WeChat does not renew).
 */
export const wechatWebUserAdapter: PastedCodeAdapter = {
	source: 'pasted-code',
	platform: 'wechat',
	label: 'WeChat',
	credentialType: WECHAT_WEB_CREDENTIAL,
	credentialDisplayName: 'MediaX WeChat OAuth2 API',
	baseUrl: wechatBaseUrl,
	verdict: wechatVerdict,
	refreshSkewMs: 5 * 60_000,
	fingerprint: (c) => `${wechatBaseUrl(c)}|${c.appId}`,
	// 42002 refresh token expired (30 days), 40030 invalid refresh token (douyin-wechat.md, web authorization)
	refusedRefreshCodes: [42002, 40030],
	accountFields: ['openid', 'unionid'],
	authorizationUrlOperation: 'run "Web Authorization → Get Authorization URL" in the MediaX WeChat Official Account node',
	async exchangeCode(httpRequest, c, code) {
		const reply = await snsToken(httpRequest, `${wechatBaseUrl(c)}/sns/oauth2/access_token`, { appid: c.appId, secret: c.appSecret, code, grant_type: 'authorization_code' }, 'code exchange');
		return webTokenFields(reply, Date.now() + 30 * 86400_000);
	},
	async refresh(httpRequest, c) {
		const base = wechatBaseUrl(c);
		if (!c.refreshToken) {
			throw new TokenError('The WeChat OAuth2 credential is not authorized yet', undefined, 'Run "Web Authorization → Get Authorization URL" in the MediaX WeChat Official Account node, approve in WeChat, and paste the code into the credential.');
		}
		const reply = await snsToken(httpRequest, `${base}/sns/oauth2/refresh_token`, { appid: c.appId, grant_type: 'refresh_token', refresh_token: c.refreshToken }, 'token refresh');
		// the refresh token keeps its original 30-day life
		return webTokenFields(reply, Number(c.refreshExpiresAt ?? 0));
	},
	// every /sns API takes the person's openid beside the token
	sign(options, accessToken, c) {
		options.qs = { ...(options.qs ?? {}), access_token: accessToken, openid: c.openid };
	},
};
