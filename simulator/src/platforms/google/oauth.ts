import { createHash, randomBytes, verify } from 'node:crypto';
import type { SimContext } from '../../core/types';
import { replyOAuthError } from './reply';
import {
	GOOGLE_TOKEN_URI,
	KNOWN_SCOPES,
	SIM_CLIENT_ID,
	SIM_CLIENT_SECRET,
	SIM_SERVICE_ACCOUNT_CLIENT_ID,
	SIM_SERVICE_ACCOUNT_EMAIL,
	SIM_USER_EMAIL,
	SIM_USER_SUB,
	serviceAccountKey,
	type AccessToken,
	type GoogleStore,
	type RefreshToken,
} from './store';

/** Google keeps at most this many refresh tokens per client and user; the oldest dies first. */
const MAX_REFRESH_TOKENS = 100;

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function errorPage(ctx: SimContext, status: number, error: string, detail: string): void {
	ctx.log.code = status;
	ctx.log.note = `consent error: ${error}`;
	ctx.html(status, `<!doctype html><html><head><meta charset="utf-8"><title>Error ${status}: ${escapeHtml(error)} (Google simulator)</title></head><body><h1>Access blocked: authorization error</h1><p id="error">Error ${status}: ${escapeHtml(error)}</p><p id="detail">${escapeHtml(detail)}</p></body></html>`);
}

/** https anywhere; http only for loopback, as Google allows for installed and local apps */
function redirectUriProblem(uri: string | undefined): string | undefined {
	if (!uri) return 'Missing required parameter: redirect_uri';
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return 'Invalid parameter value for redirect_uri: not a URL';
	}
	if (url.hash) return 'Invalid parameter value for redirect_uri: Fragment not allowed';
	const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
	if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return undefined;
	return 'Invalid parameter value for redirect_uri: Non-public domains not allowed';
}

export function newAccessToken(store: GoogleStore, now: number, fields: Omit<AccessToken, 'token' | 'expiresAt' | 'revoked'>): AccessToken {
	// real tokens: ya29.<…> for users, ya29.c.<…> for service accounts
	const token = `ya29.${fields.kind === 'service-account' ? 'c.' : ''}sim${randomBytes(24).toString('base64url')}`;
	const rec: AccessToken = { ...fields, token, expiresAt: now + store.config.accessTokenTtl * 1000, revoked: false };
	store.accessTokens.set(token, rec);
	return rec;
}

export function newRefreshToken(store: GoogleStore, now: number, clientId: string, scopes: string[]): RefreshToken {
	const rec: RefreshToken = { token: `1//0sim${randomBytes(30).toString('base64url')}`, scopes, clientId, revoked: false, issuedAt: now };
	store.refreshTokens.set(rec.token, rec);
	const live = [...store.refreshTokens.values()].filter((r) => r.clientId === clientId && !r.revoked).sort((a, b) => a.issuedAt - b.issuedAt);
	for (const old of live.slice(0, Math.max(0, live.length - MAX_REFRESH_TOKENS))) old.revoked = true;
	store.issued.refresh++;
	return rec;
}

/** GET /o/oauth2/v2/auth: validates like Google and shows a consent page; unknown extra params are ignored. */
export function consentPage(ctx: SimContext, store: GoogleStore): void {
	const q = ctx.query;
	if (!q.client_id) return errorPage(ctx, 400, 'invalid_request', 'Missing required parameter: client_id');
	if (q.client_id !== SIM_CLIENT_ID) return errorPage(ctx, 401, 'invalid_client', 'The OAuth client was not found.');
	const problem = redirectUriProblem(q.redirect_uri);
	if (problem) return errorPage(ctx, 400, 'redirect_uri_mismatch', problem);
	const back = (params: Record<string, string>) => {
		const target = new URL(q.redirect_uri);
		for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
		if (q.state !== undefined) target.searchParams.set('state', q.state);
		ctx.redirect(target.toString());
	};
	if (q.response_type !== 'code') return back({ error: 'unsupported_response_type' });
	let scopes = (q.scope ?? '').split(/[\s+]+/).filter(Boolean);
	if (!scopes.length) return errorPage(ctx, 400, 'invalid_request', 'Missing required parameter: scope');
	const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
	if (unknown.length) return errorPage(ctx, 400, 'invalid_scope', `Some requested scopes were invalid. {invalid=[${unknown.join(', ')}]}`);
	const previous = store.granted.get(q.client_id);
	if (q.include_granted_scopes === 'true' && previous) scopes = [...new Set([...previous.scopes, ...scopes])];
	const prompt = (q.prompt ?? '').split(/[\s+]+/).filter(Boolean);
	const pending = {
		id: randomBytes(12).toString('hex'),
		clientId: q.client_id,
		redirectUri: q.redirect_uri,
		scopes,
		state: q.state,
		accessType: q.access_type ?? 'online',
		prompt,
		codeChallenge: q.code_challenge,
		codeChallengeMethod: q.code_challenge ? (q.code_challenge_method ?? 'plain') : undefined,
	};
	if (prompt.includes('none')) {
		// no UI allowed: only works when every scope was granted before
		if (!previous || scopes.some((s) => !previous.scopes.has(s))) return back({ error: 'consent_required' });
		store.pendingConsents.set(pending.id, pending);
		return decide(ctx, store, pending.id, 'agree');
	}
	store.pendingConsents.set(pending.id, pending);
	const items = scopes.map((s) => `<li data-scope="${escapeHtml(s)}"><code>${escapeHtml(s)}</code></li>`).join('');
	ctx.log.code = 0;
	ctx.html(
		200,
		`<!doctype html><html><head><meta charset="utf-8"><title>Sign in with Google (simulator)</title></head><body>
<h1>Sign in with Google (simulator)</h1>
<p><strong id="app">MediaX Simulator App</strong> (<code>${escapeHtml(q.client_id)}</code>) wants to access your Google Account <strong id="account">${escapeHtml(SIM_USER_EMAIL)}</strong>:</p>
<ul id="scopes">${items}</ul>
<form method="get" action="/google/o/oauth2/v2/auth/approve"><input type="hidden" name="consent" value="${pending.id}">
<button id="deny" type="submit" name="decision" value="deny">Cancel</button> <button id="agree" type="submit" name="decision" value="agree">Allow</button></form>
</body></html>`,
	);
}

/** GET /o/oauth2/v2/auth/approve?consent=…&decision=agree|deny: the user's click, answered with the redirect to the app. */
export function consentDecision(ctx: SimContext, store: GoogleStore): void {
	decide(ctx, store, ctx.query.consent ?? '', ctx.query.decision ?? '');
}

function decide(ctx: SimContext, store: GoogleStore, consentId: string, decision: string): void {
	const pending = store.pendingConsents.get(consentId);
	if (!pending) return errorPage(ctx, 400, 'invalid_request', 'This consent request is unknown or was already answered.');
	store.pendingConsents.delete(consentId);
	const target = new URL(pending.redirectUri);
	if (decision !== 'agree') {
		target.searchParams.set('error', 'access_denied');
	} else {
		const previous = store.granted.get(pending.clientId);
		const offline = pending.accessType === 'offline';
		// a refresh token comes with the first offline consent, or again whenever prompt=consent forces the screen
		const issueRefreshToken = offline && (!previous?.offline || pending.prompt.includes('consent'));
		const grant = previous ?? { scopes: new Set<string>(), offline: false };
		for (const s of pending.scopes) grant.scopes.add(s);
		grant.offline ||= offline;
		store.granted.set(pending.clientId, grant);
		const code = `4/0sim${randomBytes(24).toString('base64url')}`;
		store.codes.set(code, {
			code,
			scopes: pending.scopes,
			redirectUri: pending.redirectUri,
			clientId: pending.clientId,
			expiresAt: ctx.now() + store.config.codeTtl * 1000,
			used: false,
			issueRefreshToken,
			codeChallenge: pending.codeChallenge,
			codeChallengeMethod: pending.codeChallengeMethod,
		});
		store.issued.code++;
		target.searchParams.set('code', code);
		target.searchParams.set('scope', pending.scopes.join(' '));
		target.searchParams.set('authuser', '0');
		target.searchParams.set('prompt', 'consent');
		ctx.log.note = issueRefreshToken ? 'consent agreed (offline)' : 'consent agreed';
	}
	if (pending.state !== undefined) target.searchParams.set('state', pending.state);
	ctx.log.code = 0;
	ctx.redirect(target.toString());
}

/** client_id/secret from the form body (n8n's authentication=body) or HTTP Basic (authentication=header) */
function clientCredentials(ctx: SimContext, form: Record<string, string>): { id?: string; secret?: string; via: string } {
	const header = ctx.headers.authorization;
	const basic = header ? /^Basic\s+(.+)$/i.exec(header.trim()) : null;
	if (basic) {
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const i = decoded.indexOf(':');
		return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)), via: 'basic' };
	}
	return { id: form.client_id, secret: form.client_secret, via: 'body' };
}

/** Answers invalid_client and returns false unless the seeded client authenticated. */
function checkClient(ctx: SimContext, form: Record<string, string>): boolean {
	const client = clientCredentials(ctx, form);
	ctx.log.note = `client auth: ${client.via}`;
	if (!client.id) return replyOAuthError(ctx, 400, 'invalid_request', 'Could not determine client ID from request.'), false;
	if (client.id !== SIM_CLIENT_ID) return replyOAuthError(ctx, 401, 'invalid_client', 'The OAuth client was not found.'), false;
	if (client.secret !== SIM_CLIENT_SECRET) return replyOAuthError(ctx, 401, 'invalid_client', 'Unauthorized'), false;
	return true;
}

const NO_STORE = { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', pragma: 'no-cache' };

function tokenReply(ctx: SimContext, payload: Record<string, unknown>): void {
	ctx.log.code = 0;
	ctx.json(200, payload, NO_STORE);
}

/** POST /token (and /oauth2/v4/token): form-encoded only. */
export async function tokenEndpoint(ctx: SimContext, store: GoogleStore): Promise<void> {
	ctx.log.category = 'token-request';
	if (ctx.method !== 'POST') return replyOAuthError(ctx, 405, 'invalid_request', 'Method not allowed; use POST');
	const body = await ctx.body();
	if (body.kind !== 'form' && body.kind !== 'empty') return replyOAuthError(ctx, 400, 'invalid_request', 'Invalid request: the body must be application/x-www-form-urlencoded');
	const form = body.form;
	const now = ctx.now();
	switch (form.grant_type) {
		case 'authorization_code': {
			if (!checkClient(ctx, form)) return;
			if (!form.code) return replyOAuthError(ctx, 400, 'invalid_request', 'Missing required parameter: code');
			const code = store.codes.get(form.code);
			if (!code || code.used || now >= code.expiresAt || code.clientId !== clientCredentials(ctx, form).id) return replyOAuthError(ctx, 400, 'invalid_grant', 'Bad Request');
			if (!form.redirect_uri) return replyOAuthError(ctx, 400, 'invalid_request', 'Missing parameter: redirect_uri');
			if (form.redirect_uri !== code.redirectUri) return replyOAuthError(ctx, 400, 'redirect_uri_mismatch', 'Bad Request');
			if (code.codeChallenge) {
				const verifier = form.code_verifier ?? '';
				const expected = code.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
				if (!verifier) return replyOAuthError(ctx, 400, 'invalid_request', 'Missing code verifier.');
				if (expected !== code.codeChallenge) return replyOAuthError(ctx, 400, 'invalid_grant', 'Invalid code verifier.');
			}
			code.used = true;
			const refresh = code.issueRefreshToken ? newRefreshToken(store, now, code.clientId, code.scopes) : undefined;
			const access = newAccessToken(store, now, { kind: 'user', scopes: code.scopes, clientId: code.clientId, refreshToken: refresh?.token });
			const reply: Record<string, unknown> = { access_token: access.token, expires_in: store.config.accessTokenTtl, scope: code.scopes.join(' '), token_type: 'Bearer' };
			if (refresh) reply.refresh_token = refresh.token;
			if (code.scopes.includes('openid')) reply.id_token = fakeIdToken(now);
			return tokenReply(ctx, reply);
		}
		case 'refresh_token': {
			if (!checkClient(ctx, form)) return;
			if (!form.refresh_token) return replyOAuthError(ctx, 400, 'invalid_request', 'Missing required parameter: refresh_token');
			const refresh = store.refreshTokens.get(form.refresh_token);
			if (!refresh || refresh.revoked || refresh.clientId !== clientCredentials(ctx, form).id) return replyOAuthError(ctx, 400, 'invalid_grant', 'Token has been expired or revoked.');
			let scopes = refresh.scopes;
			if (form.scope) {
				// a refresh may narrow, never widen
				const asked = form.scope.split(/\s+/).filter(Boolean);
				if (asked.some((s) => !refresh.scopes.includes(s))) return replyOAuthError(ctx, 400, 'invalid_scope', 'The requested scope is not a subset of the granted scopes.');
				scopes = asked;
			}
			const access = newAccessToken(store, now, { kind: 'user', scopes, clientId: refresh.clientId, refreshToken: refresh.token });
			// no rotation: the reply carries no refresh_token
			return tokenReply(ctx, { access_token: access.token, expires_in: store.config.accessTokenTtl, scope: scopes.join(' '), token_type: 'Bearer' });
		}
		case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
			return jwtBearer(ctx, store, form);
		case undefined:
		case '':
			return replyOAuthError(ctx, 400, 'unsupported_grant_type', 'Invalid grant_type: ');
		default:
			return replyOAuthError(ctx, 400, 'unsupported_grant_type', `Invalid grant_type: ${form.grant_type}`);
	}
}

function fakeIdToken(now: number): string {
	const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
	const iat = Math.floor(now / 1000);
	return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: 'https://accounts.google.com', aud: SIM_CLIENT_ID, sub: SIM_USER_SUB, email: SIM_USER_EMAIL, email_verified: true, iat, exp: iat + 3600 })}.`;
}

function decodeJson(segment: string): any {
	try {
		return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
}

/** RFC 7523 JWT bearer grant of the seeded service account. */
function jwtBearer(ctx: SimContext, store: GoogleStore, form: Record<string, string>): void {
	const assertion = form.assertion;
	if (!assertion) return replyOAuthError(ctx, 400, 'invalid_request', 'Missing required parameter: assertion');
	const parts = assertion.split('.');
	if (parts.length !== 3) return replyOAuthError(ctx, 400, 'invalid_grant', 'Invalid JWT: malformed assertion');
	const header = decodeJson(parts[0]);
	const claims = decodeJson(parts[1]);
	if (!header || !claims) return replyOAuthError(ctx, 400, 'invalid_grant', 'Invalid JWT: malformed assertion');
	if (header.alg !== 'RS256') return replyOAuthError(ctx, 400, 'invalid_grant', 'Invalid JWT Signature.');
	if (claims.iss !== SIM_SERVICE_ACCOUNT_EMAIL) return replyOAuthError(ctx, 400, 'invalid_grant', 'Invalid grant: account not found');
	const key = serviceAccountKey();
	if (header.kid !== undefined && header.kid !== key.keyId) return replyOAuthError(ctx, 400, 'invalid_grant', 'Invalid JWT Signature.');
	const signed = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key.publicKey, Buffer.from(parts[2], 'base64url'));
	if (!signed) return replyOAuthError(ctx, 400, 'invalid_grant', 'Invalid JWT Signature.');
	// the URL the client posted to, or Google's canonical token URI (key files carry that one)
	const postedTo = `${ctx.baseUrl}/google${ctx.path}`;
	const audiences = [postedTo, GOOGLE_TOKEN_URI];
	if (ctx.path.startsWith('/oauth2/v4/')) audiences.push('https://www.googleapis.com/oauth2/v4/token');
	if (!audiences.includes(claims.aud)) return replyOAuthError(ctx, 400, 'invalid_grant', `Invalid JWT: Failed audience check. The right audience is ${GOOGLE_TOKEN_URI}.`);
	const nowS = Math.floor(ctx.now() / 1000);
	const skew = store.config.jwtSkewSeconds;
	const iat = Number(claims.iat);
	const exp = Number(claims.exp);
	if (!Number.isFinite(iat) || !Number.isFinite(exp) || exp <= iat || exp - iat > 3600 || iat > nowS + skew || exp < nowS - skew) {
		return replyOAuthError(ctx, 400, 'invalid_grant', 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.');
	}
	const scopes = String(claims.scope ?? '').split(/\s+/).filter(Boolean);
	if (!scopes.length) return replyOAuthError(ctx, 400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
	const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s) && !s.startsWith('https://www.googleapis.com/auth/'));
	if (unknown.length) return replyOAuthError(ctx, 400, 'invalid_scope', `Invalid OAuth scope: ${unknown.join(' ')}`);
	let subject: string | undefined;
	if (claims.sub !== undefined && claims.sub !== SIM_SERVICE_ACCOUNT_EMAIL) {
		if (!store.config.allowDelegation) {
			return replyOAuthError(ctx, 401, 'unauthorized_client', 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.');
		}
		if (claims.sub !== SIM_USER_EMAIL) return replyOAuthError(ctx, 400, 'invalid_grant', 'Invalid email or User ID');
		subject = claims.sub;
	}
	const access = newAccessToken(store, ctx.now(), { kind: 'service-account', scopes, clientId: SIM_SERVICE_ACCOUNT_CLIENT_ID, subject });
	store.issued.jwtBearer++;
	ctx.log.tokenKind = 'service-account';
	ctx.log.note = subject ? `jwt-bearer as ${subject}` : 'jwt-bearer';
	tokenReply(ctx, { access_token: access.token, expires_in: store.config.accessTokenTtl, token_type: 'Bearer' });
}

/** POST /revoke?token= or form token=: revoking a refresh token also kills its access tokens. */
export async function revokeEndpoint(ctx: SimContext, store: GoogleStore): Promise<void> {
	const body = await ctx.body();
	const token = body.form.token ?? ctx.query.token;
	const access = token ? store.accessTokens.get(token) : undefined;
	const refresh = token ? store.refreshTokens.get(token) : undefined;
	if ((!access || access.revoked || ctx.now() >= access.expiresAt) && (!refresh || refresh.revoked)) {
		return replyOAuthError(ctx, 400, 'invalid_token', 'Token expired or revoked');
	}
	const refreshToken = refresh?.token ?? access?.refreshToken;
	if (access) access.revoked = true;
	if (refreshToken) {
		const r = store.refreshTokens.get(refreshToken);
		if (r) r.revoked = true;
		for (const t of store.accessTokens.values()) if (t.refreshToken === refreshToken) t.revoked = true;
	}
	ctx.log.code = 0;
	ctx.json(200, {});
}

/**
 * GET/POST /tokeninfo?access_token= (research note google-redbook-bilibili.md §1.1; Google's "Validating tokens" in
 * https://developers.google.com/identity/protocols/oauth2/javascript-implicit-flow): the token goes in the
 * `access_token` parameter only, never in an Authorization header; a dead or unknown token answers 400 invalid_token
 * "Invalid Value". Without a token parameter: 400 invalid_request (wording unverified).
 */
export async function tokenInfoEndpoint(ctx: SimContext, store: GoogleStore): Promise<void> {
	const body = ctx.method === 'POST' ? await ctx.body() : undefined;
	const token = ctx.query.access_token ?? body?.form.access_token;
	if (!token) return replyOAuthError(ctx, 400, 'invalid_request', 'Either access_token, id_token, or token_handle required');
	const rec = store.accessTokens.get(token);
	if (!rec || rec.revoked || ctx.now() >= rec.expiresAt) return replyOAuthError(ctx, 400, 'invalid_token', 'Invalid Value');
	const remaining = Math.max(0, Math.floor((rec.expiresAt - ctx.now()) / 1000));
	const info: Record<string, unknown> = {
		azp: rec.clientId,
		aud: rec.clientId,
		scope: rec.scopes.join(' '),
		exp: String(Math.floor(rec.expiresAt / 1000)),
		expires_in: String(remaining),
		access_type: rec.refreshToken ? 'offline' : 'online',
	};
	if (rec.kind === 'user' || rec.subject) {
		info.sub = SIM_USER_SUB;
		info.email = rec.subject ?? SIM_USER_EMAIL;
		info.email_verified = 'true';
	}
	ctx.log.code = 0;
	ctx.json(200, info);
}

/** the key file JSON a Google Cloud console download would contain */
export function serviceAccountKeyFile(baseUrl: string) {
	const key = serviceAccountKey();
	return {
		type: 'service_account',
		project_id: 'sim-project',
		private_key_id: key.keyId,
		private_key: key.privateKeyPem,
		client_email: SIM_SERVICE_ACCOUNT_EMAIL,
		client_id: SIM_SERVICE_ACCOUNT_CLIENT_ID,
		auth_uri: `${baseUrl}/google/o/oauth2/v2/auth`,
		token_uri: `${baseUrl}/google/token`,
		google_token_uri: GOOGLE_TOKEN_URI,
		universe_domain: 'googleapis.com',
	};
}
