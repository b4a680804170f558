import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { redactText } from './redact';
import { secretValues } from './secrets';
import { TokenError } from './types';

/** The error a failed token request becomes: the platform's message and hint, never a secret. */
export function tokenFailure(error: unknown, credentials: ICredentialDataDecryptedObject): Error {
	const e = error as Error & { hint?: string; code?: number | string };
	// no `code` on purpose: n8n's credential test shows an error's code instead of its message when it has one
	return new TokenError(redactText(`${e?.message ?? String(error)}${e?.hint ? ` — ${e.hint}` : ''}`, secretValues(credentials)));
}
