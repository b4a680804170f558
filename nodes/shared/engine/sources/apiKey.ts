import type { IExecuteFunctions } from 'n8n-workflow';
import type { ApiKeyAdapter } from '../adapters';
import { TokenError } from '../types';
import type { HeldToken, TokenSource } from './source';

async function readKey(ctx: IExecuteFunctions, adapter: ApiKeyAdapter): Promise<HeldToken> {
	const credentials = await ctx.getCredentials(adapter.credentialType);
	const key = adapter.readKey(credentials);
	if (!key) {
		throw new TokenError(`The ${adapter.credentialDisplayName} credential has no API key`, undefined, 'Add an API key to the credential, or attach a credential that acts for an account.');
	}
	return { credentials, token: { accessToken: key, expiresAt: 0 } };
}

/** Source 'api-key': a static key; a rejection can only be answered by re-reading it (someone may have edited it). */
export const apiKeySource: TokenSource<ApiKeyAdapter> = {
	obtain: readKey,
	invalidate: (ctx, adapter) => readKey(ctx, adapter),
	apply(options, held, adapter) {
		adapter.sign(options, held.token.accessToken);
	},
};
