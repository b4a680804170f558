import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { N8nOAuth2Adapter } from '../adapters';
import { sharedRenewal } from '../singleFlight';
import { credentialKey, notConnected, type HeldToken, type TokenSource } from './source';

async function readStored(ctx: IExecuteFunctions, adapter: N8nOAuth2Adapter): Promise<HeldToken> {
	const credentials = await ctx.getCredentials(adapter.credentialType);
	const accessToken = adapter.readAccessToken(credentials.oauthTokenData as IDataObject | undefined);
	if (!accessToken) {
		throw notConnected(adapter, 'Google\'s page');
	}
	// n8n keeps no reliable expiry for these tokens; it refreshes after a rejection, and so does the engine
	return { credentials, token: { accessToken, expiresAt: 0 } };
}

/**
 * Source 'n8n-oauth2': n8n's Connect stores the token and n8n's own refresh renews and persists it (under n8n's lock
 * in 2.x); the engine signs with the stored token and asks for that refresh once per rejected token.
 */
export const n8nOAuth2Source: TokenSource<N8nOAuth2Adapter> = {
	obtain: readStored,
	async invalidate(ctx, adapter, rejected) {
		const latest = await readStored(ctx, adapter);
		if (latest.token.accessToken !== rejected.token.accessToken) return latest;
		await sharedRenewal(credentialKey(ctx, adapter.credentialType), async () => ctx.helpers.refreshOAuth2Token.call(ctx, adapter.credentialType));
		return readStored(ctx, adapter);
	},
	apply(options, held) {
		options.headers = { ...(options.headers ?? {}), Authorization: `Bearer ${held.token.accessToken}` };
	},
};
