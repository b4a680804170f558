import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { HttpRequester, Renewal, StoredTokenAdapter } from '../adapters';
import { refusalOf } from '../authorizationRecord';
import { tokenFailure } from '../tokenFailure';
import { renewUnderLease } from '../lease';
import { persistCredentialFields, readStoredRecord } from '../persistence';
import { sharedRenewal } from '../singleFlight';
import { credentialKey, isExpiring, requesterFor, type HeldToken, type TokenSource } from './source';

/**
 * The mechanics both stored-token sources share (app token, pasted code): the token lives in the credential's hidden
 * `accessToken`/`expiresAt`/`tokenFor` fields and is written back there, so other processes and workers reuse it.
 */

/** Tokens kept in process memory when this n8n offers no way to write the credential (see persistence.ts). */
const memoryTokens = new Map<string, { basedOn: string; fields: IDataObject }>();

export type RenewalCheck = (adapter: StoredTokenAdapter, credentials: ICredentialDataDecryptedObject, now: number) => Renewal['reason'] | '';

/** The reasons every stored token is renewed for: none yet, issued for other keys or host, or about to expire. */
export const storedTokenRenewal: RenewalCheck = (adapter, credentials, now) => {
	if (!credentials.accessToken) return 'missing';
	if (credentials.tokenFor !== adapter.fingerprint(credentials)) return 'credentials-changed';
	if (isExpiring({ accessToken: '', expiresAt: Number(credentials.expiresAt ?? 0) }, adapter.refreshSkewMs, now)) return 'expiring';
	return '';
};

export function heldFrom(credentials: ICredentialDataDecryptedObject): HeldToken {
	return { credentials, token: { accessToken: String(credentials.accessToken ?? ''), expiresAt: Number(credentials.expiresAt ?? 0) } };
}

/** The fields to store after a fetch: the token, its expiry, whom it was issued for, and the source's extras. */
export function storedFields(adapter: StoredTokenAdapter, credentials: ICredentialDataDecryptedObject, token: { accessToken: string; expiresAt: number; extra?: IDataObject }): IDataObject {
	// the fingerprint describes the credential as it will be stored, after this fetch (e.g. a pasted code consumed)
	const tokenFor = adapter.fingerprint({ ...credentials, ...token.extra } as ICredentialDataDecryptedObject);
	return { ...token.extra, accessToken: token.accessToken, expiresAt: token.expiresAt, tokenFor };
}

export type StoredTokenFetch<A extends StoredTokenAdapter> = (
	adapter: A,
	httpRequest: HttpRequester,
	credentials: ICredentialDataDecryptedObject,
	renewal: Renewal,
) => Promise<IDataObject>;

async function readStored(ctx: IExecuteFunctions, type: string): Promise<ICredentialDataDecryptedObject> {
	const credentials = await ctx.getCredentials(type);
	const remembered = memoryTokens.get(credentialKey(ctx, type));
	return remembered && remembered.basedOn === String(credentials.accessToken ?? '') ? ({ ...credentials, ...remembered.fields } as ICredentialDataDecryptedObject) : credentials;
}

/**
 * Keeps a refused refresh in the credential's hidden `authorizationRefusal` field (pasted-code credentials declare
 * it), unless another process stored a different refresh token meanwhile; the next successful fetch clears it.
 */
async function recordRefusal(ctx: IExecuteFunctions, adapter: StoredTokenAdapter, used: ICredentialDataDecryptedObject, error: unknown): Promise<void> {
	const refused = refusalOf(error, adapter.refusedRefreshCodes, used);
	if (!refused) return;
	const stored = await readStoredRecord(ctx, adapter.credentialType);
	if (stored && String(stored.refreshToken ?? '') !== String(used.refreshToken ?? '')) return;
	await persistCredentialFields(ctx, adapter.credentialType, { authorizationRefusal: JSON.stringify(refused) });
}

/** A TokenSource over the hidden token fields, with the source's own renewal check and fetch. */
export function storedTokenSource<A extends StoredTokenAdapter>(needsRenewal: RenewalCheck, fetch: StoredTokenFetch<A>): TokenSource<A> {
	async function renew(ctx: IExecuteFunctions, adapter: A, credentials: ICredentialDataDecryptedObject, renewal: Renewal): Promise<HeldToken> {
		const key = credentialKey(ctx, adapter.credentialType);
		let current = credentials;
		const renewal$ = sharedRenewal(key, () =>
			renewUnderLease(ctx, adapter.credentialType, {
				// another process renewed while this one waited for the lease
				adopt: async (record) => {
					const unchanged = String(record.accessToken ?? '') === String(credentials.accessToken ?? '') && Number(record.expiresAt ?? 0) === Number(credentials.expiresAt ?? 0);
					if (unchanged) return undefined;
					current = await readStored(ctx, adapter.credentialType);
					// a stable token (WeChat) may come back unchanged with a later expiry; a rejected one must change
					const usable = !!current.accessToken && !needsRenewal(adapter, current, Date.now()) && current.accessToken !== renewal.rejectedToken;
					return usable ? heldFrom(current) : undefined;
				},
				// from the latest record: a refresh token another process rotated, a code it consumed
				renew: async () => {
					const fields = await fetch(adapter, requesterFor(ctx), current, renewal).catch(async (error: unknown) => {
						await recordRefusal(ctx, adapter, current, error);
						return Promise.reject(tokenFailure(error, current, adapter.credentialDisplayName));
					});
					if (await persistCredentialFields(ctx, adapter.credentialType, fields)) memoryTokens.delete(key);
					else memoryTokens.set(key, { basedOn: String(current.accessToken ?? ''), fields });
					return heldFrom({ ...current, ...fields } as ICredentialDataDecryptedObject);
				},
			}),
		);
		return renewal$.catch(async (error: unknown) => {
			// another process may have renewed meanwhile (and rotated a refresh token): use what it stored
			const latest = await readStored(ctx, adapter.credentialType);
			const renewedElsewhere = !!latest.accessToken && latest.accessToken !== credentials.accessToken && !needsRenewal(adapter, latest, Date.now());
			return renewedElsewhere ? heldFrom(latest) : Promise.reject(error);
		});
	}

	return {
		async obtain(ctx, adapter) {
			const credentials = await readStored(ctx, adapter.credentialType);
			const reason = needsRenewal(adapter, credentials, Date.now());
			return reason ? renew(ctx, adapter, credentials, { reason }) : heldFrom(credentials);
		},
		async invalidate(ctx, adapter, rejected) {
			// compare before refresh: another execution or process may already have stored a replacement
			const latest = await readStored(ctx, adapter.credentialType);
			if (latest.accessToken && latest.accessToken !== rejected.token.accessToken && !needsRenewal(adapter, latest, Date.now())) return heldFrom(latest);
			return renew(ctx, adapter, latest, { reason: 'rejected', rejectedToken: rejected.token.accessToken });
		},
		apply(options, held, adapter) {
			adapter.sign(options, held.token.accessToken, held.credentials);
		},
	};
}
