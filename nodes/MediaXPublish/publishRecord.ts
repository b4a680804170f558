import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { renewUnderLease } from '../shared/engine/lease';
import { canPersist, persistCredentialFields, readStoredRecord } from '../shared/engine/persistence';
import type { TargetName } from './limits';

/** field of the workflow's static data, and of each target's stored credential, that holds the record */
export const RECORD_FIELD = 'mediaXPublished';
/** entries kept per credential (newest first); older posts fall back to the static data record */
export const CREDENTIAL_RECORD_LIMIT = 500;

type StaticRecord = Record<string, Partial<Record<TargetName, IDataObject>>>;

/**
 * What a post (its idempotency key) already published, per target. Kept in two places:
 * - the stored credential of the target's account (field `mediaXPublished`, one entry per workflow, key and target),
 *   which every process of a cluster reads: n8n 2.41's queue workers start every new execution with empty workflow
 *   static data (the execution's workflow snapshot carries none, `toWorkflowSnapshot`), so static data alone does
 *   not reach the next run there. Written under the credential's token lease, so a token renewal's write and this
 *   one never overwrite each other.
 * - the workflow's static data, for an n8n that offers no credential writes and as a second copy in regular mode.
 */
export class PublishRecord {
	private readonly staticRecord: StaticRecord;
	private readonly workflowId: string;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly credentialOf: (target: TargetName) => string,
	) {
		const staticData = ctx.getWorkflowStaticData('node');
		this.staticRecord = (staticData[RECORD_FIELD] ??= {}) as unknown as StaticRecord;
		this.workflowId = String((ctx as { getWorkflow?: () => { id?: string } }).getWorkflow?.().id ?? '');
	}

	private entryKey(key: string, target: TargetName): string {
		return createHash('sha256').update(`${this.workflowId}\u0000${key}\u0000${target}`).digest('hex').slice(0, 32);
	}

	async get(key: string, target: TargetName): Promise<IDataObject | undefined> {
		const credentialType = this.credentialOf(target);
		const stored = await readStoredRecord(this.ctx, credentialType);
		const entry = parse(stored?.[RECORD_FIELD])[this.entryKey(key, target)];
		return entry ?? this.staticRecord[key]?.[target];
	}

	/** records a target's result (or its new status after waiting until live) in both places */
	async set(key: string, target: TargetName, entry: IDataObject): Promise<void> {
		const merged = { ...(this.staticRecord[key]?.[target] ?? {}), ...entry };
		(this.staticRecord[key] ??= {})[target] = merged;
		const staticData = this.ctx.getWorkflowStaticData('node');
		staticData[RECORD_FIELD] = this.staticRecord as unknown as IDataObject;
		const credentialType = this.credentialOf(target);
		if (!canPersist(this.ctx, credentialType)) return;
		// the credential keeps what a re-run shows; the platform's intermediate ids (details) stay in static data
		const compact: IDataObject = { ...merged };
		delete compact.details;
		await renewUnderLease(this.ctx, credentialType, {
			adopt: async () => undefined,
			renew: async () => {
				const stored = await readStoredRecord(this.ctx, credentialType);
				const record = parse(stored?.[RECORD_FIELD]);
				record[this.entryKey(key, target)] = { ...compact, recorded_at: Date.now() };
				const newest = Object.entries(record)
					.sort((a, b) => Number(b[1].recorded_at ?? 0) - Number(a[1].recorded_at ?? 0))
					.slice(0, CREDENTIAL_RECORD_LIMIT);
				await persistCredentialFields(this.ctx, credentialType, { [RECORD_FIELD]: JSON.stringify(Object.fromEntries(newest)) });
			},
		});
	}
}

function parse(value: unknown): Record<string, IDataObject> {
	if (typeof value !== 'string' || !value) return {};
	try {
		const parsed = JSON.parse(value) as unknown;
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, IDataObject>) : {};
	} catch {
		return {};
	}
}
