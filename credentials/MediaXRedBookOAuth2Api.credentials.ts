import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { appTokenHiddenFields, authorizationRefusalField, preAuthenticationFor, usedCodeHashField } from '../nodes/shared/engine/appCredential';
import { environmentBaseUrlExpression } from '../nodes/shared/engine/baseUrl';
import { REDBOOK_DEFAULT_SCOPES, redbookUserAdapter } from '../nodes/shared/platforms/redbook';
import { environmentFields } from '../nodes/shared/engine/credentialFields';
import { scopesField } from '../nodes/shared/engine/scopeFields';

/** Stands for the first authorized advertiser in the Test's request; `authenticate` puts in the real one. */
export const FIRST_AUTHORIZED_ADVERTISER = 'first-authorized-advertiser';

const api = `={{${environmentBaseUrlExpression('https://adapi.xiaohongshu.com')}}}`;

/**
 * Xiaohongshu JuGuang (小红书聚光) authorization-code grant. JuGuang's token exchange is JSON, which n8n's OAuth2 client
 * cannot send, so the one-time authorization code is pasted here and exchanged on save; the token, the rotating
 * refresh token and the authorized advertisers are then stored and renewed in this credential.
 */
export class MediaXRedBookOAuth2Api implements ICredentialType {
	name = 'mediaXRedBookOAuth2Api';

	displayName = 'MediaX RedBook OAuth2 API';

	icon = 'file:icons/redbook.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#redbook-juguang-advertiser-authorization';

	properties: INodeProperties[] = [
		{
			displayName:
				'Connect: 1) Fill in App ID, Secret and Redirect URI (the callback address registered for your JuGuang app: a page that shows the code it receives; see the setup steps in this package\'s README), keep or change the Scopes, and click "Save". 2) In a workflow, run the MediaX RedBook node\'s "Authorization → Get Authorization URL" and open the "url" of its output in a browser; log in as the advertiser and approve. 3) JuGuang sends the browser to the Redirect URI with ?auth_code=…: paste that code into "Authorization Code" in this credential and click "Save". The code is exchanged at once; tokens and the list of authorized advertisers are kept here and refreshed automatically for 30 days after the last use of the refresh token. Repeat these steps if a run says the authorization expired.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (xiaohongshu.com)', custom: 'Custom Base URL (Proxy or Simulator)', hint: 'Replaces https://adapi.xiaohongshu.com for the API; the authorization page is <Base URL>/auth' }),
		{ displayName: 'App ID', name: 'appId', type: 'string', default: '', required: true, placeholder: '4000001' },
		{ displayName: 'Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'Redirect URI',
			name: 'redirectUri',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/juguang/callback',
			hint: 'The callback address registered for the app; the authorization code is appended to it',
		},
		scopesField(
			[
				{ name: 'Account Management (account_manage)', value: 'account_manage' },
				{ name: 'Ad Management (ad_manage)', value: 'ad_manage' },
				{ name: 'Ad Query (ad_query)', value: 'ad_query' },
				{ name: 'Reports (report_service)', value: 'report_service' },
			],
			REDBOOK_DEFAULT_SCOPES,
			'Permissions the authorization link asks the advertiser for',
		),
		{
			displayName: 'Authorization Code',
			name: 'authCode',
			type: 'string',
			default: '',
			hint: 'The one-time auth_code from the redirect after approving; it is exchanged on save and then cleared',
		},
		...appTokenHiddenFields,
		{ displayName: 'Refresh Token', name: 'refreshToken', type: 'hidden', typeOptions: { password: true }, default: '' },
		{ displayName: 'Refresh Token Expires At', name: 'refreshExpiresAt', type: 'hidden', default: 0 },
		usedCodeHashField,
		authorizationRefusalField,
		{ displayName: 'Authorized Advertisers', name: 'advertisers', type: 'hidden', default: '[]' },
		{ displayName: 'User ID', name: 'userId', type: 'hidden', default: '' },
		{ displayName: 'Granted Scope', name: 'grantedScope', type: 'hidden', default: '' },
	];

	preAuthentication = preAuthenticationFor(redbookUserAdapter);

	/**
	 * The Access-Token header. n8n builds the Test's request before preAuthentication has exchanged a newly pasted code,
	 * when the list of authorized advertisers is still empty, so the Test's advertiser is chosen here, after the exchange.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const options: IHttpRequestOptions = { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), 'Access-Token': String(credentials.accessToken ?? '') } };
		const body = options.body as IDataObject | undefined;
		if (body && typeof body === 'object' && body.advertiser_id === FIRST_AUTHORIZED_ADVERTISER) {
			let first = 0;
			try {
				first = Number((JSON.parse(String(credentials.advertisers || '[]')) as IDataObject[])[0]?.advertiser_id ?? 0);
			} catch {
				// an unreadable list: JuGuang then refuses advertiser 0 and the Test says the authorization covers none
			}
			options.body = { ...body, advertiser_id: first };
		}
		return options;
	}

	// the exchange/refresh runs first (preAuthentication); the note list then proves the token works for the first advertiser
	test: ICredentialTestRequest = {
		request: {
			baseURL: api,
			url: '/api/open/jg/note/list',
			method: 'POST',
			body: { advertiser_id: FIRST_AUTHORIZED_ADVERTISER, note_type: 1, page: 1, page_size: 1 },
			json: true,
		},
		rules: [{ type: 'responseSuccessBody', properties: { key: 'success', value: false, message: 'JuGuang refused the request: check the scopes and that the authorization covers an advertiser' } }],
	};
}
