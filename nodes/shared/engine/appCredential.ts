import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, INodeProperties } from 'n8n-workflow';
import type { AppTokenAdapter, HttpRequester } from './adapters';
import { redactText } from './redact';
import { TokenError } from './types';

/**
 * Hidden fields every client-credentials credential carries. n8n runs the credential's preAuthentication whenever
 * `accessToken` (the expirable field) is empty and persists what it returns, so the token is shared by every
 * execution, process and queue-mode worker using the credential.
 */
export const appTokenHiddenFields: INodeProperties[] = [
	{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	{ displayName: 'Token Expires At', name: 'expiresAt', type: 'hidden', default: 0 },
	{ displayName: 'Token Issued For', name: 'tokenFor', type: 'hidden', default: '' },
	{ displayName: 'Refresh Reason', name: 'refreshReason', type: 'hidden', default: '' },
	{ displayName: 'Rejected Token', name: 'rejectedToken', type: 'hidden', typeOptions: { password: true }, default: '' },
];

/** The body of every app credential's preAuthentication: fetch a token and say whom it belongs to. */
export async function fetchAppTokenForCredential(
	adapter: AppTokenAdapter,
	httpRequest: HttpRequester,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const token = await adapter.fetchToken(httpRequest, credentials, String(credentials.refreshReason || 'missing'));
	// the fingerprint describes the credential as it will be stored, after this fetch (e.g. a pasted code consumed)
	const tokenFor = adapter.fingerprint({ ...credentials, ...token.extra } as ICredentialDataDecryptedObject);
	return { ...token.extra, accessToken: token.accessToken, expiresAt: token.expiresAt, tokenFor, refreshReason: '', rejectedToken: '' };
}

/** The error a credential throws when its token request failed: platform code, hint, and never a secret. */
export function tokenFailure(error: unknown, credentials: ICredentialDataDecryptedObject): Error {
	const e = error as Error & { hint?: string; code?: number | string };
	const secrets = [credentials.clientSecret, credentials.appSecret, credentials.secret, credentials.privateKey, credentials.accessToken, credentials.refreshToken].map((s) => (s ? String(s) : undefined));
	// no `code` on purpose: n8n's credential test shows an error's code instead of its message when it has one
	return new TokenError(redactText(`${e?.message ?? String(error)}${e?.hint ? ` — ${e.hint}` : ''}`, secrets));
}

/**
 * A credential's `preAuthentication`: n8n calls it when the expirable token is empty (or the engine asks for a
 * renewal) and persists what it returns. Failures carry the platform's code and hint, and never a secret.
 */
export function preAuthenticationFor(adapter: AppTokenAdapter) {
	return async function preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return fetchAppTokenForCredential(adapter, (options) => this.helpers.httpRequest(options), credentials).catch((error: unknown) =>
			Promise.reject(tokenFailure(error, credentials)),
		);
	};
}
