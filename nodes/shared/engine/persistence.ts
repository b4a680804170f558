import type { IDataObject, IExecuteFunctions, INodeCredentialsDetails } from 'n8n-workflow';

/** The part of n8n's CredentialsHelper (n8n-core `ICredentialsHelper`) the engine writes through. */
interface CredentialsHelperLike {
	getCredentials?: (ref: INodeCredentialsDetails, type: string) => Promise<{ getData(): IDataObject | Promise<IDataObject> }>;
	updateCredentials?: (ref: INodeCredentialsDetails, type: string, data: IDataObject) => Promise<void>;
	updateCredentialsOauthTokenData?: (...args: unknown[]) => Promise<void>;
}

/**
 * n8n has no public node API that writes a credential, so these go through the execution's credentials helper
 * (`additionalData`, as n8n's own preAuthentication and OAuth2 refresh do) and report false when this n8n does not
 * offer it; the engine then keeps the token in process memory.
 */
function helperFor(ctx: IExecuteFunctions, credentialType: string) {
	const additionalData = (ctx as unknown as { additionalData?: { credentialsHelper?: CredentialsHelperLike } }).additionalData;
	const reference = ctx.getNode().credentials?.[credentialType];
	return { additionalData, helper: additionalData?.credentialsHelper, reference: reference?.id ? reference : undefined };
}

/**
 * Writes token fields into the stored credential the way n8n 2.x persists preAuthentication output: the stored record
 * plus the new fields, where a stored expression is kept (only `accessToken` always wins). Unlike n8n 1.123's own
 * whole-object write, resolved defaults are never frozen into the record.
 */
export async function persistCredentialFields(ctx: IExecuteFunctions, credentialType: string, fields: IDataObject): Promise<boolean> {
	const { helper, reference } = helperFor(ctx, credentialType);
	if (!helper?.getCredentials || !helper.updateCredentials || !reference) return false;
	try {
		const stored = await (await helper.getCredentials(reference, credentialType)).getData();
		const next: IDataObject = { ...stored };
		for (const [key, value] of Object.entries(fields)) {
			const isExpression = typeof stored[key] === 'string' && String(stored[key]).startsWith('=');
			if (key === 'accessToken' || !isExpression) next[key] = value;
		}
		await helper.updateCredentials(reference, credentialType, next);
		return true;
	} catch {
		return false;
	}
}

/** Writes refreshed OAuth token data (n8n 1.123 takes three arguments, 2.x a fourth: additionalData). */
export async function persistOAuthTokenData(ctx: IExecuteFunctions, credentialType: string, oauthTokenData: IDataObject): Promise<boolean> {
	const { additionalData, helper, reference } = helperFor(ctx, credentialType);
	if (!helper?.updateCredentialsOauthTokenData || !reference) return false;
	try {
		await helper.updateCredentialsOauthTokenData(reference, credentialType, { oauthTokenData }, additionalData);
		return true;
	} catch {
		return false;
	}
}

/** Whether this n8n lets the engine read and write the stored credential (see helperFor). */
export function canPersist(ctx: IExecuteFunctions, credentialType: string): boolean {
	const { helper, reference } = helperFor(ctx, credentialType);
	return !!(helper?.getCredentials && helper.updateCredentials && reference);
}

/** The stored record as written (no defaults applied, fields no credential property declares kept), or undefined. */
export async function readStoredRecord(ctx: IExecuteFunctions, credentialType: string): Promise<IDataObject | undefined> {
	const { helper, reference } = helperFor(ctx, credentialType);
	if (!helper?.getCredentials || !reference) return undefined;
	try {
		return await (await helper.getCredentials(reference, credentialType)).getData();
	} catch {
		return undefined;
	}
}
