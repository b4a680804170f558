import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import type { StoredTokenAdapter } from './adapters';
import { fetchAppToken } from './sources/appToken';
import { fetchPastedCodeToken } from './sources/pastedCode';
import { storedTokenRenewal } from './sources/storedToken';
import { tokenFailure } from './tokenFailure';

/**
 * Hidden fields of every credential whose token the engine stores (app tokens, pasted-code grants). `accessToken` is
 * n8n's expirable field: n8n runs the credential's preAuthentication when it is empty (a credential Test, the HTTP
 * Request node) and persists what it returns, the same fields the engine writes.
 */
export const appTokenHiddenFields: INodeProperties[] = [
	{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	{ displayName: 'Token Expires At', name: 'expiresAt', type: 'hidden', default: 0 },
	{ displayName: 'Token Issued For', name: 'tokenFor', type: 'hidden', default: '' },
];

/** Hidden field of a pasted-code credential: the hash of the code already exchanged (never the code itself). */
/** A refused refresh (JSON: code, message, at), kept by the engine for Get Authorization Status and the Authorization Watch. */
export const authorizationRefusalField: INodeProperties = {
	displayName: 'Refused Refresh',
	name: 'authorizationRefusal',
	type: 'hidden',
	default: '',
};

export const usedCodeHashField: INodeProperties = {
	displayName: 'Exchanged Code Hash',
	name: 'usedAuthCode',
	type: 'hidden',
	typeOptions: { password: true },
	default: '',
};

/**
 * A credential's `preAuthentication`: fetches (or exchanges a pasted code) exactly as the engine does. Failures
 * carry the platform's message and hint, and never a secret.
 */
export function preAuthenticationFor(adapter: StoredTokenAdapter) {
	return async function preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const httpRequest = (options: Parameters<IHttpRequestHelper['helpers']['httpRequest']>[0]) => this.helpers.httpRequest(options);
		const fetched =
			adapter.source === 'app-token'
				? fetchAppToken(adapter, httpRequest, credentials, { reason: 'missing' })
				: fetchPastedCodeToken(adapter, httpRequest, credentials, { reason: 'missing' });
		return fetched.catch((error: unknown) => Promise.reject(tokenFailure(error, credentials, adapter.credentialDisplayName)));
	};
}

/**
 * Marks a credential Test's request. n8n builds the Test's request before preAuthentication runs and runs that only
 * when the credential holds no token at all, so the credential's `authenticate` (which runs after it) uses this mark
 * to turn the request into the right check: of the token it holds when that one is usable, else of the keys.
 */
export const APP_TOKEN_TEST_HEADER = 'x-mediax-credential-test';

/** The request without the Test mark, and whether it had one. */
export function takeTestMark(options: IHttpRequestOptions): { isTest: boolean; headers: IDataObject } {
	const headers = { ...(options.headers ?? {}) } as IDataObject;
	const isTest = APP_TOKEN_TEST_HEADER in headers;
	delete headers[APP_TOKEN_TEST_HEADER];
	return { isTest, headers };
}

/** Whether the stored token serves as it is: present, issued for the credential's current keys and host, not expiring (the engine's own rule). */
export function holdsUsableAppToken(adapter: StoredTokenAdapter, credentials: ICredentialDataDecryptedObject, now = Date.now()): boolean {
	return storedTokenRenewal(adapter, credentials, now) === '';
}
