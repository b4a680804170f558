import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

interface CredentialsHelperLike {
	updateCredentialsOauthTokenData?: (...args: unknown[]) => Promise<void>;
}

/**
 * Writes refreshed OAuth token data back into n8n's credential store. n8n has no public node API for this, so it goes
 * through the execution's credentials helper (n8n 1.123 takes three arguments, 2.x a fourth: additionalData).
 * Returns false when this n8n does not offer it; the engine then keeps the token in process memory.
 */
export async function persistOAuthTokenData(
	ctx: IExecuteFunctions,
	credentialType: string,
	oauthTokenData: IDataObject,
): Promise<boolean> {
	const additionalData = (ctx as unknown as { additionalData?: { credentialsHelper?: CredentialsHelperLike } }).additionalData;
	const helper = additionalData?.credentialsHelper;
	const reference = ctx.getNode().credentials?.[credentialType];
	if (!helper?.updateCredentialsOauthTokenData || !reference?.id) return false;
	try {
		await helper.updateCredentialsOauthTokenData(reference, credentialType, { oauthTokenData }, additionalData);
		return true;
	} catch {
		return false;
	}
}
