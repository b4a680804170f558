import { randomUUID } from 'crypto';
import { sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { canPersist, persistCredentialFields, readStoredRecord } from './persistence';

/**
 * A renewal lease kept in the stored credential itself (field `tokenLease`), so that one process of an n8n cluster
 * (main, workers) renews a credential's token while the others wait and then reuse what it stored. Only the
 * credentials helper a community node already writes through is used; no database or Redis of its own.
 *
 * The store offers no compare-and-swap: a lease is taken by a read-modify-write, then confirmed by reading it back
 * after `settleMs`. Two processes that both saw the lease free both write; whichever wrote last is what both read back,
 * as long as each one's read-modify-write took less than `settleMs` — so exactly one goes on. A waiter polls the
 * stored record and adopts the token the holder stored; a lease whose holder died (killed worker) is free once its
 * `until` has passed, `leaseMs` after it was taken. See README "Queue mode".
 */
export const leaseTiming = {
	/** how long a taken lease is honoured: longer than a token request with its retries */
	leaseMs: 30_000,
	/**
	 * between writing a lease and reading it back; must exceed one read-modify-write of the credential. 300 ms was
	 * too short for 3 queue workers on 2 busy cores (CI: two client-token requests); a renewal is rare, so 1 s is cheap.
	 */
	settleMs: 1_000,
	/** contenders that saw the lease free start their write spread over up to this long, so most see the first one's lease */
	jitterMs: 200,
	/** how often a waiter re-reads the stored credential */
	pollMs: 250,
};

export const LEASE_FIELD = 'tokenLease';

/** This process (module instance) among all processes sharing the credential store. */
const PROCESS_ID = randomUUID();
let attempts = 0;

interface Lease {
	holder: string;
	until: number;
}

function parseLease(value: unknown): Lease | undefined {
	if (typeof value !== 'string' || !value) return undefined;
	try {
		const lease = JSON.parse(value) as Lease;
		return typeof lease.holder === 'string' && typeof lease.until === 'number' ? lease : undefined;
	} catch {
		return undefined;
	}
}

async function storedRecord(ctx: IExecuteFunctions, credentialType: string): Promise<{ record: IDataObject; lease?: Lease }> {
	const record = (await readStoredRecord(ctx, credentialType)) ?? {};
	return { record, lease: parseLease(record[LEASE_FIELD]) };
}

export interface LeasedRenewal<T> {
	/**
	 * The usable token another process stored meanwhile, or undefined. `record` is the raw stored record just read:
	 * when its token is the one this process holds, nothing changed and no further read is needed.
	 */
	adopt(record: IDataObject): Promise<T | undefined>;
	/** renews and stores the token, from the latest record adopt saw (a refresh token may have rotated) */
	renew(): Promise<T>;
}

/**
 * Runs `renew` in at most one process of the cluster at a time per credential; the others adopt its stored result.
 * Called inside the per-process single flight, so each process has at most one contender per credential. Where this
 * n8n offers no credential writes, renews directly (the token then lives in process memory anyway).
 */
export async function renewUnderLease<T>(ctx: IExecuteFunctions, credentialType: string, task: LeasedRenewal<T>): Promise<T> {
	if (!canPersist(ctx, credentialType)) return task.renew();
	const signal = ctx.getExecutionCancelSignal?.();
	const giveUpAt = Date.now() + 2 * leaseTiming.leaseMs;
	while (Date.now() < giveUpAt) {
		const { record, lease } = await storedRecord(ctx, credentialType);
		if (lease && lease.until > Date.now()) {
			const adopted = await task.adopt(record);
			if (adopted !== undefined) return adopted;
			await pause(leaseTiming.pollMs, signal);
			continue;
		}
		await pause(Math.floor(Math.random() * leaseTiming.jitterMs), signal);
		const again = await storedRecord(ctx, credentialType);
		if (again.lease && again.lease.until > Date.now()) continue; // another process took it during the jitter
		const mine: Lease = { holder: `${PROCESS_ID}/${++attempts}`, until: Date.now() + leaseTiming.leaseMs };
		if (!(await persistCredentialFields(ctx, credentialType, { [LEASE_FIELD]: JSON.stringify(mine) }))) return task.renew();
		await pause(leaseTiming.settleMs, signal);
		const confirmed = await storedRecord(ctx, credentialType);
		if (confirmed.lease?.holder !== mine.holder) continue; // another process won the race
		try {
			// holding the lease, the stored record is stable: another holder may have finished just before us
			return (await task.adopt(confirmed.record)) ?? (await task.renew());
		} finally {
			await release(ctx, credentialType, mine);
		}
	}
	// the lease never came free (holders keep failing or the store is too slow to confirm): renew rather than fail
	return (await task.adopt((await storedRecord(ctx, credentialType)).record)) ?? (await task.renew());
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (signal?.aborted) throw new Error('Execution cancelled');
	await sleep(ms);
}

async function release(ctx: IExecuteFunctions, credentialType: string, mine: Lease): Promise<void> {
	if ((await storedRecord(ctx, credentialType)).lease?.holder === mine.holder) {
		await persistCredentialFields(ctx, credentialType, { [LEASE_FIELD]: '' });
	}
}
