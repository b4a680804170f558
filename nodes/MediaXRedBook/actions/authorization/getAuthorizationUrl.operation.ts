import { randomBytes } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule } from '../../../shared/node/operation';
import { requestedScopes } from '../../../shared/engine/scopeFields';
import { REDBOOK_DEFAULT_SCOPES, REDBOOK_USER_CREDENTIAL, redbookAuthorizeUrl } from '../../../shared/platforms/redbook';
import { show } from '../common';

/** Builds the consent link from the advertiser-authorization credential (so it declares that token kind); sends nothing to JuGuang. */
export const getAuthorizationUrl: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'State',
			name: 'state',
			type: 'string',
			default: '',
			description: 'Returned unchanged on the redirect, to match it to this request; a random value is used when empty',
			displayOptions: show('authorization', 'getAuthorizationUrl'),
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const credentials = await this.getCredentials(REDBOOK_USER_CREDENTIAL, i);
		const state = String(this.getNodeParameter('state', i, '') || randomBytes(8).toString('hex'));
		const scopes = requestedScopes(credentials, REDBOOK_DEFAULT_SCOPES);
		const redirectUri = String(credentials.redirectUri ?? '');
		return {
			url: redbookAuthorizeUrl(credentials, state),
			redirect_uri: redirectUri,
			scopes,
			state,
			next_step: redirectUri
				? `Open the URL in a browser, log in as the advertiser and approve. The browser then goes to ${redirectUri}?auth_code=…: copy the auth_code value into the credential's "Authorization Code" field and save. The code is single-use and expires in minutes.`
				: 'Set the Redirect URI registered for your JuGuang app in the credential first, then run this again.',
		};
	},
};
