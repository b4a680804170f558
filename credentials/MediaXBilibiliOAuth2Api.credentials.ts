import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { customBaseUrlExpression } from '../nodes/shared/engine/baseUrl';
import { environmentFields } from '../nodes/shared/engine/credentialFields';

const custom = customBaseUrlExpression('$self');

/**
 * Authorization-code grant of the Bilibili open platform. Bilibili's authorize page takes the callback as `gourl`,
 * and its token endpoint reads client_id/client_secret/code from a form body, so n8n's "Connect my account" works;
 * the MediaX Bilibili node refreshes the token in Bilibili's dialect (absolute expiry, rotating refresh token) and
 * signs every call with the App Secret.
 */
export class MediaXBilibiliOAuth2Api implements ICredentialType {
	name = 'mediaXBilibiliOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'MediaX Bilibili OAuth2 API';

	icon = 'file:icons/bilibili.svg' as const;

	documentationUrl = 'https://openhome.bilibili.com/doc';

	properties: INodeProperties[] = [
		{
			displayName:
				'1) In the Bilibili open platform console (open.bilibili.com → 应用管理), set the app\'s callback domain (应用回调域) to your n8n host and grant it the permissions you need (USER_INFO, ARC_BASE for videos, ATC_BASE for articles, ATC_DATA for data). 2) Copy the "OAuth Redirect URL" shown below into "Redirect URL" here, enter Client ID and App Secret, save. 3) Click "Connect my account", log in on Bilibili\'s page, tick the permissions and agree. Tokens are stored here and refreshed by the MediaX Bilibili node.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (bilibili.com)', custom: 'Custom Base URL (Proxy or Simulator)', hint: 'One base for all Bilibili hosts: authorize page, token API, member API and (under /upos) the upload host' }),
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
		{ displayName: 'App Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'Redirect URL',
			name: 'redirectUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://n8n.example.com/rest/oauth2-credential/callback',
			hint: 'Paste the "OAuth Redirect URL" n8n shows above; Bilibili sends the person back there (as its gourl parameter)',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{(${custom} ? ${custom} + "/account" : "https://account.bilibili.com") + "/pc/account-pc/auth/oauth"}}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{(${custom} || "https://api.bilibili.com") + "/x/account-oauth2/v1/token"}}`,
		},
		// permissions are ticked on Bilibili's page, not requested by scope
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '={{"gourl=" + encodeURIComponent($self["redirectUrl"] || "")}}' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
