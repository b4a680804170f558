import type { Fault, PlatformModule, SimContext, SimulatorApi } from '../core/types';
import { CGI_ROUTES, servePage } from './wechat/content';
import { CODE_TTL_S, DEFAULT_CONFIG, WxError, fail, seedState, webUser, type WeChatConfig, type WeChatState } from './wechat/state';
import { codeCallbackPage } from './codeCallbackPage';
import { checkWeChatServerUrl, pushWeChatMessage } from './wechat/push';
import {
	checkWhitelist,
	classicToken,
	confirmConsent,
	consentPage,
	invalidateAppTokens,
	issueWebToken,
	noteToken,
	requireAppToken,
	snsAccessToken,
	snsAuth,
	snsRefreshToken,
	snsUserInfo,
	stableToken,
} from './wechat/tokens';

export { APPID as WECHAT_APPID, SECRET as WECHAT_SECRET, SEED as WECHAT_SEED } from './wechat/state';

type Handler = (state: WeChatState, ctx: SimContext) => void | Promise<void>;

/** Routes that are not ordinary ?access_token= APIs. */
const SPECIAL_ROUTES: Record<string, Handler> = {
	'/cgi-bin/token': classicToken,
	'/cgi-bin/stable_token': stableToken,
	'/connect/oauth2/authorize': (_state, ctx) => consentPage(ctx, false),
	'/connect/qrconnect': (_state, ctx) => consentPage(ctx, true),
	'/connect/oauth2/confirm': confirmConsent,
	'/sns/oauth2/access_token': snsAccessToken,
	'/sns/oauth2/refresh_token': snsRefreshToken,
	'/sns/userinfo': snsUserInfo,
	'/sns/auth': snsAuth,
	// the demo's Redirect URI page, standing for the person's own page on the web-authorization domain
	'/oauth-callback': (_state, ctx) => codeCallbackPage(ctx, { platform: 'WeChat web authorization', codeParam: 'code', credentialType: 'MediaX WeChat OAuth2 API', validity: `${CODE_TTL_S / 60} minutes` }),
};

const TOKEN_ENDPOINT_KINDS: Record<string, string> = {
	'/cgi-bin/token': 'classic',
	'/cgi-bin/stable_token': 'stable',
	'/sns/oauth2/access_token': 'web',
	'/sns/oauth2/refresh_token': 'web',
};

function applyConfig(config: WeChatConfig, body: Record<string, unknown>): WeChatConfig {
	const next = { ...config };
	const numeric = ['tokenTtl', 'classicDailyLimit', 'forceMinIntervalSeconds', 'forceDailyLimit', 'publishPendingPolls', 'publishPendingMs', 'followerCount', 'titleMaxLength'] as const;
	for (const key of numeric) {
		if (body[key] === undefined) continue;
		const value = Number(body[key]);
		if (!Number.isFinite(value) || value < 0) throw new Error(`config.${key} must be a non-negative number`);
		next[key] = value;
	}
	if (body.publishOutcome !== undefined) {
		const outcome = Number(body.publishOutcome);
		if (![0, 2, 3, 4].includes(outcome)) throw new Error('config.publishOutcome must be 0, 2, 3 or 4');
		next.publishOutcome = outcome as WeChatConfig['publishOutcome'];
	}
	if (body.whitelist !== undefined) {
		if (body.whitelist !== null && !(Array.isArray(body.whitelist) && body.whitelist.every((ip) => typeof ip === 'string'))) throw new Error('config.whitelist must be string[] or null');
		next.whitelist = body.whitelist as string[] | null;
	}
	if (body.whitelistAllApis !== undefined) next.whitelistAllApis = body.whitelistAllApis === true;
	if (body.publishIdAsNumber !== undefined) next.publishIdAsNumber = body.publishIdAsNumber === true;
	return next;
}

function summary(state: WeChatState) {
	const materials: Record<string, number> = { image: 0, voice: 0, video: 0, thumb: 0 };
	for (const m of state.materials.values()) materials[m.type]++;
	return {
		tokensIssued: { ...state.issued },
		currentStableToken: state.currentStable?.value ?? null,
		currentClassicToken: state.currentClassic?.value ?? null,
		classicCallsToday: state.classicQuota.count,
		forceRefreshes: state.force.total,
		forceRefreshesToday: state.force.count,
		materials: { ...materials, temporary: state.temps.size },
		drafts: [...state.drafts.keys()],
		publishes: [...state.publishes.values()].map((p) => ({ publish_id: p.publishId, draft_media_id: p.draft.mediaId, titles: p.draft.articles.map((a) => a.title), status: p.status, polls: p.polls, article_id: p.articleId ?? null })),
		articles: [...state.articles.values()].map((a) => ({ article_id: a.articleId, deleted: a.items.map((i) => i.deleted) })),
		config: state.config,
	};
}

/** WeChat Official Account (公众号): global tokens, web auth, material, drafts, publishing, followers. */
export function createWeChat(): PlatformModule {
	let state = seedState(Date.now());

	return {
		name: 'wechat',
		reset() {
			state = seedState(Date.now());
		},
		async handle(ctx) {
			try {
				const special = SPECIAL_ROUTES[ctx.path];
				if (special) {
					await special(state, ctx);
					return true;
				}
				const route = CGI_ROUTES[ctx.path];
				if (route) {
					if (state.config.whitelistAllApis) {
						noteToken(state, ctx);
						checkWhitelist(state, ctx);
					}
					requireAppToken(state, ctx);
					if (!route.methods.includes(ctx.method as 'GET' | 'POST')) throw new WxError(43002, ctx.method === 'GET' ? 'require POST method' : 'require GET method');
					await route.run(state, ctx);
					return true;
				}
				return await servePage(state, ctx);
			} catch (e) {
				if (!(e instanceof WxError)) throw e;
				fail(ctx, e.code, e.message);
				return true;
			}
		},
		admin(action: string, body: any, sim: SimulatorApi) {
			const now = sim.now();
			switch (action) {
				case 'config':
					state.config = applyConfig(state.config, body ?? {});
					return state.config;
				case 'revoke':
					return { revoked: invalidateAppTokens(state, now, 'revoke') };
				case 'expire':
					return { expired: invalidateAppTokens(state, now, 'expire') };
				case 'issue-web-token': {
					const scope = String(body?.scope ?? 'snsapi_userinfo');
					if (!['snsapi_base', 'snsapi_userinfo', 'snsapi_login'].includes(scope)) throw new Error(`unknown scope ${scope}`);
					return issueWebToken(state, now, webUser(body?.snapshot === true && scope === 'snsapi_userinfo'), scope);
				}
				case 'state':
					return summary(state);
				case 'push':
					// a signed (and in compatible/safe mode encrypted) message push to body.url (wechat/push.ts)
					return pushWeChatMessage(body, now);
				case 'verify-url':
					return checkWeChatServerUrl(body, now);
				default:
					throw new Error(`unknown wechat admin action ${action}; known: config, revoke, expire, issue-web-token, state, push, verify-url (defaults ${JSON.stringify(Object.keys(DEFAULT_CONFIG))})`);
			}
		},
		faultResponse(ctx: SimContext, fault: Fault) {
			noteToken(state, ctx);
			const tokenKind = TOKEN_ENDPOINT_KINDS[ctx.path];
			if (tokenKind) {
				ctx.log.category = 'token-request';
				ctx.log.tokenKind = tokenKind;
			}
			if (fault.type === 'rateLimit') fail(ctx, 45011, 'api minute-quota reach limit  mustslower  retry next minute');
			else fail(ctx, fault.code ?? -1, fault.message ?? 'system error');
		},
	};
}
