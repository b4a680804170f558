import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { environmentFields } from '../nodes/shared/engine/credentialFields';

const custom = '$self["environment"] === "custom"';
const base = 'String($self["baseUrl"] || "").replace(/\\/+$/, "")';
const n8nCallback = 'String(($execution && $execution.resumeUrl) || "").replace(/\\/[^/]*\\/[^/]*$/, "") + "/rest/oauth2-credential/callback"';
const gourl = `String($self["redirectUrl"] || "").trim() || ${n8nCallback}`;

/**
 * Authorization-code grant of the Bilibili open platform. Bilibili's authorize page takes the callback as `gourl`,
 * and its token endpoint reads client_id/client_secret/code from a form body, so n8n's Connect button works;
 * the MediaX Bilibili node refreshes the token in Bilibili's dialect (absolute expiry, rotating refresh token) and
 * signs every call with the App Secret.
 */
export class MediaXBilibiliOAuth2Api implements ICredentialType {
	name = 'mediaXBilibiliOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'MediaX Bilibili OAuth2 API';

	icon = 'file:icons/bilibili.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#bilibili-account-oauth2';

	properties: INodeProperties[] = [
		{
			displayName:
				'1) In the Bilibili open platform console (open.bilibili.com → 应用管理), set the app\'s callback domain (应用回调域) to the host of the "OAuth Redirect URL" shown above and grant the app the permissions you need (USER_INFO, ARC_BASE for videos, ATC_BASE for articles, ATC_DATA for data). 2) Fill in Client ID and Client Secret (Bilibili\'s App Secret) and click "Save". 3) Click \"Connect\" (n8n 1.x: \"Connect my account\"), log in on Bilibili\'s page, tick the permissions and agree. Tokens are stored here and refreshed by the MediaX Bilibili node.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (bilibili.com)', custom: 'Custom Base URL (Proxy or Simulator)', hint: 'One base for all Bilibili hosts: authorize page, token API, member API and (under /upos) the upload host' }),
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'Bilibili\'s App Secret; it also signs every request',
		},
		{
			displayName: 'Redirect URL Override',
			name: 'redirectUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/rest/oauth2-credential/callback',
			hint: 'Leave empty: the "OAuth Redirect URL" above is used. Fill in only if n8n\'s editor URL (N8N_EDITOR_BASE_URL) differs from its webhook URL.',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{(${custom} ? ${base} + "/account" : "https://account.bilibili.com") + "/pc/account-pc/auth/oauth"}}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{(${custom} ? ${base} : "https://api.bilibili.com") + "/x/account-oauth2/v1/token"}}`,
		},
		// permissions are ticked on Bilibili's page, not requested by scope
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		// Bilibili takes the callback as gourl; by default it is n8n's own callback, derived from n8n's public base
		// (a resume URL is <webhook base>/<waiting endpoint>/<execution id>), which is also the instance base unless
		// N8N_EDITOR_BASE_URL differs
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: `={{"gourl=" + encodeURIComponent(${gourl})}}` },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
