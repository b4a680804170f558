import type { IDataObject } from 'n8n-workflow';
import type { AuthorizationState, AuthorizationStatus } from '../shared/engine/authorizationStatus';

/** The states the watch reports; `ok` and `not_connected` (nothing to lose yet) are not conditions. */
const WATCHED: ReadonlySet<AuthorizationState> = new Set(['expiring', 'expired', 'renewals_exhausted', 'refused']);

/**
 * What makes one condition: the credential, the state and the moment it is about (the refusal's time, or the
 * re-consent time). A Reconnect gives a new re-consent time, hence a new condition.
 */
export function conditionKey(status: AuthorizationStatus): string {
	const about = status.state === 'refused' ? String(status.refusedRefresh?.at ?? '') : String(status.reconsentNeededAt ?? '');
	return `${status.state}|${about}`;
}

/** Identifies a credential in the memory (its id where n8n gives one). */
export const credentialMemoryKey = (credentialType: string, credentialId: string | null | undefined) => `${credentialType}:${credentialId ?? ''}`;

/**
 * The statuses to emit now: each watched condition once. `memory` (the node's workflow static data) keeps, per
 * credential, the condition last emitted; a credential back to `ok` forgets it, so a later condition is new again.
 */
export function dueStatuses(entries: Array<{ key: string; status: AuthorizationStatus }>, memory: IDataObject): AuthorizationStatus[] {
	const emitted = ((memory.emitted ??= {}) as IDataObject) as Record<string, string>;
	const due: AuthorizationStatus[] = [];
	for (const { key, status } of entries) {
		if (!WATCHED.has(status.state)) {
			delete emitted[key];
			continue;
		}
		const condition = conditionKey(status);
		if (emitted[key] === condition) continue;
		emitted[key] = condition;
		due.push(status);
	}
	return due;
}
