import type { Fault, PlatformModule, SimContext, SimulatorApi } from '../core/types';
import { redbookApiRoutes, GatewayTypeError } from './redbook/api';
import { RedbookCall, RedbookError, replyRedbookError, paramError, type RedbookRoute } from './redbook/call';
import { consentConfirm, consentPage, redbookCallbackPage, redbookOauthRoutes } from './redbook/oauth';
import { DEFAULT_REDBOOK_CONFIG, REDBOOK_ERROR_CODES, REDBOOK_SCOPES, RedbookStore, SIM_REDBOOK_ADVERTISERS, SIM_REDBOOK_APP_ID, SIM_REDBOOK_SECRET, type RedbookConfig } from './redbook/store';

export { REDBOOK_ERROR_CODES, SIM_REDBOOK_ADVERTISERS, SIM_REDBOOK_APP_ID, SIM_REDBOOK_SECRET };

/*
 * Xiaohongshu JuGuang (小红书聚光) Marketing API simulator (research: google-redbook-bilibili.md §4, §6.2).
 * Hosts map to path prefixes: ad-market.xiaohongshu.com/auth → /redbook/auth,
 * ad.xiaohongshu.com/aurora/openApiAuth → /redbook/aurora/openApiAuth, adapi.xiaohongshu.com/api/open/… → /redbook/api/open/….
 * Error codes are REDBOOK_ERROR_CODES (the platform publishes none). Rate-limit faults answer rateLimited with HTTP 200.
 * Not emulated: X-Debug-Mode sandbox (noted in the log only), agency sub-accounts, P2 endpoints.
 */

const ROUTES: RedbookRoute[] = [...redbookOauthRoutes, ...redbookApiRoutes];
const ROUTE_BY_PATH = new Map<string, RedbookRoute>();
for (const route of ROUTES) for (const path of route.paths) ROUTE_BY_PATH.set(path, route);

function normalise(path: string): string {
	const trimmed = path.replace(/\/+$/, '');
	return trimmed === '' ? '/' : trimmed;
}

function addNote(ctx: SimContext, note: string): void {
	ctx.log.note = ctx.log.note ? `${ctx.log.note}; ${note}` : note;
}

/** Access-Token header; a Bearer Authorization is read only to reject it with the invalid-token error */
function presentedToken(ctx: SimContext): { token?: string; bearer: boolean } {
	const header = ctx.headers['access-token'];
	const token = Array.isArray(header) ? header[0] : header;
	if (token) return { token, bearer: false };
	const auth = ctx.headers.authorization;
	const m = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth) : null;
	return { token: m?.[1], bearer: Boolean(m) };
}

function logToken(ctx: SimContext, store: RedbookStore, token: string | undefined): void {
	if (!token) return;
	ctx.log.token = token;
	ctx.log.tokenKind = store.accessTokens.has(token) ? 'user' : 'unknown';
}

/** JSON body (POST) or query string (GET); token endpoints also take a form body */
async function readParams(ctx: SimContext, route: RedbookRoute): Promise<Record<string, unknown>> {
	if (ctx.method === 'GET') return { ...ctx.query };
	const body = await ctx.body();
	if (body.kind === 'json') {
		if (body.invalidJson || !body.json || typeof body.json !== 'object' || Array.isArray(body.json)) throw new GatewayTypeError('request body is not a JSON object');
		return { ...ctx.query, ...(body.json as Record<string, unknown>) };
	}
	if (body.kind === 'empty') return { ...ctx.query };
	if (body.kind === 'form' && route.tokenRequest) {
		addNote(ctx, 'variant=form body (documented: JSON)');
		return { ...ctx.query, ...body.form };
	}
	throw paramError('Content-Type must be application/json');
}

function authorise(call: RedbookCall, route: RedbookRoute): void {
	const { ctx, store } = call;
	const { token, bearer } = presentedToken(ctx);
	logToken(ctx, store, token);
	if (bearer) throw new RedbookError(REDBOOK_ERROR_CODES.tokenInvalid, 'access token must be sent in the Access-Token header, not Authorization: Bearer');
	if (!token) throw new RedbookError(REDBOOK_ERROR_CODES.tokenInvalid, 'Access-Token header is missing');
	const record = store.accessTokens.get(token);
	if (!record || record.invalid) throw new RedbookError(REDBOOK_ERROR_CODES.tokenInvalid, 'access_token is invalid');
	if (call.now() >= record.expiresAt) throw new RedbookError(REDBOOK_ERROR_CODES.tokenExpired, 'access_token has expired; refresh it');
	if (route.scope && !record.grant.scopes.includes(route.scope)) throw new RedbookError(REDBOOK_ERROR_CODES.noScope, `the authorisation lacks scope ${route.scope}`);
	const advertiserId = call.int('advertiser_id', { required: true })!;
	if (!record.grant.advertiserIds.includes(advertiserId)) throw new RedbookError(REDBOOK_ERROR_CODES.noAdvertiserPermission, `no permission for advertiser ${advertiserId}`);
	call.grant = record.grant;
	call.advertiserId = advertiserId;
}

function coerceConfig(current: RedbookConfig, patch: Record<string, unknown>): RedbookConfig {
	const next = { ...current } as Record<string, number | boolean>;
	for (const [key, value] of Object.entries(patch ?? {})) {
		if (!(key in DEFAULT_REDBOOK_CONFIG)) throw new Error(`unknown redbook config key ${key}`);
		const isBool = typeof DEFAULT_REDBOOK_CONFIG[key as keyof RedbookConfig] === 'boolean';
		next[key] = isBool ? value === true || value === 'true' : Number(value);
	}
	return next as unknown as RedbookConfig;
}

function scopesOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	if (typeof value === 'string' && value) return value.trim().startsWith('[') ? (JSON.parse(value) as unknown[]).map(String) : value.split(/[,\s]+/).filter(Boolean);
	return [...REDBOOK_SCOPES];
}

export function createRedbook(): PlatformModule {
	let store = new RedbookStore();

	function admin(action: string, body: any, sim: SimulatorApi): unknown {
		const now = sim.now();
		const kind = String(body?.kind ?? 'all');
		const tokens = () => [...(kind === 'access' || kind === 'all' ? store.accessTokens.values() : []), ...(kind === 'refresh' || kind === 'all' ? store.refreshTokens.values() : [])];
		switch (action) {
			case 'config':
				store.config = coerceConfig(store.config, body ?? {});
				return store.config;
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
				const scopes = scopesOf(body?.scope);
				const advertiserIds = Array.isArray(body?.advertiser_ids) ? body.advertiser_ids.map(Number) : SIM_REDBOOK_ADVERTISERS.map((a) => a.advertiser_id);
				const grant = store.newGrant(scopes, advertiserIds, now);
				store.issued.shortcut++;
				return store.tokenData(grant, now);
			}
			case 'state':
				return {
					config: store.config,
					tokensIssued: { ...store.issued },
					validAccessTokens: [...store.accessTokens.values()].filter((t) => !t.invalid && t.expiresAt > now).length,
					validRefreshTokens: [...store.refreshTokens.values()].filter((t) => !t.invalid && t.expiresAt > now).length,
					grants: [...new Set([...store.accessTokens.values()].map((t) => t.grant))].map((g) => ({ id: g.id, scopes: g.scopes, advertiserIds: g.advertiserIds, accessToken: g.accessToken, refreshToken: g.refreshToken })),
					campaigns: store.campaigns.map((c) => ({ campaign_id: c.campaign_id, advertiser_id: c.advertiser_id, campaign_name: c.campaign_name, status: c.status, campaign_day_budget: c.campaign_day_budget })),
					units: store.units.map((u) => ({ unit_id: u.unit_id, campaign_id: u.campaign_id, unit_name: u.unit_name, status: u.status })),
					creatives: store.creatives.map((c) => ({ creativity_id: c.creativity_id, unit_id: c.unit_id, note_id: c.note_id, status: c.status })),
					notes: store.notes.length,
				};
			default:
				throw new Error(`unknown redbook admin action ${action}`);
		}
	}

	return {
		name: 'redbook',
		reset() {
			store = new RedbookStore();
		},
		admin,
		async handle(ctx) {
			const path = normalise(ctx.path);
			if (ctx.method === 'GET' && path === '/auth') return consentPage(ctx, false), true;
			if (ctx.method === 'GET' && path === '/aurora/openApiAuth') return consentPage(ctx, true), true;
			if (ctx.method === 'GET' && path === '/auth/confirm') return consentConfirm(ctx, store), true;
			if (ctx.method === 'GET' && path === '/oauth-callback') return redbookCallbackPage(ctx, store), true;
			const route = ROUTE_BY_PATH.get(path);
			if (!route) return false;
			if (route.tokenRequest) ctx.log.category = 'token-request';
			if (route.paths.length > 1) addNote(ctx, `path=${path}`);
			if (ctx.headers['x-debug-mode']) addNote(ctx, 'X-Debug-Mode sent (sandbox not emulated)');
			if (!route.methods.includes(ctx.method as 'GET' | 'POST')) {
				ctx.send(405, `method ${ctx.method} not allowed; use ${route.methods.join(' or ')}`, 'text/plain');
				return true;
			}
			const call = new RedbookCall(ctx, store, route);
			try {
				call.params = await readParams(ctx, route);
				if (!route.tokenRequest) authorise(call, route);
				await route.handler(call);
			} catch (e) {
				if (e instanceof RedbookError) call.fail(e.code, e.message);
				else if (e instanceof GatewayTypeError) {
					ctx.log.code = 400;
					ctx.send(400, e.message, 'text/plain; charset=utf-8');
				} else throw e;
			}
			return true;
		},
		faultResponse(ctx: SimContext, fault: Fault) {
			const route = ROUTE_BY_PATH.get(normalise(ctx.path));
			if (route?.tokenRequest) ctx.log.category = 'token-request';
			logToken(ctx, store, presentedToken(ctx).token);
			if (fault.type === 'rateLimit') return replyRedbookError(ctx, store, REDBOOK_ERROR_CODES.rateLimited, fault.message ?? '请求过于频繁，请稍后再试');
			replyRedbookError(ctx, store, fault.code ?? REDBOOK_ERROR_CODES.systemError, fault.message ?? '系统繁忙');
		},
	};
}
