import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { redactText } from './redact';
import { secretValues } from './secrets';
import { TokenError } from './types';

/** The HTTP status of a failed request as n8n's HTTP client reports it (axios-style `response.status`), if any. */
function httpStatusOf(error: unknown): number | undefined {
	const e = error as { response?: { status?: number }; httpCode?: string | number; statusCode?: number } | undefined;
	const status = Number(e?.response?.status ?? e?.statusCode ?? e?.httpCode);
	return Number.isFinite(status) && status > 0 ? status : undefined;
}

/**
 * The error a failed token request becomes: the platform's message and hint, never a secret. A failure below the
 * platform's dialect (the token endpoint down, a 5xx, no connection) names the credential and the endpoint's status.
 */
export function tokenFailure(error: unknown, credentials: ICredentialDataDecryptedObject, credentialName?: string): Error {
	const e = error as Error & { hint?: string; code?: number | string };
	const secrets = secretValues(credentials);
	if (!(error instanceof TokenError) && (error as Error)?.name !== 'TokenError' && credentialName) {
		const status = httpStatusOf(error);
		const what = status ? `HTTP ${status}` : `no reply (${e?.code ?? e?.message ?? 'network error'})`;
		return new TokenError(
			redactText(`The token request of the "${credentialName}" credential failed: ${what}. ${e?.message ?? ''}`.trim(), secrets),
			undefined,
			"The platform's token endpoint did not answer with a token; nothing was changed in the credential. Run again later; if it keeps failing, check the credential's Environment and Base URL.",
		);
	}
	// no `code` on purpose: n8n's credential test shows an error's code instead of its message when it has one
	return new TokenError(redactText(`${e?.message ?? String(error)}${e?.hint ? ` — ${e.hint}` : ''}`, secrets));
}
