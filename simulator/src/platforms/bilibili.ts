import type { Fault, PlatformModule, SimContext, SimulatorApi } from '../core/types';
import { bilibiliApiRoutes } from './bilibili/api';
import { bilibiliArticleRoutes } from './bilibili/article';
import { BiliCall, BiliError, replyBiliError, type BiliRoute } from './bilibili/call';
import { consentConfirm, consentPage, refreshEndpoint, tokenEndpoint } from './bilibili/oauth';
import { verifySignature } from './bilibili/sign';
import { BILI_APP_SCOPES, BILIBILI_ERROR_CODES, BiliStore, DEFAULT_BILI_CONFIG, SIM_BILI_CLIENT_ID, SIM_BILI_CLIENT_SECRET, SIM_BILI_OPENID, type BiliConfig } from './bilibili/store';
import { partUpload, smallUpload, UploadDir } from './bilibili/upload';

export { BILIBILI_ERROR_CODES, SIM_BILI_CLIENT_ID, SIM_BILI_CLIENT_SECRET, SIM_BILI_OPENID };

/*
 * Bilibili Open Platform (哔哩哔哩开放平台) simulator (research: google-redbook-bilibili.md §5, §6.3).
 * Hosts map to path prefixes under /bilibili:
 *   account.bilibili.com      → /bilibili/account/pc/account-pc/auth/oauth (and /account/h5/account-h5/auth/oauth)
 *   api.bilibili.com          → /bilibili/x/account-oauth2/v1/token | refresh_token
 *   member.bilibili.com       → /bilibili/arcopen/fn/… (signed, access-token header)
 *   openupos.bilivideo.com    → /bilibili/upos/video/v2/part/upload | /upos/video/v2/upload (unsigned, upload_token:
 *                                the C# demo: "该请求无需header携带签名")
 * Error codes: BILIBILI_ERROR_CODES (overridable through config.codes). Rate-limit faults answer 127009.
 */

const ROUTES: BiliRoute[] = [...bilibiliApiRoutes, ...bilibiliArticleRoutes];
const ROUTE_BY_PATH = new Map<string, BiliRoute>();
for (const route of ROUTES) for (const path of route.paths) ROUTE_BY_PATH.set(path, route);

const TOKEN_PATHS = new Set(['/x/account-oauth2/v1/token', '/x/account-oauth2/v1/refresh_token']);

function normalise(path: string): string {
	const trimmed = path.replace(/\/+$/, '');
	return trimmed === '' ? '/' : trimmed;
}

function accessTokenHeader(ctx: SimContext): string | undefined {
	const v = ctx.headers['access-token'];
	return (Array.isArray(v) ? v[0] : v) || undefined;
}

function logToken(ctx: SimContext, store: BiliStore, token: string | undefined): void {
	if (!token) return;
	ctx.log.token = token;
	ctx.log.tokenKind = store.accessTokens.has(token) ? 'user' : 'unknown';
}

/** query, then the JSON object / form / multipart fields of the body */
async function readParams(call: BiliCall): Promise<void> {
	const { ctx } = call;
	const body = (call.body = await ctx.body());
	let fromBody: Record<string, unknown> = {};
	if (body.kind === 'json') {
		if (body.invalidJson || !body.json || typeof body.json !== 'object' || Array.isArray(body.json)) throw call.param('request body is not a JSON object');
		fromBody = body.json as Record<string, unknown>;
	} else if (body.kind === 'form' || body.kind === 'multipart') fromBody = body.form;
	if (ctx.method === 'POST' && body.kind !== 'empty') call.note(`body=${body.kind}`);
	call.params = { ...ctx.query, ...fromBody };
}

function authorise(call: BiliCall): void {
	const { ctx, store } = call;
	const token = accessTokenHeader(ctx);
	logToken(ctx, store, token);
	const multipart = call.body?.kind === 'multipart';
	let clientId: string | undefined;
	if (store.config.signatureChecks) clientId = verifySignature(ctx, store, call.body?.raw, multipart);
	else {
		const h = ctx.headers['x-bili-accesskeyid'];
		clientId = (Array.isArray(h) ? h[0] : h) || undefined;
		call.note('signature checks off');
	}
	if (!token) throw call.error('authMissing', 'access-token header is missing');
	const record = store.accessTokens.get(token);
	if (!record || record.invalid) throw call.error('tokenInvalid', 'access-token is invalid');
	if (call.now() >= record.expiresAt) throw call.error('tokenExpired', 'access-token has expired; refresh it');
	if (clientId && clientId !== record.grant.clientId) throw call.error('accessKeyMismatch', 'x-bili-accesskeyid is not the client this access-token was issued to');
	if (call.route.scope && !store.config.appScopes.includes(call.route.scope)) throw call.error('noPermission', `应用无该接口权限 (needs ${call.route.scope})`);
	if (call.route.scope && !record.grant.scopes.includes(call.route.scope)) throw call.error('userNotGranted', `该接口用户未授权 (the user did not grant ${call.route.scope})`);
	call.grant = record.grant;
}

function coerceConfig(current: BiliConfig, patch: Record<string, unknown>): BiliConfig {
	const next = { ...current, codes: { ...current.codes }, appScopes: [...current.appScopes] } as Record<string, unknown> & BiliConfig;
	for (const [key, value] of Object.entries(patch ?? {})) {
		if (!(key in DEFAULT_BILI_CONFIG)) throw new Error(`unknown bilibili config key ${key}`);
		if (key === 'codes') {
			for (const [name, code] of Object.entries((value ?? {}) as Record<string, unknown>)) {
				if (!(name in BILIBILI_ERROR_CODES)) throw new Error(`unknown bilibili error code name ${name}`);
				next.codes[name as keyof typeof BILIBILI_ERROR_CODES] = Number(code);
			}
		} else if (key === 'appScopes') {
			if (!Array.isArray(value)) throw new Error('appScopes must be an array');
			next.appScopes = value.map(String);
		} else {
			const isBool = typeof DEFAULT_BILI_CONFIG[key as keyof BiliConfig] === 'boolean';
			next[key] = isBool ? value === true || value === 'true' : Number(value);
		}
	}
	return next;
}

export function createBilibili(): PlatformModule {
	let store = new BiliStore();
	const uploadDir = new UploadDir();

	function admin(action: string, body: any, sim: SimulatorApi): unknown {
		const now = sim.now();
		const kind = String(body?.kind ?? 'all');
		const tokens = () => [...(kind === 'access' || kind === 'all' ? store.accessTokens.values() : []), ...(kind === 'refresh' || kind === 'all' ? store.refreshTokens.values() : [])];
		switch (action) {
			case 'config':
				store.config = coerceConfig(store.config, body ?? {});
				return { ...store.config, effectiveCodes: Object.fromEntries(Object.keys(BILIBILI_ERROR_CODES).map((k) => [k, store.code(k as keyof typeof BILIBILI_ERROR_CODES)])) };
			case 'revoke': {
				let count = 0;
				for (const t of tokens()) if (!t.invalid) (t.invalid = true), count++;
				return { revoked: count };
			}
			case 'expire': {
				let count = 0;
				for (const t of tokens()) if (!t.invalid && t.expiresAt > now) (t.expiresAt = now), count++;
				return { expired: count };
			}
			case 'issue-user-token': {
				const scopes = Array.isArray(body?.scopes ?? body?.scope) ? (body.scopes ?? body.scope).map(String) : typeof body?.scope === 'string' ? body.scope.split(/[,\s]+/).filter(Boolean) : [...store.config.appScopes];
				const grant = store.newGrant(SIM_BILI_OPENID, SIM_BILI_CLIENT_ID, scopes, now);
				store.issued.shortcut++;
				return store.tokenData(grant);
			}
			case 'review': {
				// test hook: decide an archive's review now ({resource_id, result: 'approve' | 'reject', reason})
				const a = store.archives.find((x) => x.resourceId === body?.resource_id);
				if (!a) throw new Error(`no archive ${body?.resource_id}`);
				if (body?.result === 'reject') Object.assign(a, { state: -2, rejectReason: String(body?.reason ?? '内容不符合社区规范'), reviewAt: undefined });
				else Object.assign(a, { state: 0, rejectReason: '', reviewAt: undefined, ptime: a.ptime ?? now });
				return { resource_id: a.resourceId, state: a.state };
			}
			case 'state':
				store.advanceReview(now);
				return {
					config: store.config,
					tokensIssued: { ...store.issued },
					validAccessTokens: [...store.accessTokens.values()].filter((t) => !t.invalid && t.expiresAt > now).length,
					validRefreshTokens: [...store.refreshTokens.values()].filter((t) => !t.invalid && t.expiresAt > now).length,
					noncesRemembered: store.nonces.size,
					uploads: [...store.uploads.values()].map((s) => ({
						upload_token: s.uploadToken,
						name: s.name,
						utype: s.utype,
						parts: [...s.parts.entries()].sort((a, b) => a[0] - b[0]).map(([n, p]) => ({ part_number: n, size: p.size, sha256: p.sha256, etag: p.etag })),
						completed: s.completed,
						via: s.via,
						size: s.size,
						sha256: s.sha256,
						resource_id: s.usedBy,
					})),
					archives: store.archives.map((a) => ({ resource_id: a.resourceId, title: a.title, tid: a.tid, state: a.state, deleted: a.deleted, origin: a.origin, ctime: Math.floor(a.ctime / 1000) })),
					articles: store.articles.map((a) => ({ id: a.id, title: a.title, group: a.group, deleted: a.deleted })),
					images: store.images.map((i) => ({ url: i.url, size: i.size, sha256: i.sha256, kind: i.kind })),
				};
			default:
				throw new Error(`unknown bilibili admin action ${action}`);
		}
	}

	return {
		name: 'bilibili',
		reset() {
			store = new BiliStore();
			uploadDir.clear();
		},
		admin,
		async handle(ctx) {
			const path = normalise(ctx.path);
			if (ctx.method === 'GET' && path === '/account/pc/account-pc/auth/oauth') return consentPage(ctx, store, 'pc'), true;
			if (ctx.method === 'GET' && path === '/account/h5/account-h5/auth/oauth') return consentPage(ctx, store, 'h5'), true;
			if (ctx.method === 'GET' && path === '/account/pc/account-pc/auth/oauth/confirm') return consentConfirm(ctx, store), true;
			if (TOKEN_PATHS.has(path)) {
				ctx.log.category = 'token-request';
				if (ctx.method !== 'POST') return ctx.send(405, 'use POST', 'text/plain'), true;
				await (path.endsWith('/token') ? tokenEndpoint(ctx, store) : refreshEndpoint(ctx, store));
				return true;
			}
			if (path === '/upos/video/v2/part/upload' || path === '/upos/video/v2/upload') {
				if (ctx.method !== 'POST') return ctx.send(405, 'use POST', 'text/plain'), true;
				await (path.endsWith('/part/upload') ? partUpload(ctx, store, uploadDir) : smallUpload(ctx, store, uploadDir));
				return true;
			}
			const route = ROUTE_BY_PATH.get(path);
			if (!route) return false;
			if (route.paths.length > 1) ctx.log.note = `path=${path}`;
			if (!route.methods.includes(ctx.method as 'GET' | 'POST')) {
				ctx.send(405, `method ${ctx.method} not allowed; use ${route.methods.join(' or ')}`, 'text/plain');
				return true;
			}
			const call = new BiliCall(ctx, store, route);
			try {
				await readParams(call);
				authorise(call);
				await route.handler(call);
			} catch (e) {
				if (e instanceof BiliError) replyBiliError(ctx, e.code, e.message);
				else throw e;
			}
			return true;
		},
		faultResponse(ctx: SimContext, fault: Fault) {
			if (TOKEN_PATHS.has(normalise(ctx.path))) ctx.log.category = 'token-request';
			logToken(ctx, store, accessTokenHeader(ctx));
			if (fault.type === 'rateLimit') return replyBiliError(ctx, store.code('rateLimited'), fault.message ?? '接口繁忙，请稍后再试');
			replyBiliError(ctx, fault.code ?? store.code('serverError'), fault.message ?? '服务器错误');
		},
	};
}

export { BILI_APP_SCOPES };
