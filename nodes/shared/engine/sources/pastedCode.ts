import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { PastedCodeAdapter } from '../adapters';
import { storedFields, storedTokenRenewal, storedTokenSource, type RenewalCheck, type StoredTokenFetch } from './storedToken';

/**
 * The pasted-code grant (RedBook JuGuang, WeChat web authorization): a newly pasted code always wins, even while the
 * previous token is still valid; an exchanged code is cleared from the credential and only its hash is kept, to tell
 * a new code from one already used (e.g. when the field holds an expression that cannot be cleared).
 */
export function codeHash(code: string): string {
	return createHash('sha256').update(code).digest('hex');
}

/** The pasted code still waiting to be exchanged, or '' when there is none. */
export function pendingCode(credentials: ICredentialDataDecryptedObject): string {
	const code = String(credentials.authCode ?? '').trim();
	return code && codeHash(code) !== credentials.usedAuthCode ? code : '';
}

const pastedCodeRenewal: RenewalCheck = (adapter, credentials, now) => (pendingCode(credentials) ? 'new-code' : storedTokenRenewal(adapter, credentials, now));

/** Exchanges a pending code, or else refreshes; the credential's preAuthentication does the same. */
export const fetchPastedCodeToken: StoredTokenFetch<PastedCodeAdapter> = async (adapter, httpRequest, credentials) => {
	const code = pendingCode(credentials);
	// a token obtained is an authorization that works: any refusal recorded before is over
	if (!code) {
		const token = await adapter.refresh(httpRequest, credentials);
		return storedFields(adapter, credentials, { ...token, extra: { ...token.extra, authorizationRefusal: '' } });
	}
	const token = await adapter.exchangeCode(httpRequest, credentials, code);
	return storedFields(adapter, credentials, { ...token, extra: { ...token.extra, authCode: '', usedAuthCode: codeHash(code), authorizationRefusal: '' } });
};

/** Source 'pasted-code'. */
export const pastedCodeSource = storedTokenSource<PastedCodeAdapter>(pastedCodeRenewal, fetchPastedCodeToken);
