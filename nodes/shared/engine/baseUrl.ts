import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * The Environment rule of every MediaX credential, in one place: with Environment "custom" and a base URL filled in,
 * that URL (without trailing slashes) replaces the platform's hosts; an empty field falls back to production.
 */
export function customBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment !== 'custom') return '';
	return String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
}

export function environmentBaseUrl(credentials: ICredentialDataDecryptedObject, production: string): string {
	return customBaseUrl(credentials) || production;
}

/**
 * The same rule as an n8n expression body (no `={{ }}`), over `$credentials` (test requests) or `$self` (hidden OAuth2
 * fields); never throws on an empty or missing field.
 */
export function customBaseUrlExpression(on: '$credentials' | '$self' = '$credentials'): string {
	return `(${on}["environment"] === "custom" ? String(${on}["baseUrl"] || "").trim().replace(/\\/+$/, "") : "")`;
}

export function environmentBaseUrlExpression(production: string, on: '$credentials' | '$self' = '$credentials'): string {
	return `(${customBaseUrlExpression(on)} || ${JSON.stringify(production)})`;
}
