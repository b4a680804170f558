import type { SimContext } from '../../core/types';
import { replyBiliError } from './call';
import { SIM_BILI_CLIENT_ID, SIM_BILI_CLIENT_SECRET, SIM_BILI_NAME, SIM_BILI_OPENID, type BiliStore } from './store';

const SCOPE_LABELS: Record<string, string> = {
	USER_INFO: '获取你的公开信息（昵称、头像）',
	ARC_BASE: 'UP主视频稿件管理',
	ATC_BASE: '专栏稿件管理',
	ATC_DATA: '专栏数据',
	LIVE_ROOM_DATA: '直播间数据',
};

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function gourlProblem(gourl: string | undefined): string | undefined {
	if (!gourl) return 'gourl is required';
	let url: URL;
	try {
		url = new URL(gourl);
	} catch {
		return 'gourl is not a valid URL';
	}
	// the real page requires the app's configured callback domain; loopback stands in for it here
	const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
	return url.protocol === 'https:' || (url.protocol === 'http:' && loopback) ? undefined : 'gourl is not within the app callback domain (https, or http on loopback)';
}

function errorPage(ctx: SimContext, message: string): void {
	ctx.log.note = `consent error: ${message}`;
	ctx.html(400, `<!doctype html><html><head><meta charset="utf-8"><title>授权失败 — Bilibili authorization error (simulator)</title></head><body><h1>授权失败</h1><p id="error">${escapeHtml(message)}</p></body></html>`);
}

function readConsent(ctx: SimContext): { clientId: string; gourl: string; state?: string } | string {
	const { client_id: clientId, gourl, state } = ctx.query;
	if (!clientId) return 'client_id is required';
	if (clientId !== SIM_BILI_CLIENT_ID) return `client_id ${clientId} is not a registered app`;
	const problem = gourlProblem(gourl);
	if (problem) return problem;
	return { clientId, gourl, state };
}

/** PC page /account/pc/account-pc/auth/oauth and the H5 variant /account/h5/account-h5/auth/oauth */
export function consentPage(ctx: SimContext, store: BiliStore, variant: 'pc' | 'h5'): void {
	const params = readConsent(ctx);
	if (typeof params === 'string') return errorPage(ctx, params);
	ctx.log.note = `consent page ${variant}`;
	const confirm = (decision: string) => {
		const q = new URLSearchParams({ client_id: params.clientId, gourl: params.gourl, decision });
		if (params.state !== undefined) q.set('state', params.state);
		return `/bilibili/account/pc/account-pc/auth/oauth/confirm?${q}`;
	};
	const items = store.config.appScopes.map((s) => `<li data-scope="${escapeHtml(s)}">${escapeHtml(SCOPE_LABELS[s] ?? s)} <code>${escapeHtml(s)}</code></li>`).join('');
	ctx.html(
		200,
		`<!doctype html><html><head><meta charset="utf-8"><title>哔哩哔哩授权 — Bilibili authorization (simulator)</title></head><body>
<h1>哔哩哔哩授权 — Bilibili authorization (simulator)</h1>
<p>应用 <strong id="app">MediaX Simulator App</strong> (<code>${escapeHtml(params.clientId)}</code>) 申请使用账号 <strong id="account">${escapeHtml(SIM_BILI_NAME)}</strong> 的以下权限：</p>
<ul id="scopes">${items}</ul>
<p><a id="agree" href="${escapeHtml(confirm('agree'))}">同意授权 Agree</a> <a id="deny" href="${escapeHtml(confirm('deny'))}">拒绝 Deny</a></p>
</body></html>`,
	);
}

/** The decision: gourl?code=…&state=… (a denial is not documented; the simulator sends error=access_denied) */
export function consentConfirm(ctx: SimContext, store: BiliStore): void {
	const params = readConsent(ctx);
	if (typeof params === 'string') return errorPage(ctx, params);
	const target = new URL(params.gourl);
	if (ctx.query.decision === 'deny') {
		target.searchParams.set('error', 'access_denied');
		ctx.log.note = 'consent denied (error=access_denied is the simulator’s choice)';
	} else {
		const code = store.issueCode(params.clientId, [...store.config.appScopes], ctx.now());
		target.searchParams.set('code', code.code);
		ctx.log.note = 'consent agreed';
	}
	if (params.state !== undefined) target.searchParams.set('state', params.state);
	ctx.redirect(target.toString());
}

/** token parameters from the query string (Go demo) or a form body (C# demo); a JSON body is accepted and noted */
async function tokenParams(ctx: SimContext): Promise<Record<string, string>> {
	const body = await ctx.body();
	let fromBody: Record<string, string> = {};
	let variant = 'query';
	if (body.kind === 'form') (fromBody = body.form), (variant = 'form');
	else if (body.kind === 'json' && body.json && typeof body.json === 'object') {
		fromBody = Object.fromEntries(Object.entries(body.json as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
		variant = 'json (one README; unverified)';
	} else if (body.kind === 'multipart') (fromBody = body.form), (variant = 'multipart form');
	if (Object.keys(fromBody).length && Object.keys(ctx.query).length) variant = `query+${variant}`;
	ctx.log.note = `params=${variant}`;
	return { ...ctx.query, ...fromBody };
}

function ok(ctx: SimContext, data: Record<string, unknown>): void {
	ctx.log.code = 0;
	ctx.json(200, { code: 0, message: '0', ttl: 1, data });
}

function checkClient(ctx: SimContext, store: BiliStore, p: Record<string, string>, grantType: string): boolean {
	for (const name of ['client_id', 'client_secret', 'grant_type']) if (!p[name]) return replyBiliError(ctx, store.code('paramError'), `${name} is required`), false;
	if (p.client_id !== SIM_BILI_CLIENT_ID) return replyBiliError(ctx, store.code('clientInvalid'), 'client_id错误'), false;
	if (p.client_secret !== SIM_BILI_CLIENT_SECRET) return replyBiliError(ctx, store.code('clientSecretInvalid'), 'client_secret 错误'), false;
	if (p.grant_type !== grantType) return replyBiliError(ctx, store.code('paramError'), `grant_type must be ${grantType}`), false;
	return true;
}

export async function tokenEndpoint(ctx: SimContext, store: BiliStore): Promise<void> {
	const p = await tokenParams(ctx);
	if (!checkClient(ctx, store, p, 'authorization_code')) return;
	if (!p.code) return replyBiliError(ctx, store.code('paramError'), 'code is required');
	const now = ctx.now();
	const code = store.authCodes.get(p.code);
	if (!code || code.used || now >= code.expiresAt || code.clientId !== p.client_id) return replyBiliError(ctx, store.code('authCodeInvalid'), 'code is invalid, expired or already used');
	code.used = true;
	const grant = store.newGrant(SIM_BILI_OPENID, code.clientId, code.scopes, now);
	store.issued.exchange++;
	ok(ctx, store.tokenData(grant));
}

/** Refresh semantics are unverified; by default both the presented refresh token and the old access token stop working. */
export async function refreshEndpoint(ctx: SimContext, store: BiliStore): Promise<void> {
	const p = await tokenParams(ctx);
	if (!checkClient(ctx, store, p, 'refresh_token')) return;
	if (!p.refresh_token) return replyBiliError(ctx, store.code('paramError'), 'refresh_token is required');
	const now = ctx.now();
	const record = store.refreshTokens.get(p.refresh_token);
	if (!record || record.invalid || now >= record.expiresAt || record.grant.clientId !== p.client_id) return replyBiliError(ctx, store.code('refreshTokenInvalid'), 'refresh_token is invalid or expired; authorise again');
	const grant = record.grant;
	const oldAccess = store.accessTokens.get(grant.accessToken);
	if (oldAccess && store.config.refreshInvalidatesOldAccessToken) oldAccess.invalid = true;
	store.issueAccess(grant, now);
	if (store.config.refreshRotatesRefreshToken) {
		record.invalid = true;
		store.issueRefresh(grant, now);
	}
	store.issued.refresh++;
	ctx.log.note += `; refresh rotates refresh_token=${store.config.refreshRotatesRefreshToken} invalidates old access=${store.config.refreshInvalidatesOldAccessToken}`;
	ok(ctx, store.tokenData(grant));
}
