import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { HttpRequester, TokenAdapter } from '../adapters';
import { TokenError, type ApiRequest, type TokenState } from '../types';

/** A token as one execution holds it: the credential it came from and the token itself. */
export interface HeldToken {
	credentials: ICredentialDataDecryptedObject;
	token: TokenState;
}

/**
 * One way of holding a token. `obtain` reads the stored credential and returns a usable token (renewing it when it
 * is missing or expiring); `invalidate` answers a rejection with the replacement another execution already stored,
 * or renews; `apply` attaches the token to a request. Renewals are shared per credential (single-flight); the
 * request itself is always the caller's own.
 */
export interface TokenSource<A extends TokenAdapter = TokenAdapter> {
	obtain(ctx: IExecuteFunctions, adapter: A): Promise<HeldToken>;
	invalidate(ctx: IExecuteFunctions, adapter: A, rejected: HeldToken): Promise<HeldToken>;
	apply(options: IHttpRequestOptions, held: HeldToken, adapter: A, req: ApiRequest): void;
}

/** Identifies a credential across executions of this process (for shared renewals and process-memory tokens). */
export function credentialKey(ctx: IExecuteFunctions, type: string): string {
	const ref = ctx.getNode().credentials?.[type];
	return `${type}:${ref?.id ?? ref?.name ?? 'unsaved'}`;
}

/** n8n's plain request helper, for token requests made on the engine's behalf. */
export function requesterFor(ctx: IExecuteFunctions): HttpRequester {
	return (options) => ctx.helpers.httpRequest(options);
}

/** Whether a token needs renewing before use: this close to its known expiry (0 = unknown: use until rejected). */
export function isExpiring(token: TokenState, skewMs: number, now = Date.now()): boolean {
	return !!token.expiresAt && token.expiresAt - skewMs <= now;
}

/** The button that (re)connects an OAuth2 credential, as n8n's editor labels it (2.x "Connect"/"Reconnect", 1.x "Connect my account"). */
export const CONNECT_BUTTON = '"Connect" or "Reconnect" (n8n 1.x: "Connect my account")';

/** The error of a credential that holds no connected account yet. */
export function notConnected(adapter: TokenAdapter, consentPage: string): TokenError {
	return new TokenError(
		`The ${adapter.credentialDisplayName} credential is not connected to a ${adapter.label} account`,
		undefined,
		`Open the credential and click ${CONNECT_BUTTON}, then approve on ${consentPage}.`,
	);
}
