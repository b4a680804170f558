import type { SimContext } from '../../core/types';
import { codeCallbackPage } from '../codeCallbackPage';
import { paramError, RedbookError, type RedbookCall, type RedbookRoute } from './call';
import { REDBOOK_ERROR_CODES, REDBOOK_SCOPES, SIM_REDBOOK_ADVERTISERS, SIM_REDBOOK_APP_ID, SIM_REDBOOK_SECRET, type RedbookStore } from './store';

const SCOPE_LABELS: Record<string, string> = {
	report_service: '数据报表',
	ad_query: '广告查询',
	ad_manage: '广告管理',
	account_manage: '账户管理',
};

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The scope parameter: a JSON array string (documented), or comma/space separated (what generic OAuth clients send). */
function parseScope(raw: string | undefined): { scopes: string[]; variant: string } | string {
	if (!raw) return 'scope is required';
	let scopes: string[];
	let variant: string;
	if (raw.trim().startsWith('[')) {
		try {
			const parsed = JSON.parse(raw);
			if (!Array.isArray(parsed)) return 'scope must be a JSON array';
			scopes = parsed.map(String);
			variant = 'scope=json-array';
		} catch {
			return 'scope is not valid JSON';
		}
	} else {
		scopes = raw.split(/[,\s]+/).filter(Boolean);
		variant = 'scope=separated-list';
	}
	const unknown = scopes.filter((s) => !REDBOOK_SCOPES.includes(s));
	if (unknown.length) return `unknown scope: ${unknown.join(',')}`;
	if (!scopes.length) return 'scope is required';
	return { scopes, variant };
}

function redirectProblem(uri: string | undefined): string | undefined {
	if (!uri) return 'redirectUri is required';
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return 'redirectUri is not a valid URL';
	}
	const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
	return url.protocol === 'https:' || (url.protocol === 'http:' && loopback) ? undefined : 'redirectUri must be https (http only for loopback hosts)';
}

interface ConsentParams {
	appId: string;
	redirectUri: string;
	scopes: string[];
	state?: string;
	variant: string;
}

/** camelCase on /auth (current), snake_case on the legacy /aurora/openApiAuth page */
function readConsent(ctx: SimContext, legacy: boolean): ConsentParams | string {
	const q = ctx.query;
	const appId = legacy ? q.app_id : (q.appId ?? q.app_id);
	const redirectUri = legacy ? q.redirect_uri : (q.redirectUri ?? q.redirect_uri);
	if (!appId) return `${legacy ? 'app_id' : 'appId'} is required`;
	if (appId !== String(SIM_REDBOOK_APP_ID)) return `app ${appId} is not registered`;
	const problem = redirectProblem(redirectUri);
	if (problem) return problem;
	const scope = parseScope(q.scope);
	if (typeof scope === 'string') return scope;
	const naming = legacy ? 'legacy aurora/openApiAuth snake_case' : q.appId ? 'auth camelCase' : 'auth snake_case';
	return { appId, redirectUri, scopes: scope.scopes, state: q.state, variant: `${naming}; ${scope.variant}` };
}

function errorPage(ctx: SimContext, message: string): void {
	ctx.log.note = `consent error: ${message}`;
	ctx.html(400, `<!doctype html><html><head><meta charset="utf-8"><title>授权失败 — JuGuang authorization error (simulator)</title></head><body><h1>授权失败</h1><p id="error">${escapeHtml(message)}</p></body></html>`);
}

export function consentPage(ctx: SimContext, legacy: boolean): void {
	const params = readConsent(ctx, legacy);
	if (typeof params === 'string') return errorPage(ctx, params);
	ctx.log.note = params.variant;
	const confirm = (decision: string) => {
		const q = new URLSearchParams({ appId: params.appId, redirectUri: params.redirectUri, scope: JSON.stringify(params.scopes), decision });
		if (params.state !== undefined) q.set('state', params.state);
		return `/redbook/auth/confirm?${q}`;
	};
	const scopes = params.scopes.map((s) => `<li data-scope="${s}">${escapeHtml(SCOPE_LABELS[s] ?? s)} <code>${s}</code></li>`).join('');
	const advertisers = SIM_REDBOOK_ADVERTISERS.map((a) => `<li data-advertiser-id="${a.advertiser_id}">${escapeHtml(a.advertiser_name)} (${a.advertiser_id})</li>`).join('');
	ctx.html(
		200,
		`<!doctype html><html><head><meta charset="utf-8"><title>小红书聚光授权 — JuGuang authorization (simulator)</title></head><body>
<h1>小红书聚光授权 — JuGuang authorization (simulator)</h1>
<p>应用 <strong id="app">MediaX Simulator App</strong> (<code>${escapeHtml(params.appId)}</code>) 申请以下权限：</p>
<ul id="scopes">${scopes}</ul>
<p>授权的广告主：</p><ul id="advertisers">${advertisers}</ul>
<p><a id="agree" href="${escapeHtml(confirm('agree'))}">同意授权 Agree</a> <a id="deny" href="${escapeHtml(confirm('deny'))}">拒绝 Deny</a></p>
</body></html>`,
	);
}

/** The user's decision. The callback carries the code as `auth_code` and as `code` (sources disagree on the name). */
export function consentConfirm(ctx: SimContext, store: RedbookStore): void {
	const params = readConsent(ctx, false);
	if (typeof params === 'string') return errorPage(ctx, params);
	const target = new URL(params.redirectUri);
	if (ctx.query.decision === 'deny') {
		target.searchParams.set('error', 'access_denied');
		ctx.log.note = 'consent denied';
	} else {
		const code = store.issueCode(params.scopes, SIM_REDBOOK_ADVERTISERS.map((a) => a.advertiser_id), ctx.now());
		target.searchParams.set('auth_code', code.code);
		target.searchParams.set('code', code.code);
		ctx.log.note = 'consent agreed';
	}
	if (params.state !== undefined) target.searchParams.set('state', params.state);
	ctx.redirect(target.toString());
}

/** The demo's Redirect URI page (`/redbook/oauth-callback`): shows the auth_code to paste into the credential. */
export function redbookCallbackPage(ctx: SimContext, store: RedbookStore): void {
	codeCallbackPage(ctx, { platform: 'RedBook JuGuang', codeParam: 'auth_code', credentialType: 'MediaX RedBook OAuth2 API', validity: `${Math.round(store.config.codeTtl / 60)} minutes` });
}

function checkApp(call: RedbookCall): void {
	const appId = call.params.app_id;
	if (appId === undefined || appId === '') throw paramError('app_id is required');
	if (!call.params.secret) throw paramError('secret is required');
	// app_id is numeric in the docs; a numeric string is accepted too
	if (String(appId) !== String(SIM_REDBOOK_APP_ID) || call.params.secret !== SIM_REDBOOK_SECRET) throw new RedbookError(REDBOOK_ERROR_CODES.appAuthFailed, 'app_id or secret is wrong');
}

function accessToken(call: RedbookCall): void {
	checkApp(call);
	const authCode = call.str('auth_code', { required: true })!;
	const now = call.now();
	const code = call.store.codes.get(authCode);
	if (!code || code.used || now >= code.expiresAt) throw new RedbookError(REDBOOK_ERROR_CODES.authCodeInvalid, 'auth_code is invalid, expired or already used');
	code.used = true;
	const grant = call.store.newGrant(code.scopes, code.advertiserIds, now);
	call.store.issued.exchange++;
	call.ok(call.store.tokenData(grant, now));
}

/** Rotation: a new access and refresh token; the old pair stops working at once. */
function refreshToken(call: RedbookCall): void {
	checkApp(call);
	const presented = call.str('refresh_token', { required: true })!;
	const now = call.now();
	const record = call.store.refreshTokens.get(presented);
	if (!record || record.invalid || now >= record.expiresAt) throw new RedbookError(REDBOOK_ERROR_CODES.refreshTokenInvalid, 'refresh_token is invalid or expired; authorise again');
	call.store.issuePair(record.grant, now);
	call.store.issued.refresh++;
	if (call.params.grant_type !== undefined) call.note('grant_type sent (ignored)');
	call.ok(call.store.tokenData(record.grant, now));
}

export const redbookOauthRoutes: RedbookRoute[] = [
	{ paths: ['/api/open/oauth2/access_token'], methods: ['POST'], tokenRequest: true, handler: accessToken },
	{ paths: ['/api/open/oauth2/refresh_token'], methods: ['POST'], tokenRequest: true, handler: refreshToken },
];
