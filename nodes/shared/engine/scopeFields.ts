import type { ICredentialDataDecryptedObject, INodePropertyOptions, INodeProperties } from 'n8n-workflow';

/**
 * The credential field holding the scopes a person picks. Not `scopes`: n8n's credential editor writes the project's
 * permission list into `credentialData.scopes` of every new credential (useCredentialForm, 2.x), which blanks the
 * multi-select ("Select") and saves `scopes: []`.
 */
export const SCOPES_FIELD = 'requestedScopes';

/** The picked scopes, or the defaults when none are picked: an empty list is never sent. */
export function requestedScopes(c: ICredentialDataDecryptedObject, defaults: readonly string[]): string[] {
	const picked = c[SCOPES_FIELD];
	const list = Array.isArray(picked) ? (picked as unknown[]).map(String).filter(Boolean) : String(picked ?? '').split(/[\s,]+/).filter(Boolean);
	return list.length ? list : [...defaults];
}

/**
 * n8n resolves `$self` with every default filled in, so an untouched field yields its default; the fallback covers
 * a list emptied by hand (or an odd stored value), because the platforms refuse an empty scope.
 */
export function scopeExpression(defaults: readonly string[], separator: ',' | ' '): string {
	const field = `$self["${SCOPES_FIELD}"]`;
	return `={{(Array.isArray(${field}) && ${field}.length ? ${field} : ${JSON.stringify(defaults)}).join(${JSON.stringify(separator)})}}`;
}

/** The visible multi-select; its default is the same list the fallback uses. */
export function scopesField(options: INodePropertyOptions[], defaults: readonly string[], description: string): INodeProperties {
	return {
		displayName: 'Scopes',
		name: SCOPES_FIELD,
		type: 'multiOptions',
		options,
		default: [...defaults],
		description,
	};
}
