import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { ConnectedOAuthAdapter } from '../adapters';
import { currentBookkeeping, refusalOf, withBookkeeping } from '../authorizationRecord';
import { renewUnderLease } from '../lease';
import { persistOAuthTokenData, readStoredRecord } from '../persistence';
import { sharedRenewal } from '../singleFlight';
import { tokenFailure } from '../tokenFailure';
import { TokenError, type TokenState } from '../types';
import { credentialKey, isExpiring, requesterFor, notConnected, type HeldToken, type TokenSource } from './source';

/** Refreshed tokens kept in process memory when this n8n offers no way to write oauthTokenData (see persistence.ts). */
const memoryTokens = new Map<string, { basedOn: string; state: TokenState }>();

async function readConnected(ctx: IExecuteFunctions, adapter: ConnectedOAuthAdapter): Promise<HeldToken> {
	const credentials = await ctx.getCredentials(adapter.credentialType);
	const stored = adapter.readToken(credentials.oauthTokenData as IDataObject | undefined);
	if (!stored) {
		throw notConnected(adapter, 'the app\'s consent page');
	}
	const remembered = memoryTokens.get(credentialKey(ctx, adapter.credentialType));
	const token = remembered && remembered.basedOn === stored.accessToken + stored.refreshToken ? remembered.state : stored;
	return { credentials, token };
}

type RenewReason = 'adopt' | 'expiring' | 'renew-refresh-token' | 'rejected' | '';

function renewalReason(adapter: ConnectedOAuthAdapter, token: TokenState, now: number): RenewReason {
	if (!token.expiresAt) return 'adopt'; // fresh from "Connect": learn the real expiry times with one refresh
	if (isExpiring(token, adapter.refreshSkewMs, now)) return 'expiring';
	const window = adapter.refreshTokenRenewWindowMs ?? 0;
	if (adapter.renewRefreshToken && token.refreshExpiresAt && token.refreshExpiresAt - window <= now) return 'renew-refresh-token';
	return '';
}

async function refresh(ctx: IExecuteFunctions, adapter: ConnectedOAuthAdapter, held: HeldToken, reason: RenewReason): Promise<HeldToken> {
	const key = credentialKey(ctx, adapter.credentialType);
	const changed = (token: TokenState | undefined) =>
		!token || (['accessToken', 'refreshToken', 'expiresAt', 'refreshExpiresAt'] as const).some((field) => token[field] !== held.token[field]);
	let current = held;
	return sharedRenewal(key, () =>
		renewUnderLease(ctx, adapter.credentialType, {
			// another process refreshed while this one waited for the lease (a rejected token must have been replaced)
			adopt: async (record) => {
				if (!changed(readTokenQuietly(adapter, record.oauthTokenData))) return undefined;
				current = await readConnected(ctx, adapter);
				const usable = !renewalReason(adapter, current.token, Date.now()) && (reason !== 'rejected' || current.token.accessToken !== held.token.accessToken);
				return usable ? current : undefined;
			},
			// from the latest record: another process may have rotated the refresh token
			renew: async () => renewConnected(ctx, adapter, current, reason),
		}),
	);
}

function readTokenQuietly(adapter: ConnectedOAuthAdapter, oauthTokenData: unknown): TokenState | undefined {
	try {
		return adapter.readToken(oauthTokenData as IDataObject | undefined);
	} catch {
		return undefined;
	}
}

async function renewConnected(ctx: IExecuteFunctions, adapter: ConnectedOAuthAdapter, held: HeldToken, reason: RenewReason): Promise<HeldToken> {
	const key = credentialKey(ctx, adapter.credentialType);
	const httpRequest = requesterFor(ctx);
	const { credentials } = held;
	const failed = (error: unknown) => Promise.reject(error instanceof TokenError ? error : tokenFailure(error, credentials, adapter.credentialDisplayName));
	const previous = (credentials.oauthTokenData ?? {}) as IDataObject;
	const renewed = async () => {
		// a still-valid access token needs no refresh when only the refresh token is running out
		let token = reason === 'renew-refresh-token' ? held.token : await adapter.refresh(httpRequest, credentials, held.token);
		const window = adapter.refreshTokenRenewWindowMs ?? 0;
		if (adapter.renewRefreshToken && token.refreshExpiresAt && token.refreshExpiresAt - window <= Date.now()) {
			token = await adapter.renewRefreshToken(httpRequest, credentials, token);
		}
		return token;
	};
	const next = await renewed().catch(async (error: unknown) => {
		await recordRefusal(ctx, adapter, held, error);
		return failed(error);
	});
	if (await persistOAuthTokenData(ctx, adapter.credentialType, adapter.writeToken(previous, next))) memoryTokens.delete(key);
	else {
		const stored = adapter.readToken(previous);
		memoryTokens.set(key, { basedOn: (stored?.accessToken ?? '') + (stored?.refreshToken ?? ''), state: next });
	}
	return { credentials: credentials as ICredentialDataDecryptedObject, token: next };
}

/**
 * Keeps a refused refresh in the stored token data, so Get Authorization Status and the Authorization Watch can
 * report it without calling the platform; skipped when another process stored a different refresh token meanwhile.
 */
async function recordRefusal(ctx: IExecuteFunctions, adapter: ConnectedOAuthAdapter, held: HeldToken, error: unknown): Promise<void> {
	const refused = refusalOf(error, adapter.refusedRefreshCodes, held.credentials);
	if (!refused) return;
	const stored = (await readStoredRecord(ctx, adapter.credentialType))?.oauthTokenData as IDataObject | undefined;
	const base = stored ?? ((held.credentials.oauthTokenData ?? {}) as IDataObject);
	if (readTokenQuietly(adapter, base)?.refreshToken !== held.token.refreshToken) return;
	await persistOAuthTokenData(ctx, adapter.credentialType, withBookkeeping(base, held.token.refreshToken, { ...currentBookkeeping(base, held.token.refreshToken), refused: refused as unknown as IDataObject }));
}

/** Source 'n8n-connect': n8n's Connect stores the token; the engine refreshes it in the platform's dialect. */
export const connectedOAuthSource: TokenSource<ConnectedOAuthAdapter> = {
	async obtain(ctx, adapter) {
		const held = await readConnected(ctx, adapter);
		const reason = renewalReason(adapter, held.token, Date.now());
		return reason ? refresh(ctx, adapter, held, reason) : held;
	},
	async invalidate(ctx, adapter, rejected) {
		// compare before refresh: another execution may already have stored a new token
		const latest = await readConnected(ctx, adapter);
		if (latest.token.accessToken !== rejected.token.accessToken) return latest;
		return refresh(ctx, adapter, latest, 'rejected');
	},
	apply(options, held, adapter, req) {
		for (const field of req.identityInQuery ?? []) {
			if (held.token.identity?.[field] !== undefined) (options.qs as IDataObject)[field] = held.token.identity[field];
		}
		adapter.sign(options, held.token, held.credentials);
	},
};
