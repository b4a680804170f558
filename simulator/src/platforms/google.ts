import type { Fault, PlatformModule, SimContext, SimulatorApi } from '../core/types';
import { authorise, logCaller, RULES, type Caller } from './google/auth';
import { BLOGGER_ROUTES, promoteScheduled, type BloggerCall } from './google/blogger';
import { consentDecision, consentPage, newAccessToken, newRefreshToken, revokeEndpoint, serviceAccountKeyFile, tokenEndpoint, tokenInfoEndpoint } from './google/oauth';
import { fail, GoogleApiError, replyGoogleError, replyOAuthError } from './google/reply';
import { ALL_SCOPES, DEFAULT_CONFIG, GoogleStore, SIM_CLIENT_ID, type GoogleConfig } from './google/store';
import { captionsInsert, clearUploadFiles, thumbnailsSet, uploadChunk, videosInsert } from './google/upload';
import { YOUTUBE_ROUTES, type YtCall, type YtRoute } from './google/youtube';

export {
	SIM_API_KEY as GOOGLE_API_KEY,
	SIM_BLOG_ID as GOOGLE_BLOG_ID,
	SIM_CHANNEL_ID as GOOGLE_CHANNEL_ID,
	SIM_CLIENT_ID as GOOGLE_CLIENT_ID,
	SIM_CLIENT_SECRET as GOOGLE_CLIENT_SECRET,
	SIM_SERVICE_ACCOUNT_EMAIL as GOOGLE_SERVICE_ACCOUNT_EMAIL,
} from './google/store';

/*
 * Google simulator: OAuth 2.0 (code, refresh, JWT bearer), YouTube Data API v3 subset with the resumable upload
 * protocol, Blogger API v3 subset (research: google-redbook-bilibili.md §1–3, checklist §6.1).
 * Path layout mirrors Google's hosts under /google: /o/oauth2/v2/auth, /token, /revoke, /tokeninfo,
 * /youtube/v3/…, /upload/youtube/v3/…, /blogger/v3/… (also /v3/… as on blogger.googleapis.com).
 *
 * Choices where the research left room:
 * - service-account tokens: YouTube public reads are allowed, anything channel-bound is 401 NoLinkedYouTubeAccount;
 *   Blogger treats a token delegated (sub) to the seeded user as that user, an undelegated one as a user without blogs.
 * - maxResults out of range: 400 invalidParameter (config clampMaxResults clamps instead).
 * - resumable chunk starting beyond the stored bytes: 400; resending stored bytes overwrites them.
 * - a connection lost mid-chunk keeps the whole 256 KiB granules that arrived (the core `drop` fault cuts before we see the
 *   request, so there nothing of that chunk is kept).
 * - upload completion answers 201 (config uploadCompletionStatus); asking again afterwards answers 200.
 * - thumbnails over 2 MB: 413 uploadTooLarge; wrong MIME: 400 badContent; bytes that are not PNG/JPEG: 400 invalidImage.
 * - Blogger posts.list with several labels: a post must carry all of them; default maxResults 10.
 * - rateLimit faults: 403 rateLimitExceeded (domain usageLimits) on APIs, 429 rate_limit_exceeded on the token endpoint.
 */

const TOKEN_PATHS = new Set(['/token', '/oauth2/v4/token', '/o/oauth2/token']);

/** uploads: the session URI (upload_id) carries the authority, so chunk PUTs need no token and cost no quota */
const UPLOAD_ROUTES: YtRoute[] = [
	{ method: 'POST', path: '/videos', rule: RULES.ytUpload, cost: 1600, bucket: 'insert', rawBody: true, handler: videosInsert },
	{ method: 'POST', path: '/thumbnails/set', rule: RULES.ytUpload, cost: 50, rawBody: true, handler: thumbnailsSet },
	{ method: 'POST', path: '/captions', rule: RULES.ytForceSsl, cost: 400, rawBody: true, handler: captionsInsert },
];

/** the quota day starts at midnight Pacific Time */
const PT_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });

function chargeQuota(store: GoogleStore, now: number, route: YtRoute): void {
	const day = PT_DAY.format(new Date(now));
	if (store.quota.day !== day) store.quota = { day, used: 0, search: 0, insert: 0 };
	const exceeded = () =>
		fail(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', 'youtube.quota');
	if (store.config.quotaModel === 'buckets' && route.bucket) {
		const limit = route.bucket === 'search' ? store.config.searchCallsPerDay : store.config.insertCallsPerDay;
		if (store.quota[route.bucket] + 1 > limit) exceeded();
		store.quota[route.bucket]++;
		return;
	}
	if (store.quota.used + route.cost > store.config.quotaPerDay) exceeded();
	store.quota.used += route.cost;
}

function matchRoute<R extends { method: string; path: string | RegExp }>(routes: R[], method: string, path: string): [R, RegExpExecArray | null] | undefined {
	for (const route of routes) {
		if (route.method !== method) continue;
		if (typeof route.path === 'string') {
			if (route.path === path) return [route, null];
		} else {
			const m = route.path.exec(path);
			if (m) return [route, m];
		}
	}
	return undefined;
}

/** the JSON body of a write; empty is {}, anything unparsable is Google's parseError */
async function jsonBody(ctx: SimContext): Promise<Record<string, any>> {
	if (ctx.method === 'GET' || ctx.method === 'DELETE') return {};
	const body = await ctx.body();
	if (body.kind === 'empty') return {};
	if (body.kind !== 'json' || body.invalidJson || !body.json || typeof body.json !== 'object' || Array.isArray(body.json)) fail(400, 'parseError', 'Parse Error');
	return body.json as Record<string, any>;
}

function coerceConfig(current: GoogleConfig, patch: Record<string, unknown>): GoogleConfig {
	const next = { ...current } as Record<string, unknown>;
	for (const [key, value] of Object.entries(patch ?? {})) {
		if (!(key in DEFAULT_CONFIG)) throw new Error(`unknown google config key ${key}`);
		const kind = typeof DEFAULT_CONFIG[key as keyof GoogleConfig];
		next[key] = kind === 'boolean' ? value === true || value === 'true' : kind === 'number' ? Number(value) : String(value);
	}
	if (next.quotaModel !== 'classic' && next.quotaModel !== 'buckets') throw new Error('quotaModel must be classic or buckets');
	return next as unknown as GoogleConfig;
}

export function createGoogle(): PlatformModule {
	let store = new GoogleStore(Date.now());

	async function handleYouTube(ctx: SimContext, path: string, routes: YtRoute[]): Promise<boolean> {
		const found = matchRoute(routes, ctx.method, path);
		if (!found) return false;
		const [route, match] = found;
		const caller: Caller = authorise(ctx, store, route.rule);
		chargeQuota(store, ctx.now(), route);
		const body = route.rawBody ? {} : await jsonBody(ctx);
		await route.handler({ ctx, store, caller, body }, match);
		return true;
	}

	async function handleUploadSession(ctx: SimContext): Promise<boolean> {
		const call: YtCall = { ctx, store, caller: { kind: 'unknown', asUser: false }, body: {} };
		await uploadChunk(call);
		return true;
	}

	async function handleBlogger(ctx: SimContext, path: string): Promise<boolean> {
		const found = matchRoute(BLOGGER_ROUTES, ctx.method, path);
		if (!found) return false;
		const [route, match] = found;
		const caller = authorise(ctx, store, route.rule);
		promoteScheduled(store, ctx.now());
		const body = await jsonBody(ctx);
		const url = new URL(ctx.req.url ?? '/', 'http://sim');
		const call: BloggerCall = { ctx, store, caller, body, all: (name) => url.searchParams.getAll(name) };
		route.handler(call, match!);
		return true;
	}

	async function route(ctx: SimContext): Promise<boolean> {
		const path = ctx.path.length > 1 ? ctx.path.replace(/\/+$/, '') : ctx.path;
		if (path === '/o/oauth2/v2/auth' || path === '/o/oauth2/auth') return ctx.method === 'GET' && (consentPage(ctx, store), true);
		if (path === '/o/oauth2/v2/auth/approve') return consentDecision(ctx, store), true;
		if (TOKEN_PATHS.has(path)) return await tokenEndpoint(ctx, store), true;
		if (path === '/revoke' || path === '/o/oauth2/revoke') return await revokeEndpoint(ctx, store), true;
		if (path === '/tokeninfo' || path === '/oauth2/v3/tokeninfo') return await tokenInfoEndpoint(ctx, store), true;
		if (path.startsWith('/upload/youtube/v3/')) {
			const sub = path.slice('/upload/youtube/v3'.length);
			if (ctx.query.upload_id && (ctx.method === 'PUT' || ctx.method === 'POST') && (sub === '/videos' || sub === '/captions')) return handleUploadSession(ctx);
			return handleYouTube(ctx, sub, UPLOAD_ROUTES);
		}
		if (path.startsWith('/youtube/v3/')) return handleYouTube(ctx, path.slice('/youtube/v3'.length), YOUTUBE_ROUTES);
		if (path.startsWith('/blogger/v3/')) return handleBlogger(ctx, path.slice('/blogger/v3'.length));
		// blogger.googleapis.com/v3/… spelling
		if (path.startsWith('/v3/blogs') || path.startsWith('/v3/users')) return handleBlogger(ctx, path.slice('/v3'.length));
		return false;
	}

	function admin(action: string, body: any, sim: SimulatorApi): unknown {
		const now = sim.now();
		const kind = String(body?.kind ?? 'all');
		switch (action) {
			case 'config':
				store.config = coerceConfig(store.config, body ?? {});
				return store.config;
			case 'revoke': {
				// 'user' also revokes refresh tokens, as removing the app's access does; 'access' leaves refresh tokens alone
				let count = 0;
				for (const t of store.accessTokens.values()) {
					if (t.revoked) continue;
					if (kind === 'all' || kind === 'access' || t.kind === kind) (t.revoked = true), count++;
				}
				if (kind === 'all' || kind === 'user' || kind === 'refresh') for (const r of store.refreshTokens.values()) if (!r.revoked) (r.revoked = true), count++;
				return { revoked: count };
			}
			case 'expire': {
				let count = 0;
				for (const t of store.accessTokens.values()) if (t.expiresAt > now && (kind === 'all' || t.kind === kind)) (t.expiresAt = now), count++;
				return { expired: count };
			}
			case 'issue-user-token': {
				const scopes = Array.isArray(body?.scope) ? body.scope.map(String) : typeof body?.scope === 'string' ? body.scope.split(/[\s,]+/).filter(Boolean) : ALL_SCOPES;
				const refresh = body?.offline === false ? undefined : newRefreshToken(store, now, SIM_CLIENT_ID, scopes);
				const access = newAccessToken(store, now, { kind: 'user', scopes, clientId: SIM_CLIENT_ID, refreshToken: refresh?.token });
				return { access_token: access.token, refresh_token: refresh?.token, expires_in: store.config.accessTokenTtl, scope: scopes.join(' '), token_type: 'Bearer' };
			}
			case 'service-account':
				return serviceAccountKeyFile(sim.baseUrl);
			case 'reset-quota':
				store.quota = { day: store.quota.day, used: 0, search: 0, insert: 0 };
				return store.quota;
			case 'state':
				return {
					config: store.config,
					quota: { ...store.quota },
					tokensIssued: { ...store.issued, access: store.accessTokens.size },
					uploads: [...store.uploads.values()].map((s) => ({
						id: s.id,
						kind: s.kind,
						declaredLength: s.declaredLength,
						total: s.total,
						persisted: s.persisted,
						size: s.resultId ? s.persisted : undefined,
						sha256: s.sha256,
						resultId: s.resultId,
						ranges: s.ranges,
					})),
					videos: {
						count: store.videos.length,
						uploaded: store.videos.filter((v) => v.upload).map((v) => ({ id: v.id, title: v.snippet.title, privacyStatus: v.status.privacyStatus, size: v.upload!.size, sha256: v.upload!.sha256, thumbnail: v.thumbnail })),
					},
					ratings: Object.fromEntries(store.ratings),
					posts: store.posts.map((p) => ({ id: p.id, blogId: p.blogId, title: p.title, status: p.status, published: new Date(p.published).toISOString(), labels: p.labels })),
				};
			default:
				throw new Error(`unknown google admin action ${action}`);
		}
	}

	return {
		name: 'google',
		reset() {
			store = new GoogleStore(Date.now());
			clearUploadFiles();
		},
		admin,
		async handle(ctx) {
			logCaller(ctx, store);
			try {
				return await route(ctx);
			} catch (e) {
				if (!(e instanceof GoogleApiError)) throw e;
				if (!ctx.res.headersSent) replyGoogleError(ctx, e);
				return true;
			}
		},
		faultResponse(ctx: SimContext, fault: Fault) {
			logCaller(ctx, store);
			const path = ctx.path.replace(/\/+$/, '');
			if (TOKEN_PATHS.has(path)) {
				ctx.log.category = 'token-request';
				if (fault.type === 'rateLimit') return replyOAuthError(ctx, 429, 'rate_limit_exceeded', fault.message ?? 'Rate limit exceeded');
				return replyOAuthError(ctx, fault.status ?? 500, fault.message ?? 'internal_failure', 'Backend error');
			}
			if (fault.type === 'rateLimit') {
				return replyGoogleError(ctx, new GoogleApiError(fault.status ?? 403, 'rateLimitExceeded', fault.message ?? 'The request cannot be completed because you have exceeded your rate limit.', 'usageLimits'));
			}
			const status = fault.status ?? 503;
			replyGoogleError(ctx, new GoogleApiError(status, status === 503 ? 'backendError' : String(fault.code ?? 'backendError'), fault.message ?? 'Backend Error', 'global'));
		},
	};
}
