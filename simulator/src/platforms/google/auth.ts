import type { SimContext } from '../../core/types';
import { fail } from './reply';
import { SCOPE, SIM_API_KEY, SIM_USER_EMAIL, type AccessToken, type GoogleStore, type TokenKind } from './store';

export interface AuthRule {
	/** readable with an API key (public data) */
	public?: boolean;
	/** any one of these scopes suffices */
	scopes: string[];
	service: 'youtube' | 'blogger';
}

export interface Caller {
	kind: TokenKind | 'none';
	access?: AccessToken;
	/** the request acts as the seeded user (user token, or a service account impersonating them) */
	asUser: boolean;
}

const YT_ANY = [SCOPE.youtube, SCOPE.youtubeForceSsl, SCOPE.youtubePartner];
export const RULES = {
	ytPublicRead: { public: true, scopes: [...YT_ANY, SCOPE.youtubeReadonly], service: 'youtube' },
	ytRead: { scopes: [...YT_ANY, SCOPE.youtubeReadonly], service: 'youtube' },
	ytWrite: { scopes: YT_ANY, service: 'youtube' },
	ytUpload: { scopes: [...YT_ANY, SCOPE.youtubeUpload], service: 'youtube' },
	/** captions and comment writes: force-ssl (or partner) only */
	ytForceSsl: { scopes: [SCOPE.youtubeForceSsl, SCOPE.youtubePartner], service: 'youtube' },
	bloggerPublicRead: { public: true, scopes: [SCOPE.blogger, SCOPE.bloggerReadonly], service: 'blogger' },
	bloggerRead: { scopes: [SCOPE.blogger, SCOPE.bloggerReadonly], service: 'blogger' },
	bloggerWrite: { scopes: [SCOPE.blogger], service: 'blogger' },
} satisfies Record<string, AuthRule>;

export function bearerToken(ctx: SimContext): string | undefined {
	const header = ctx.headers.authorization;
	const m = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
	return m?.[1] ?? (ctx.query.access_token || undefined);
}

/** What the caller presented, for the request log; does not judge validity. */
export function logCaller(ctx: SimContext, store: GoogleStore): void {
	const token = bearerToken(ctx);
	if (token) {
		ctx.log.token = token;
		const rec = store.accessTokens.get(token);
		ctx.log.tokenKind = rec ? rec.kind : token.startsWith('ya29.c.') ? 'service-account' : token.startsWith('ya29.') ? 'user' : 'unknown';
	} else if (ctx.query.key) {
		ctx.log.token = `key:${ctx.query.key}`;
		ctx.log.tokenKind = 'api-key';
	} else ctx.log.tokenKind = 'unknown';
}

const INVALID_CREDENTIALS =
	'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

function invalidToken(why: string): never {
	return fail(401, 'authError', 'Invalid Credentials', 'global', {
		location: 'Authorization',
		locationType: 'header',
		topMessage: INVALID_CREDENTIALS,
		headers: { 'www-authenticate': `Bearer realm="https://accounts.google.com/", error="invalid_token", error_description="${why}"` },
	});
}

function loginRequired(): never {
	return fail(401, 'required', 'Login Required.', 'global', {
		location: 'Authorization',
		locationType: 'header',
		topMessage: 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
		headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' },
	});
}

/** Checks the credential against the route's rule; throws the Google error when the call may not proceed. */
export function authorise(ctx: SimContext, store: GoogleStore, rule: AuthRule): Caller {
	const token = bearerToken(ctx);
	if (token) {
		const rec = store.accessTokens.get(token);
		if (!rec) invalidToken('unknown token');
		if (rec!.revoked) invalidToken('token revoked');
		if (ctx.now() >= rec!.expiresAt) invalidToken('token expired');
		const access = rec!;
		if (access.kind === 'service-account' && rule.service === 'youtube' && !rule.public) {
			// a service account cannot own a channel (YouTube authentication guide)
			fail(401, 'NoLinkedYouTubeAccount', 'The authenticated account is a service account, which cannot be linked to a YouTube channel.', 'youtube.header', {
				location: 'Authorization',
				locationType: 'header',
			});
		}
		if (!rule.scopes.some((s) => access.scopes.includes(s))) {
			fail(403, 'insufficientPermissions', 'Insufficient Permission', 'global', {
				topMessage: 'Request had insufficient authentication scopes.',
				headers: { 'www-authenticate': `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${rule.scopes.join(' ')}"` },
			});
		}
		const asUser = access.kind === 'user' || (access.subject === SIM_USER_EMAIL && rule.service === 'blogger');
		return { kind: access.kind, access, asUser };
	}
	const key = ctx.query.key;
	if (key !== undefined) {
		if (key !== SIM_API_KEY) fail(400, 'badRequest', 'API key not valid. Please pass a valid API key.', 'global');
		if (!rule.public) loginRequired();
		return { kind: 'api-key', asUser: false };
	}
	if (rule.public) fail(403, 'forbidden', 'The request is missing a valid API key.', 'global');
	return loginRequired();
}

/** Parameters like mine=true need the user even on otherwise public routes. */
export function requireUser(caller: Caller, service: 'youtube' | 'blogger', what: string): void {
	if (caller.asUser) return;
	if (caller.kind === 'service-account' && service === 'youtube') {
		fail(401, 'NoLinkedYouTubeAccount', 'The authenticated account is a service account, which cannot be linked to a YouTube channel.', 'youtube.header');
	}
	if (caller.kind === 'api-key' || caller.kind === 'none') {
		fail(401, 'authorizationRequired', `The request uses the <code>${what}</code> parameter but is not properly authorized.`, service === 'youtube' ? 'youtube.parameter' : 'global', { location: what, locationType: 'parameter' });
	}
	fail(403, 'forbidden', 'The caller does not have permission', 'global');
}
