import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { N8nOAuth2Adapter } from '../adapters';
import { sharedRenewal } from '../singleFlight';
import { TokenError } from '../types';
import { CONNECT_BUTTON, credentialKey, notConnected, type HeldToken, type TokenSource } from './source';

async function readStored(ctx: IExecuteFunctions, adapter: N8nOAuth2Adapter): Promise<HeldToken> {
	const credentials = await ctx.getCredentials(adapter.credentialType);
	const accessToken = adapter.readAccessToken(credentials.oauthTokenData as IDataObject | undefined);
	if (!accessToken) {
		throw notConnected(adapter, 'Google\'s page');
	}
	// n8n keeps no reliable expiry for these tokens; it refreshes after a rejection, and so does the engine
	return { credentials, token: { accessToken, expiresAt: 0 } };
}

/** n8n's own refresh failed: a refused grant needs a reconnect; anything else (the token endpoint down) a later run. */
function refreshFailed(adapter: N8nOAuth2Adapter, error: unknown): TokenError {
	const message = String((error as Error)?.message ?? error);
	const refused = /invalid_grant|unauthorized_client|invalid_client|revoked|expired/i.test(message);
	return new TokenError(
		`${adapter.label} could not refresh the token of the ${adapter.credentialDisplayName} credential: ${message}`,
		undefined,
		refused
			? `The refresh token was revoked or has expired: open the credential and click ${CONNECT_BUTTON}.`
			: `${adapter.label}'s token endpoint failed; run again later. If it keeps failing, open the credential and click ${CONNECT_BUTTON}.`,
	);
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
		await sharedRenewal(credentialKey(ctx, adapter.credentialType), async () => ctx.helpers.refreshOAuth2Token.call(ctx, adapter.credentialType)).catch((error: unknown) => {
			throw refreshFailed(adapter, error);
		});
		return readStored(ctx, adapter);
	},
	apply(options, held) {
		options.headers = { ...(options.headers ?? {}), Authorization: `Bearer ${held.token.accessToken}` };
	},
};
