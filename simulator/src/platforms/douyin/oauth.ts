import type { SimContext } from '../../core/types';
import { Call, type Route } from './route';
import { KNOWN_SCOPES, SIM_CLIENT_KEY, SIM_CLIENT_SECRET, SIM_NICKNAME, SIM_OPEN_ID, SIM_UNION_ID, type DouyinStore } from './store';

const SCOPE_LABELS: Record<string, string> = {
	user_info: '获取你的公开信息（昵称、头像）',
	'video.list.bind': '查询你发布的视频',
	'video.create.bind': '代替你发布视频',
	'video.data.bind': '查询视频数据',
	'video.delete': '删除你发布的视频',
	'item.comment': '管理视频评论',
	'data.external.user': '查询账号数据',
	'data.external.item': '查询作品数据',
	'fans.data.bind': '查询粉丝画像',
	'fans.check': '判断用户是否关注你',
};

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function splitScopes(scope: string | undefined): string[] {
	return (scope ?? '').split(/[,\s]+/).filter(Boolean);
}

/** https is required; http is tolerated for loopback so local n8n instances can be redirected to */
function redirectUriProblem(uri: string | undefined): string | undefined {
	if (!uri) return 'redirect_uri is required';
	let url: URL;
	try {
		url = new URL(uri.split('#')[0]);
	} catch {
		return 'redirect_uri is not a valid URL';
	}
	const loopback = ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname);
	if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return undefined;
	return 'redirect_uri must start with https (http is accepted for loopback hosts only)';
}

interface ConsentParams {
	clientKey: string;
	redirectUri: string;
	scopes: string[];
	state?: string;
}

function validateConsent(query: Record<string, string>): ConsentParams | string {
	if (!query.client_key) return 'client_key is required';
	if (query.client_key !== SIM_CLIENT_KEY) return `client_key ${query.client_key} is not a registered app`;
	if (query.response_type !== 'code') return 'response_type must be code';
	const scopes = splitScopes(query.scope);
	if (!scopes.length) return 'scope is required';
	const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
	if (unknown.length) return `scope not available to this app: ${unknown.join(',')}`;
	const problem = redirectUriProblem(query.redirect_uri);
	if (problem) return problem;
	return { clientKey: query.client_key, redirectUri: query.redirect_uri.split('#')[0], scopes, state: query.state };
}

function errorPage(ctx: SimContext, message: string): void {
	ctx.log.note = `consent error: ${message}`;
	ctx.html(400, `<!doctype html><html><head><meta charset="utf-8"><title>抖音授权失败 — Douyin authorization error (simulator)</title></head><body><h1>授权失败</h1><p id="error">${escapeHtml(message)}</p></body></html>`);
}

/** GET /platform/oauth/connect/: the page the user sees; extra params (n8n adds client_id etc.) are ignored. */
export function consentPage(ctx: SimContext): void {
	const params = validateConsent(ctx.query);
	if (typeof params === 'string') return errorPage(ctx, params);
	const confirm = (decision: string) => {
		const q = new URLSearchParams({ client_key: params.clientKey, response_type: 'code', scope: params.scopes.join(','), redirect_uri: params.redirectUri, decision });
		if (params.state !== undefined) q.set('state', params.state);
		return `/douyin/platform/oauth/connect/confirm?${q}`;
	};
	const items = params.scopes.map((s) => `<li data-scope="${escapeHtml(s)}">${escapeHtml(SCOPE_LABELS[s] ?? s)} <code>${escapeHtml(s)}</code></li>`).join('');
	ctx.html(
		200,
		`<!doctype html><html><head><meta charset="utf-8"><title>抖音授权 — Douyin authorization (simulator)</title></head><body>
<h1>抖音授权 — Douyin authorization (simulator)</h1>
<p>应用 <strong id="app">MediaX Simulator App</strong> (<code>${escapeHtml(params.clientKey)}</code>) 申请使用账号 <strong id="account">${escapeHtml(SIM_NICKNAME)}</strong> 的以下权限：</p>
<ul id="scopes">${items}</ul>
<p><a id="agree" href="${escapeHtml(confirm('agree'))}">同意授权 Agree</a> <a id="cancel" href="${escapeHtml(confirm('cancel'))}">取消 Cancel</a></p>
</body></html>`,
	);
}

/** GET /platform/oauth/connect/confirm: the user's decision, answered with the redirect back to the app. */
export function consentConfirm(ctx: SimContext, store: DouyinStore): void {
	const params = validateConsent(ctx.query);
	if (typeof params === 'string') return errorPage(ctx, params);
	const target = new URL(params.redirectUri);
	if (ctx.query.decision === 'cancel') {
		target.searchParams.set('error', 'access_denied');
		target.searchParams.set('error_description', 'the user cancelled the authorization');
	} else {
		const code = store.issueCode(SIM_OPEN_ID, params.scopes, ctx.now());
		target.searchParams.set('code', code.code);
		target.searchParams.set('scopes', params.scopes.join(','));
		ctx.log.note = 'consent agreed';
	}
	if (params.state !== undefined) target.searchParams.set('state', params.state);
	ctx.redirect(target.toString());
}

/** how the caller encoded its parameters, for ctx.log.note */
async function variantOf(call: Call): Promise<string> {
	const body = await call.readBody();
	const variant = call.ctx.method === 'GET' || body.kind === 'empty' ? 'query' : body.kind;
	call.ctx.log.note = `variant=${variant}`;
	return variant;
}

function missing(call: Call, names: string[]): string | undefined {
	return names.find((n) => !call.params[n]);
}

async function accessToken(call: Call): Promise<void> {
	await variantOf(call);
	const { store } = call;
	const p = call.params;
	const absent = missing(call, ['client_key', 'client_secret', 'code', 'grant_type']);
	if (absent) return call.fail(2100005, `Parameter error: ${absent} is required`);
	if (p.grant_type !== 'authorization_code') return call.fail(2100005, 'Parameter error: grant_type must be authorization_code');
	if (p.client_key !== SIM_CLIENT_KEY) return call.fail(29002002, 'ClientKey invalid');
	if (p.client_secret !== SIM_CLIENT_SECRET) return call.fail(10013, 'client_key or client_secret is wrong');
	const code = store.codes.get(p.code);
	const now = call.now();
	if (!code || code.used || now >= code.expiresAt) return call.fail(10007, 'authorization code expired or already used');
	code.used = true;
	const { access, refresh } = store.newGrant(code.openId, code.scopes, now);
	call.ok({
		access_token: access.token,
		captcha: '',
		desc_url: '',
		expires_in: store.config.accessTokenTtl,
		open_id: code.openId,
		refresh_expires_in: store.config.refreshTokenTtl,
		refresh_token: refresh.token,
		scope: code.scopes.join(','),
	});
}

async function refreshToken(call: Call): Promise<void> {
	await variantOf(call);
	const { store } = call;
	const p = call.params;
	const absent = missing(call, ['client_key', 'grant_type', 'refresh_token']);
	if (absent) return call.fail(10005, `missing parameter: ${absent}`);
	if (p.client_key !== SIM_CLIENT_KEY) return call.fail(10003, 'client_key does not exist');
	if (p.grant_type !== 'refresh_token') return call.fail(10002, 'grant_type must be refresh_token');
	const now = call.now();
	const refresh = store.refreshTokens.get(p.refresh_token);
	// an unknown or renewed-away refresh token is answered like an expired one: the user must authorise again
	if (!refresh || refresh.invalid || now >= refresh.expiresAt) return call.fail(10010, 'refresh_token expired or invalid; the user must authorise again');
	const grant = refresh.grant;
	const current = store.userTokens.get(grant.accessToken);
	let access;
	if (current && !current.revoked && now < current.expiresAt) {
		// still valid: same token, expiry extended
		current.expiresAt = now + store.config.accessTokenTtl * 1000;
		access = current;
		call.ctx.log.note += ' refresh=extended';
	} else {
		access = store.issueAccessToken(grant, now);
		call.ctx.log.note += ' refresh=new-token';
	}
	call.ok({
		access_token: access.token,
		expires_in: store.config.accessTokenTtl,
		open_id: grant.openId,
		refresh_token: refresh.token,
		refresh_expires_in: Math.max(0, Math.floor((refresh.expiresAt - now) / 1000)),
		scope: grant.scopes.join(','),
	});
}

async function renewRefreshToken(call: Call): Promise<void> {
	await variantOf(call);
	const { store } = call;
	const p = call.params;
	const absent = missing(call, ['client_key', 'refresh_token']);
	if (absent) return call.fail(10005, `missing parameter: ${absent}`);
	if (p.client_key !== SIM_CLIENT_KEY) return call.fail(10003, 'client_key does not exist');
	if (!store.config.renewPermission) return call.fail(10004, 'permission insufficient: the app lacks renew_refresh_token');
	const now = call.now();
	const old = store.refreshTokens.get(p.refresh_token);
	if (!old || old.invalid || now >= old.expiresAt) return call.fail(10010, 'refresh_token expired or invalid; the user must authorise again');
	if (old.grant.renewals >= store.config.maxRenewals) return call.fail(10020, `refresh_token renewed ${store.config.maxRenewals} times already; the user must authorise again`);
	old.invalid = true;
	old.grant.renewals++;
	store.issued.renew++;
	const fresh = store.issueRefreshToken(old.grant, now);
	call.ok({ refresh_token: fresh.token, expires_in: store.config.refreshTokenTtl });
}

async function clientToken(call: Call): Promise<void> {
	await variantOf(call);
	const { store } = call;
	const p = call.params;
	const absent = missing(call, ['client_key', 'client_secret', 'grant_type']);
	if (absent) return call.fail(10002, `parameter error: ${absent} is required`);
	if (p.grant_type !== 'client_credential') return call.fail(10002, 'parameter error: grant_type must be client_credential');
	if (p.client_key !== SIM_CLIENT_KEY) return call.fail(10003, 'client_key does not exist');
	if (p.client_secret !== SIM_CLIENT_SECRET) return call.fail(10013, 'client_key or client_secret is wrong');
	const now = call.now();
	store.clientTokenIssues = store.clientTokenIssues.filter((t) => now - t < 300_000);
	if (store.clientTokenIssues.length >= store.config.clientTokenRateLimit) return call.fail(10020, 'client_token requested too often (limit per 5 minutes reached)');
	const token = store.issueClientToken(now);
	call.ok({ access_token: token.token, expires_in: store.config.clientTokenTtl });
}

function userInfo(call: Call): void {
	call.ok({
		open_id: SIM_OPEN_ID,
		union_id: SIM_UNION_ID,
		nickname: SIM_NICKNAME,
		avatar: 'https://p3-sim.douyinpic.com/aweme/100x100/avatar-0001.jpeg',
		avatar_larger: 'https://p3-sim.douyinpic.com/aweme/1080x1080/avatar-0001.jpeg',
		gender: 0,
		country: '中国',
		province: '广东',
		city: '深圳',
		e_account_role: '',
	});
}

const tokenEndpoint = { methods: ['GET', 'POST'] as Array<'GET' | 'POST'>, auth: 'none' as const, dialect: 'oauth' as const, tokenRequest: true };

export const oauthRoutes: Route[] = [
	// the access_token error examples carry an `extra` block; the other token endpoints answer {data, message:'error'}
	{ ...tokenEndpoint, paths: ['/oauth/access_token'], oauthErrorStyle: 'extra', handler: accessToken },
	{ ...tokenEndpoint, paths: ['/oauth/refresh_token'], handler: refreshToken },
	{ ...tokenEndpoint, paths: ['/oauth/renew_refresh_token'], handler: renewRefreshToken },
	{ ...tokenEndpoint, paths: ['/oauth/client_token'], handler: clientToken },
	{ paths: ['/oauth/userinfo'], methods: ['GET', 'POST'], auth: 'user', scope: 'user_info', dialect: 'oauth', credentialsInBody: true, handler: userInfo },
];
