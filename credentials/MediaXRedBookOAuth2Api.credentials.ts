import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { appTokenHiddenFields, fetchAppTokenForCredential, tokenFailure } from '../nodes/shared/engine/appCredential';
import { redbookUserAdapter } from '../nodes/shared/platforms/redbook';

const api = '={{$credentials.environment === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://adapi.xiaohongshu.com"}}';

/**
 * Xiaohongshu JuGuang (小红书聚光) authorization-code grant. JuGuang's token exchange is JSON, which n8n's OAuth2 client
 * cannot send, so the one-time authorization code is pasted here and exchanged on save; the token, the rotating
 * refresh token and the authorized advertisers are then stored and renewed in this credential.
 */
export class MediaXRedBookOAuth2Api implements ICredentialType {
	name = 'mediaXRedBookOAuth2Api';

	displayName = 'MediaX RedBook OAuth2 API';

	icon = 'file:icons/redbook.svg' as const;

	documentationUrl = 'https://ad-market.xiaohongshu.com/docs-center?bizType=943';

	properties: INodeProperties[] = [
		{
			displayName:
				'Connect: 1) Enter App ID, Secret, the Redirect URI registered for your JuGuang app, and the scopes; save. 2) In any workflow, run the MediaX RedBook node\'s "Authorization → Get Authorization URL" and open the link in a browser; log in as the advertiser and approve. 3) The browser lands on your Redirect URI with ?auth_code=… in the address bar: paste that code into "Authorization Code" below and save. The code is exchanged at once (the Test shows the result); tokens and the list of authorized advertisers are kept here and refreshed automatically for 30 days after the last use of the refresh token. Repeat these steps if a run says the authorization expired.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production (xiaohongshu.com)', value: 'production' },
				{ name: 'Custom Base URL (Proxy or Simulator)', value: 'custom' },
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			hint: 'Replaces https://adapi.xiaohongshu.com for the API; the authorization page is <Base URL>/auth',
			displayOptions: { show: { environment: ['custom'] } },
		},
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
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			options: [
				{ name: 'Account Management (account_manage)', value: 'account_manage' },
				{ name: 'Ad Management (ad_manage)', value: 'ad_manage' },
				{ name: 'Ad Query (ad_query)', value: 'ad_query' },
				{ name: 'Reports (report_service)', value: 'report_service' },
			],
			default: ['report_service', 'ad_query', 'ad_manage', 'account_manage'],
		},
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
		{ displayName: 'Exchanged Code Fingerprint', name: 'usedAuthCode', type: 'hidden', default: '' },
		{ displayName: 'Authorized Advertisers', name: 'advertisers', type: 'hidden', default: '[]' },
		{ displayName: 'User ID', name: 'userId', type: 'hidden', default: '' },
		{ displayName: 'Granted Scope', name: 'grantedScope', type: 'hidden', default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		try {
			return await fetchAppTokenForCredential(redbookUserAdapter, (options) => this.helpers.httpRequest(options), credentials);
		} catch (error) {
			throw tokenFailure(error, credentials);
		}
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'Access-Token': '={{$credentials.accessToken}}' } },
	};

	// the exchange/refresh runs first (preAuthentication); the note list then proves the token works for the first advertiser
	test: ICredentialTestRequest = {
		request: {
			baseURL: api,
			url: '/api/open/jg/note/list',
			method: 'POST',
			body: { advertiser_id: '={{Number((JSON.parse($credentials.advertisers || "[]")[0] || {}).advertiser_id || 0)}}', note_type: 1, page: 1, page_size: 1 },
			json: true,
		},
		rules: [{ type: 'responseSuccessBody', properties: { key: 'success', value: false, message: 'JuGuang refused the request: check the scopes and that the authorization covers an advertiser' } }],
	};
}
