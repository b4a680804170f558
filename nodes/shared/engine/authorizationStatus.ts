import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import type { ConnectedOAuthAdapter, N8nOAuth2Adapter, PastedCodeAdapter } from './adapters';
import { currentBookkeeping, parseRefusal, type RefusedRefresh } from './authorizationRecord';
import { CONNECT_BUTTON } from './sources/source';

/** The credentials a person authorizes (authorization-code grants); their authorization can run out. */
export type UserAuthorizationAdapter = ConnectedOAuthAdapter | PastedCodeAdapter | N8nOAuth2Adapter;

/**
 * - `ok`: nothing to do within the warning period;
 * - `expiring`: a person must authorize again within the warning period;
 * - `expired`: that moment has passed (the next refresh will be refused);
 * - `renewals_exhausted`: the platform allows no more refresh-token renewals (Douyin: 5), so the authorization ends
 *   at the current refresh token's expiry;
 * - `refused`: the platform refused the last refresh;
 * - `not_connected`: the credential holds no authorization.
 */
export type AuthorizationState = 'ok' | 'expiring' | 'expired' | 'renewals_exhausted' | 'refused' | 'not_connected';

/** What the stored credential says about its authorization (no platform call). Times are epoch ms. */
export interface AuthorizationFacts {
	connected: boolean;
	account: IDataObject;
	accessExpiresAt?: number;
	refreshExpiresAt?: number;
	/** the latest moment a person must authorize again, when the platform's rules make it known */
	reconsentAt?: number;
	renewalsUsed?: number;
	renewalsLeft?: number;
	refused?: RefusedRefresh;
	/** what is not known and why */
	notes: string[];
}

const DAY_MS = 24 * 3600_000;
const positive = (value: unknown) => (Number(value) > 0 ? Number(value) : undefined);

function connectedFacts(adapter: ConnectedOAuthAdapter, tokenData: IDataObject | undefined, now: number): AuthorizationFacts {
	let token;
	try {
		token = adapter.readToken(tokenData);
	} catch (error) {
		return { connected: false, account: {}, notes: [(error as Error).message] };
	}
	if (!token) return { connected: false, account: {}, notes: [] };
	const notes: string[] = [];
	const book = currentBookkeeping(tokenData, token.refreshToken);
	const facts: AuthorizationFacts = {
		connected: true,
		account: { ...(token.identity ?? {}) },
		accessExpiresAt: positive(token.expiresAt),
		refreshExpiresAt: positive(token.refreshExpiresAt),
		refused: parseRefusal(book.refused),
		notes,
	};
	if (!facts.accessExpiresAt) notes.push(`The expiry times are learned on the first run of a MediaX ${adapter.label} node after Connect (one refresh).`);
	const max = adapter.maxRefreshTokenRenewals;
	if (max !== undefined) {
		facts.renewalsUsed = Math.min(token.renewCount ?? 0, max);
		facts.renewalsLeft = max - facts.renewalsUsed;
	}
	if (facts.refreshExpiresAt) {
		// each renewal (made by any node run in the renewal window) adds one refresh-token lifetime; a lapsed one ends it
		const renewable = facts.refreshExpiresAt > now && adapter.refreshTokenLifetimeMs ? (facts.renewalsLeft ?? 0) * adapter.refreshTokenLifetimeMs : 0;
		facts.reconsentAt = facts.refreshExpiresAt + renewable;
		if (renewable) notes.push(`Renewals extend the authorization only when a MediaX ${adapter.label} node runs in the refresh token's last days.`);
	} else if (facts.accessExpiresAt) {
		notes.push(`${adapter.label} publishes no refresh-token lifetime: the authorization lasts until ${adapter.label} refuses a refresh.`);
	}
	return facts;
}

function pastedCodeFacts(adapter: PastedCodeAdapter, c: ICredentialDataDecryptedObject): AuthorizationFacts {
	if (!c.refreshToken) return { connected: false, account: {}, notes: [] };
	const account: IDataObject = {};
	for (const field of adapter.accountFields) if (c[field]) account[field] = c[field];
	const refreshExpiresAt = positive(c.refreshExpiresAt);
	return {
		connected: true,
		account,
		accessExpiresAt: positive(c.expiresAt),
		refreshExpiresAt,
		reconsentAt: refreshExpiresAt,
		refused: parseRefusal(c.authorizationRefusal),
		notes: [],
	};
}

function n8nOAuth2Facts(adapter: N8nOAuth2Adapter, tokenData: IDataObject | undefined): AuthorizationFacts {
	if (!adapter.readAccessToken(tokenData)) return { connected: false, account: {}, notes: [] };
	const book = currentBookkeeping(tokenData, tokenData?.refresh_token);
	return {
		connected: true,
		account: {},
		// n8n 2.x stores n8n_expires_at (epoch ms, as text) beside a reply with a top-level expires_in; 1.x does not
		accessExpiresAt: positive(tokenData?.n8n_expires_at),
		refused: parseRefusal(book.refused),
		notes: [
			`${adapter.label} refresh tokens have no fixed lifetime; they stop working when access is revoked, after about 6 months unused, or after 7 days for apps in "Testing" status.`,
		],
	};
}

/** The facts one user-authorization credential holds, read from the credential only. */
export function authorizationFacts(adapter: UserAuthorizationAdapter, credentials: ICredentialDataDecryptedObject, now = Date.now()): AuthorizationFacts {
	if (adapter.source === 'pasted-code') return pastedCodeFacts(adapter, credentials);
	const tokenData = credentials.oauthTokenData as IDataObject | undefined;
	return adapter.source === 'n8n-connect' ? connectedFacts(adapter, tokenData, now) : n8nOAuth2Facts(adapter, tokenData);
}

/** The steps that authorize the credential again, with the editor's own button and field names. */
export function reconnectSteps(adapter: UserAuthorizationAdapter, credentialName: string): string {
	const credential = credentialName ? `the credential "${credentialName}"` : `the ${adapter.credentialDisplayName} credential`;
	if (adapter.source === 'pasted-code') {
		return `${adapter.authorizationUrlOperation[0].toUpperCase()}${adapter.authorizationUrlOperation.slice(1)}, open the link and approve; then paste the code from the redirect into the "Authorization Code" field of ${credential} and click "Save".`;
	}
	return `Open ${credential} and click ${CONNECT_BUTTON}, then approve on ${adapter.label}'s page.`;
}

export interface AuthorizationStatus extends IDataObject {
	platform: string;
	credentialType: string;
	credential: string;
	credentialName: string;
	account: IDataObject;
	state: AuthorizationState;
	/** ISO 8601 (UTC) or null when unknown */
	accessExpiresAt: string | null;
	refreshExpiresAt: string | null;
	reconsentNeededAt: string | null;
	/** days until reconsentNeededAt (one decimal; negative when it has passed), null when unknown */
	daysLeft: number | null;
	renewalsUsed: number | null;
	renewalsLeft: number | null;
	refusedRefresh: IDataObject | null;
	summary: string;
	reconnect: string;
	notes: string[];
}

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

function stateOf(facts: AuthorizationFacts, warnMs: number, now: number): AuthorizationState {
	if (!facts.connected) return 'not_connected';
	if (facts.refused) return 'refused';
	if (facts.reconsentAt !== undefined && facts.reconsentAt <= now) return 'expired';
	if (facts.reconsentAt !== undefined && facts.reconsentAt - warnMs <= now) return 'expiring';
	if (facts.renewalsLeft === 0) return 'renewals_exhausted';
	return 'ok';
}

function summaryOf(state: AuthorizationState, s: Pick<AuthorizationStatus, 'credential' | 'reconsentNeededAt' | 'daysLeft'>, facts: AuthorizationFacts): string {
	switch (state) {
		case 'not_connected':
			return `The ${s.credential} credential holds no authorization.`;
		case 'refused':
			return `The platform refused the last token refresh (${facts.refused?.code ?? '?'}: ${facts.refused?.message ?? ''}): authorize again.`;
		case 'expired':
			return `The authorization ran out at ${s.reconsentNeededAt}: authorize again.`;
		case 'expiring':
			return `The authorization runs out at ${s.reconsentNeededAt} (${s.daysLeft} days left): authorize again before then.`;
		case 'renewals_exhausted':
			return `All refresh-token renewals are used: the authorization runs out at ${s.reconsentNeededAt}.`;
		default:
			return s.reconsentNeededAt ? `Authorized until ${s.reconsentNeededAt} at the latest.` : 'Authorized; no end is known.';
	}
}

/** The status of one user-authorization credential, from its stored data; `warnDays` sets when it counts as expiring. */
export function authorizationStatus(
	adapter: UserAuthorizationAdapter,
	credentials: ICredentialDataDecryptedObject,
	options: { credentialName?: string; warnDays?: number; now?: number } = {},
): AuthorizationStatus {
	const now = options.now ?? Date.now();
	const facts = authorizationFacts(adapter, credentials, now);
	const state = stateOf(facts, Math.max(0, options.warnDays ?? 7) * DAY_MS, now);
	const credentialName = options.credentialName ?? '';
	const base = {
		credential: adapter.credentialDisplayName,
		reconsentNeededAt: iso(facts.reconsentAt),
		daysLeft: facts.reconsentAt !== undefined ? Math.round(((facts.reconsentAt - now) / DAY_MS) * 10) / 10 : null,
	};
	return {
		platform: adapter.platform,
		credentialType: adapter.credentialType,
		credentialName,
		account: facts.account,
		state,
		accessExpiresAt: iso(facts.accessExpiresAt),
		refreshExpiresAt: iso(facts.refreshExpiresAt),
		...base,
		renewalsUsed: facts.renewalsUsed ?? null,
		renewalsLeft: facts.renewalsLeft ?? null,
		refusedRefresh: facts.refused ? { code: facts.refused.code ?? null, message: facts.refused.message, at: new Date(facts.refused.at).toISOString() } : null,
		summary: summaryOf(state, base, facts),
		reconnect: reconnectSteps(adapter, credentialName),
		notes: facts.notes,
	};
}
