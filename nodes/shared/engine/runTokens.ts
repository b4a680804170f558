import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import type { TokenAdapter } from './adapters';
import { isExpiring, type HeldToken, type TokenSource } from './sources/source';

/** One credential type can serve two sources (a service account's token and its legacy API key). */
const slotKey = (adapter: TokenAdapter) => `${adapter.source}:${adapter.credentialType}`;

interface Slot {
	promise: Promise<HeldToken>;
	value?: HeldToken;
}

/**
 * The tokens one node run holds: each credential is read once and its token reused for every item, until it nears
 * expiry or the platform rejects it; only then is the stored credential read again.
 */
export class RunTokens {
	private slots = new Map<string, Slot>();

	current(ctx: IExecuteFunctions, adapter: TokenAdapter, source: TokenSource): Promise<HeldToken> {
		const slot = this.slots.get(slotKey(adapter));
		if (slot && !(slot.value && isExpiring(slot.value.token, adapter.refreshSkewMs))) return slot.promise;
		return this.track(slotKey(adapter), source.obtain(ctx, adapter));
	}

	/** After a rejection: the replacement another item of this run already got, or the source's. */
	replace(ctx: IExecuteFunctions, adapter: TokenAdapter, source: TokenSource, rejected: HeldToken): Promise<HeldToken> {
		const slot = this.slots.get(slotKey(adapter));
		if (slot && slot.value !== rejected) return slot.promise;
		return this.track(slotKey(adapter), source.invalidate(ctx, adapter, rejected));
	}

	/** The credentials this run has read, to mask their secrets in errors. */
	credentials(): ICredentialDataDecryptedObject[] {
		return [...this.slots.values()].flatMap((slot) => (slot.value ? [slot.value.credentials] : []));
	}

	private track(type: string, promise: Promise<HeldToken>): Promise<HeldToken> {
		const slot: Slot = { promise };
		this.slots.set(type, slot);
		promise.then(
			(value) => {
				slot.value = value;
			},
			() => {
				// a failed token attempt is not kept: the next item tries again
				if (this.slots.get(type) === slot) this.slots.delete(type);
			},
		);
		return promise;
	}
}
