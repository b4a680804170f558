import type { SimContext } from '../../core/types';
import {
	APPID,
	CODE_TTL_S,
	OVERLAP_S,
	REFRESH_TOKEN_TTL_S,
	SECRET,
	WEB_TOKEN_TTL_S,
	WxError,
	beijingDay,
	ok,
	randomId,
	webUser,
	type AppToken,
	type WeChatState,
	type WebToken,
	type WebUser,
} from './state';

const INVALID_CREDENTIAL = 'invalid credential, access_token is invalid or not latest';

function newTokenValue(): string {
	// real tokens are ~136+ characters; callers must store at least 512
	return `86_${randomId(150)}`;
}

function isLive(token: AppToken | undefined, now: number): token is AppToken {
	return !!token && now < token.expiresAt && (token.invalidFrom === undefined || now < token.invalidFrom);
}

/** Why a token is refused, or undefined when it is good. */
export function appTokenProblem(token: AppToken, now: number): WxError | undefined {
	if (token.invalidFrom !== undefined && now >= token.invalidFrom) return new WxError(40001, INVALID_CREDENTIAL);
	if (now >= token.expiresAt) return new WxError(42001, 'access_token expired');
	return undefined;
}

/** Records the presented token on the log entry without judging it (used by fault replies). */
export function noteToken(state: WeChatState, ctx: SimContext): void {
	const value = ctx.query.access_token;
	if (!value) return;
	ctx.log.token = value;
	ctx.log.tokenKind = state.appTokens.get(value)?.kind ?? (state.webTokens.has(value) ? 'web' : 'unknown');
}

/** Validates the global access_token of a /cgi-bin API call. */
export function requireAppToken(state: WeChatState, ctx: SimContext): AppToken {
	noteToken(state, ctx);
	const value = ctx.query.access_token;
	if (!value) throw new WxError(41001, 'access_token missing');
	const token = state.appTokens.get(value);
	// a web-auth token is a real token of the wrong kind: WeChat answers "invalid credential"
	if (!token) throw state.webTokens.has(value) ? new WxError(40001, INVALID_CREDENTIAL) : new WxError(40014, 'invalid access_token');
	const problem = appTokenProblem(token, ctx.now());
	if (problem) throw problem;
	return token;
}

export function checkWhitelist(state: WeChatState, ctx: SimContext): void {
	const list = state.config.whitelist;
	if (!list) return;
	const ip = ctx.remoteAddress;
	if (list.includes(ip)) return;
	const ipv6 = ip.includes(':') ? ip : `::ffff:${ip}`;
	throw new WxError(40164, `invalid ip ${ip} ipv6 ${ipv6}, not in whitelist`);
}

function checkCredentials(grantType: unknown, appid: unknown, secret: unknown, expectedGrant: string): void {
	if (appid === undefined || appid === '') throw new WxError(41002, 'appid missing');
	if (secret === undefined || secret === '') throw new WxError(41004, 'appsecret missing');
	if (grantType !== expectedGrant) throw new WxError(40002, 'invalid grant_type');
	if (appid !== APPID) throw new WxError(40013, 'invalid appid');
	if (secret !== SECRET) throw new WxError(40125, 'invalid appsecret');
}

function issueAppToken(state: WeChatState, kind: AppToken['kind'], now: number): AppToken {
	const token: AppToken = { value: newTokenValue(), kind, issuedAt: now, expiresAt: now + state.config.tokenTtl * 1000 };
	state.appTokens.set(token.value, token);
	state.issued[kind]++;
	return token;
}

function tokenReply(token: AppToken, now: number) {
	return { access_token: token.value, expires_in: Math.max(0, Math.ceil((token.expiresAt - now) / 1000)) };
}

/** GET /cgi-bin/token: every call issues a new token; the previous one keeps working for 5 minutes. */
export function classicToken(state: WeChatState, ctx: SimContext): void {
	ctx.log.category = 'token-request';
	ctx.log.tokenKind = 'classic';
	const q = ctx.query;
	checkCredentials(q.grant_type, q.appid, q.secret, 'client_credential');
	checkWhitelist(state, ctx);
	const now = ctx.now();
	const day = beijingDay(now);
	if (state.classicQuota.day !== day) state.classicQuota = { day, count: 0 };
	if (state.classicQuota.count >= state.config.classicDailyLimit) throw new WxError(45009, 'reach max api daily quota limit');
	state.classicQuota.count++;
	const previous = state.currentClassic;
	if (isLive(previous, now)) {
		const cutoff = now + OVERLAP_S * 1000;
		// one that expires inside the overlap simply expires (42001)
		if (cutoff < previous.expiresAt) previous.invalidFrom = Math.min(previous.invalidFrom ?? Infinity, cutoff);
	}
	const token = issueAppToken(state, 'classic', now);
	state.currentClassic = token;
	ok(ctx, tokenReply(token, now));
}

/** Parses a JSON body whatever the content-type says (WeChat reads the bytes). */
export async function readJsonBody(ctx: SimContext): Promise<Record<string, any>> {
	const body = await ctx.body().catch(() => {
		throw new WxError(47001, 'data format error');
	});
	if (body.kind === 'multipart') throw new WxError(47001, 'data format error');
	if (!body.raw || !body.raw.length) throw new WxError(44002, 'empty post data');
	let parsed: unknown;
	try {
		parsed = JSON.parse(body.raw.toString('utf8'));
	} catch {
		throw new WxError(47001, 'data format error');
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new WxError(47001, 'data format error');
	return parsed as Record<string, any>;
}

/** POST /cgi-bin/stable_token: same token while valid, a new one in its last 300 s, force_refresh rules. */
export async function stableToken(state: WeChatState, ctx: SimContext): Promise<void> {
	ctx.log.category = 'token-request';
	ctx.log.tokenKind = 'stable';
	if (ctx.method !== 'POST') throw new WxError(43002, 'require POST method');
	const body = await readJsonBody(ctx);
	const force = body.force_refresh === true;
	if (force) ctx.log.note = 'force';
	checkCredentials(body.grant_type, body.appid, body.secret, 'client_credential');
	checkWhitelist(state, ctx);
	const now = ctx.now();
	const current = state.currentStable;
	const cfg = state.config;
	if (force) {
		const day = beijingDay(now);
		if (state.force.day !== day) state.force = { ...state.force, day, count: 0 };
		// within the minimum interval the platform does not refresh and hands back the current token
		if (isLive(current, now) && state.force.lastAt !== undefined && now - state.force.lastAt < cfg.forceMinIntervalSeconds * 1000) {
			return ok(ctx, tokenReply(current, now));
		}
		if (state.force.count >= cfg.forceDailyLimit) throw new WxError(45009, 'reach max api daily quota limit');
		state.force.count++;
		state.force.total++;
		state.force.lastAt = now;
		for (const t of state.appTokens.values()) if (t.kind === 'stable' && isLive(t, now)) t.invalidFrom = now;
	} else if (isLive(current, now) && current.expiresAt - now > OVERLAP_S * 1000) {
		return ok(ctx, tokenReply(current, now));
	}
	// in the last 300 s the old token is left alone and simply expires
	const token = issueAppToken(state, 'stable', now);
	state.currentStable = token;
	ok(ctx, tokenReply(token, now));
}

/** Admin: the live global tokens answer 40001 (revoke) or 42001 (expire) from now on. */
export function invalidateAppTokens(state: WeChatState, now: number, how: 'revoke' | 'expire'): number {
	let n = 0;
	for (const t of state.appTokens.values()) {
		if (!isLive(t, now)) continue;
		if (how === 'revoke') t.invalidFrom = now;
		else t.expiresAt = now;
		n++;
	}
	return n;
}

// ---- web authorisation (网页授权 / 网站应用扫码登录) ----

const OA_SCOPES = ['snsapi_base', 'snsapi_userinfo'];

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function errorPage(ctx: SimContext, code: number, message: string): void {
	ctx.log.code = code;
	ctx.html(200, `<!doctype html><html><head><meta charset="utf-8"><title>微信授权</title></head><body><h2 id="error">${escapeHtml(message)}</h2><p>errcode ${code}</p></body></html>`);
}

/** GET /connect/oauth2/authorize and /connect/qrconnect: the consent page. */
export function consentPage(ctx: SimContext, qr: boolean): void {
	const q = ctx.query;
	if (q.appid !== APPID) return errorPage(ctx, 40013, '参数错误: invalid appid');
	if (!q.redirect_uri) return errorPage(ctx, 10003, 'redirect_uri 参数错误');
	if (q.response_type !== 'code') return errorPage(ctx, 10004, 'response_type 参数错误');
	const validScope = qr ? q.scope === 'snsapi_login' : OA_SCOPES.includes(q.scope ?? '');
	if (!validScope) return errorPage(ctx, 10005, 'scope 参数错误或没有 scope 权限');
	const snapshot = !qr && q.scope === 'snsapi_userinfo' && q.forceSnapShot === '1';
	const hidden = { appid: q.appid, redirect_uri: q.redirect_uri, scope: q.scope, state: q.state ?? '', snapshot: snapshot ? '1' : '0' };
	const inputs = Object.entries(hidden)
		.map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`)
		.join('');
	const what = q.scope === 'snsapi_base' ? '获取你的公开身份标识 (openid)' : '获取你的昵称、头像';
	ctx.log.code = 0;
	ctx.html(
		200,
		`<!doctype html><html><head><meta charset="utf-8"><title>${qr ? '微信登录' : '微信网页授权'}</title></head><body>
<h1>${qr ? '微信扫码登录 (simulated)' : '公众号网页授权 (simulated)'}</h1>
<p>应用 <b>${escapeHtml(q.appid)}</b> 申请${what}</p>
<form method="post" action="/wechat/connect/oauth2/confirm">${inputs}
<button id="agree" type="submit" name="decision" value="agree">同意 Agree</button>
<button id="deny" type="submit" name="decision" value="deny">拒绝 Deny</button>
</form></body></html>`,
	);
}

function withParams(uri: string, params: Record<string, string>): string {
	const [base, fragment] = uri.split('#', 2);
	const sep = base.includes('?') ? '&' : '?';
	const qs = new URLSearchParams(params).toString();
	return `${base}${sep}${qs}${fragment !== undefined ? `#${fragment}` : ''}`;
}

/** The consent form posts here; agreeing issues a 5-minute single-use code. */
export async function confirmConsent(state: WeChatState, ctx: SimContext): Promise<void> {
	const body = await ctx.body().catch(() => undefined);
	const p = { ...ctx.query, ...(body?.form ?? {}) };
	if (p.appid !== APPID || !p.redirect_uri || !p.scope) return errorPage(ctx, 40013, '参数错误');
	if (p.decision === 'deny') {
		ctx.log.code = 0;
		return ctx.redirect(withParams(p.redirect_uri, { state: p.state ?? '' }));
	}
	const code = issueCode(state, ctx.now(), p.scope, p.snapshot === '1');
	ctx.log.code = 0;
	ctx.redirect(withParams(p.redirect_uri, { code, state: p.state ?? '' }));
}

export function issueCode(state: WeChatState, now: number, scope: string, snapshot: boolean): string {
	const value = `0${randomId(31)}`;
	state.codes.set(value, { value, user: webUser(snapshot), scope, issuedAt: now, used: false });
	return value;
}

function webTokenReply(token: WebToken, refresh: string, now: number) {
	const reply: Record<string, unknown> = {
		access_token: token.value,
		expires_in: Math.max(0, Math.ceil((token.expiresAt - now) / 1000)),
		refresh_token: refresh,
		openid: token.user.openid,
		scope: token.scope,
	};
	if (token.user.snapshot) reply.is_snapshotuser = 1;
	// website login (snsapi_login) also grants user info, so it carries unionid too
	if (token.scope !== 'snsapi_base' && token.user.unionid) reply.unionid = token.user.unionid;
	return reply;
}

export function exchangeCode(state: WeChatState, now: number, code: string): Record<string, unknown> {
	const entry = state.codes.get(code);
	if (!entry) throw new WxError(40029, 'invalid code');
	if (entry.used) throw new WxError(40163, 'code been used');
	if (now - entry.issuedAt > CODE_TTL_S * 1000) throw new WxError(42003, 'code expired');
	entry.used = true;
	return issueWebToken(state, now, entry.user, entry.scope);
}

export function issueWebToken(state: WeChatState, now: number, user: WebUser, scope: string): Record<string, unknown> {
	const token: WebToken = { value: `86_${randomId(110)}`, user, scope, expiresAt: now + WEB_TOKEN_TTL_S * 1000 };
	const refresh = `86_${randomId(110)}`;
	state.webTokens.set(token.value, token);
	state.refreshTokens.set(refresh, { value: refresh, accessToken: token.value, user, scope, expiresAt: now + REFRESH_TOKEN_TTL_S * 1000 });
	state.issued.web++;
	return webTokenReply(token, refresh, now);
}

function checkWebApp(q: Record<string, string>, needSecret: boolean): void {
	if (!q.appid) throw new WxError(41002, 'appid missing');
	if (needSecret && !q.secret) throw new WxError(41004, 'appsecret missing');
	if (q.appid !== APPID) throw new WxError(40013, 'invalid appid');
	if (needSecret && q.secret !== SECRET) throw new WxError(40125, 'invalid appsecret');
}

/** GET /sns/oauth2/access_token */
export function snsAccessToken(state: WeChatState, ctx: SimContext): void {
	ctx.log.category = 'token-request';
	ctx.log.tokenKind = 'web';
	const q = ctx.query;
	checkWebApp(q, true);
	if (q.grant_type !== 'authorization_code') throw new WxError(40002, 'invalid grant_type');
	if (!q.code) throw new WxError(41008, 'missing code');
	ok(ctx, exchangeCode(state, ctx.now(), q.code));
}

/** GET /sns/oauth2/refresh_token: renews the access token (same value while still valid); the refresh token itself lasts 30 days. */
export function snsRefreshToken(state: WeChatState, ctx: SimContext): void {
	ctx.log.category = 'token-request';
	ctx.log.tokenKind = 'web';
	const q = ctx.query;
	checkWebApp(q, false);
	if (q.grant_type !== 'refresh_token') throw new WxError(40002, 'invalid grant_type');
	if (!q.refresh_token) throw new WxError(41003, 'refresh_token missing');
	const refresh = state.refreshTokens.get(q.refresh_token);
	if (!refresh) throw new WxError(40030, 'invalid refresh_token');
	const now = ctx.now();
	if (now >= refresh.expiresAt) throw new WxError(42002, 'refresh_token expired');
	let token = state.webTokens.get(refresh.accessToken);
	if (!token || now >= token.expiresAt) {
		if (token) state.webTokens.delete(token.value);
		token = { value: `86_${randomId(110)}`, user: refresh.user, scope: refresh.scope, expiresAt: 0 };
		state.webTokens.set(token.value, token);
		refresh.accessToken = token.value;
		state.issued.web++;
	}
	token.expiresAt = now + WEB_TOKEN_TTL_S * 1000;
	ok(ctx, webTokenReply(token, refresh.value, now));
}

function requireWebToken(state: WeChatState, ctx: SimContext): WebToken {
	noteToken(state, ctx);
	const value = ctx.query.access_token;
	if (!value) throw new WxError(41001, 'access_token missing');
	const token = state.webTokens.get(value);
	if (!token) throw state.appTokens.has(value) ? new WxError(40001, INVALID_CREDENTIAL) : new WxError(40014, 'invalid access_token');
	if (ctx.now() >= token.expiresAt) throw new WxError(42001, 'access_token expired');
	if (!ctx.query.openid) throw new WxError(41009, 'missing openid');
	if (ctx.query.openid !== token.user.openid) throw new WxError(40003, 'invalid openid');
	return token;
}

/** GET /sns/userinfo (needs snsapi_userinfo or snsapi_login). */
export function snsUserInfo(state: WeChatState, ctx: SimContext): void {
	const token = requireWebToken(state, ctx);
	if (token.scope === 'snsapi_base') throw new WxError(48001, 'api unauthorized');
	const u = token.user;
	const reply: Record<string, unknown> = {
		openid: u.openid,
		nickname: u.nickname,
		// gender and region have not been returned with real values since Oct 2021
		sex: 0,
		province: '',
		city: '',
		country: '',
		headimgurl: `${ctx.baseUrl}/wechat/mmbiz/wxsim_image_0001_file`,
		privilege: [],
	};
	if (u.unionid) reply.unionid = u.unionid;
	ok(ctx, reply);
}

/** GET /sns/auth */
export function snsAuth(state: WeChatState, ctx: SimContext): void {
	requireWebToken(state, ctx);
	ok(ctx, { errcode: 0, errmsg: 'ok' });
}
