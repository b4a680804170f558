import type { Fault, PlatformModule, SimContext, SimulatorApi } from '../core/types';
import { apiRoutes } from './douyin/api';
import { consentConfirm, consentPage, oauthRoutes } from './douyin/oauth';
import { replyError } from './douyin/reply';
import { pushDouyinEvent } from './douyin/push';
import { Call, normalisePath, type Route } from './douyin/route';
import { ALL_SCOPES, DEFAULT_CONFIG, DouyinStore, SIM_CLIENT_KEY, SIM_CLIENT_SECRET, SIM_OPEN_ID, type DouyinConfig } from './douyin/store';

export { SIM_CLIENT_KEY, SIM_CLIENT_SECRET, SIM_OPEN_ID };

/*
 * Douyin Open Platform simulator (research: douyin-wechat.md Part A).
 *
 * Error codes where the research left a choice:
 * - authorization code reused or expired: 10007.
 * - /oauth/access_token/ unknown client_key 29002002, wrong secret 10013, missing/bad params 2100005 (the doc's error example).
 * - refresh or renew with an unknown or renewed-away refresh_token: 10010, same as expired (the user must authorise again).
 * - revoked or unknown access token: 28001003 on new paths and err_no endpoints, 2190002 on legacy query-token paths
 *   (/video/list/, /video/create/ …). Expired: 28001008 new, 2190008 legacy, 10008 on /oauth/userinfo/.
 * - a client token on a user API, or a user token on a client API: answered as an invalid token (28001003 / 2190002).
 * - missing scope: 28001012 new, 2100007 (no permission) legacy. open_id mismatch: 28001015 new, 2100005 legacy.
 * - parameter errors: 28001007 new, 2100005 legacy.
 * - rate-limit faults: 28003018, except /oauth/client_token/ where it is 10020.
 * - /fans/check/ needs scope fans.check and the image APIs video.create.bind (not documented).
 */

const ROUTES: Route[] = [...oauthRoutes, ...apiRoutes];
const ROUTE_BY_PATH = new Map<string, Route>();
for (const route of ROUTES) for (const path of route.paths) ROUTE_BY_PATH.set(path, route);

type TokenKind = 'user' | 'client' | 'unknown';

function tokenKind(token: string): TokenKind {
	return token.startsWith('act.') ? 'user' : token.startsWith('clt.') ? 'client' : 'unknown';
}

/** header access-token (documented), access_token header (one PHP SDK), or the legacy access_token query parameter */
function headerOrQueryToken(ctx: SimContext): string | undefined {
	const header = ctx.headers['access-token'] ?? ctx.headers['access_token'];
	const value = Array.isArray(header) ? header[0] : header;
	return value || ctx.query.access_token || undefined;
}

function logToken(ctx: SimContext, token: string | undefined): void {
	if (!token) return;
	ctx.log.token = token;
	ctx.log.tokenKind = tokenKind(token);
}

/** Checks the user token, open_id and scope; answers the error and returns false when the call may not proceed. */
function authoriseUser(call: Call, token: string | undefined): boolean {
	const { codes, store, ctx } = call;
	if (!token) return call.fail(codes.invalidToken, 'access_token is missing'), false;
	if (tokenKind(token) === 'client') return call.fail(codes.invalidToken, 'access_token invalid: a client_token (clt.) cannot call a user API'), false;
	const rec = store.userTokens.get(token);
	if (!rec || rec.revoked) return call.fail(codes.invalidToken, 'access_token invalid'), false;
	if (call.now() >= rec.expiresAt) return call.fail(codes.expiredToken, 'access_token expired; refresh it or authorise again'), false;
	const openId = call.route.credentialsInBody ? call.params.open_id : ctx.query.open_id;
	if (!openId) return call.fail(codes.param, 'open_id is required'), false;
	if (openId !== rec.grant.openId) return call.fail(codes.openIdMismatch, 'access_token and open_id do not match'), false;
	if (call.route.scope && !rec.grant.scopes.includes(call.route.scope)) return call.fail(codes.scope, `the user has not granted scope ${call.route.scope}`), false;
	call.user = rec;
	return true;
}

function authoriseClient(call: Call, token: string | undefined): boolean {
	const { codes, store } = call;
	if (!token) return call.fail(codes.invalidToken, 'access-token (client_token) is missing'), false;
	if (tokenKind(token) === 'user') return call.fail(codes.invalidToken, 'access_token invalid: this API needs a client_token (clt.), not a user access_token'), false;
	const state = store.clientTokenState(token, call.now());
	if (state === 'invalid') return call.fail(codes.invalidToken, 'client_token invalid'), false;
	if (state === 'expired') return call.fail(codes.expiredToken, 'client_token expired'), false;
	return true;
}

function coerceConfig(current: DouyinConfig, patch: Record<string, unknown>): DouyinConfig {
	const next = { ...current } as Record<string, number | boolean>;
	for (const [key, value] of Object.entries(patch ?? {})) {
		if (!(key in DEFAULT_CONFIG)) throw new Error(`unknown douyin config key ${key}`);
		next[key] = typeof DEFAULT_CONFIG[key as keyof DouyinConfig] === 'boolean' ? value === true || value === 'true' : Number(value);
	}
	return next as unknown as DouyinConfig;
}

export function createDouyin(): PlatformModule {
	let store = new DouyinStore();

	function admin(action: string, body: any, sim: SimulatorApi): unknown {
		const now = sim.now();
		const kind = String(body?.kind ?? 'all');
		switch (action) {
			case 'config':
				store.config = coerceConfig(store.config, body ?? {});
				return store.config;
			case 'revoke': {
				let count = 0;
				if (kind === 'user' || kind === 'all') for (const t of store.userTokens.values()) if (!t.revoked) (t.revoked = true), count++;
				if (kind === 'client' || kind === 'all') for (const t of store.clientTokens) if (!t.revoked) (t.revoked = true), count++;
				return { revoked: count };
			}
			case 'expire': {
				let count = 0;
				if (kind === 'user' || kind === 'all') for (const t of store.userTokens.values()) if (t.expiresAt > now) (t.expiresAt = now), count++;
				if (kind === 'client' || kind === 'all') for (const t of store.clientTokens) if (t.expiresAt > now) (t.expiresAt = now), count++;
				// refresh tokens only on request: expiring them ends the authorisation
				if (kind === 'refresh') for (const t of store.refreshTokens.values()) if (t.expiresAt > now) (t.expiresAt = now), count++;
				return { expired: count };
			}
			case 'issue-user-token': {
				const scopes = Array.isArray(body?.scope) ? body.scope.map(String) : typeof body?.scope === 'string' ? body.scope.split(/[,\s]+/).filter(Boolean) : ALL_SCOPES;
				const { access, refresh } = store.newGrant(SIM_OPEN_ID, scopes, now);
				return {
					access_token: access.token,
					refresh_token: refresh.token,
					open_id: SIM_OPEN_ID,
					expires_in: store.config.accessTokenTtl,
					refresh_expires_in: store.config.refreshTokenTtl,
					scope: scopes.join(','),
				};
			}
			case 'state':
				return {
					config: store.config,
					tokensIssued: { ...store.issued },
					validClientTokens: store.clientTokens.filter((t) => store.clientTokenState(t.token, now) === 'valid').length,
					uploadedVideos: [...store.videoFiles.values()].map((f) => ({ videoId: f.videoId, size: f.size, sha256: f.sha256, via: f.via, parts: f.parts, usedByItemId: f.usedByItemId })),
					uploadedImages: [...store.images.values()].map((i) => ({ imageId: i.imageId, size: i.size, sha256: i.sha256 })),
					createdItems: store.videos.filter((v) => v.origin === 'created').map((v) => ({ itemId: v.itemId, videoId: v.videoId, title: v.title, mediaType: v.mediaType, videoStatus: (store.advanceReview(v, now), v.status) })),
					videoCount: store.videos.length,
					commentsReplied: store.repliedComments,
					uploadSessions: [...store.uploadSessions.values()].map((s) => ({
						uploadId: s.uploadId,
						parts: [...s.parts.entries()].sort((a, b) => a[0] - b[0]).map(([n, p]) => ({ partNumber: n, size: p.size, sha256: p.sha256 })),
						completedVideoId: s.completedVideoId,
					})),
				};
			case 'push':
				// a signed webhook push to body.url (douyin/push.ts)
				return pushDouyinEvent(body);
			default:
				throw new Error(`unknown douyin admin action ${action}`);
		}
	}

	return {
		name: 'douyin',
		reset() {
			store = new DouyinStore();
		},
		admin,
		async handle(ctx) {
			const path = normalisePath(ctx.path);
			if (path === '/platform/oauth/connect' && ctx.method === 'GET') return consentPage(ctx), true;
			if (path === '/platform/oauth/connect/confirm' && ctx.method === 'GET') return consentConfirm(ctx, store), true;
			const route = ROUTE_BY_PATH.get(path);
			if (!route) return false;
			if (route.tokenRequest) ctx.log.category = 'token-request';
			if (!route.methods.includes(ctx.method as 'GET' | 'POST')) {
				ctx.send(405, `method ${ctx.method} not allowed; use ${route.methods.join(' or ')}`, 'text/plain');
				return true;
			}
			const call = new Call(ctx, store, route);
			// uploads are authorised before their body is read; everything else is small and read first
			if (!route.upload) await call.readBody();
			const token = headerOrQueryToken(ctx) ?? (route.credentialsInBody ? call.params.access_token || undefined : undefined);
			logToken(ctx, token);
			if (route.auth === 'user' && !authoriseUser(call, token)) return true;
			if (route.auth === 'client' && !authoriseClient(call, token)) return true;
			await route.handler(call);
			return true;
		},
		faultResponse(ctx: SimContext, fault: Fault) {
			const route = ROUTE_BY_PATH.get(normalisePath(ctx.path));
			if (route?.tokenRequest) ctx.log.category = 'token-request';
			logToken(ctx, headerOrQueryToken(ctx));
			const dialect = route?.dialect ?? 'data';
			const opts = { numbersAsStrings: store.config.numbersAsStrings };
			if (fault.type === 'rateLimit') {
				const isClientToken = route?.paths.includes('/oauth/client_token');
				replyError(ctx, dialect, isClientToken ? 10020 : 28003018, fault.message ?? 'request rate too high, slow down', opts, route?.oauthErrorStyle);
				return;
			}
			replyError(ctx, dialect, fault.code ?? 28001005, fault.message ?? 'system busy', opts, route?.oauthErrorStyle);
		},
	};
}
