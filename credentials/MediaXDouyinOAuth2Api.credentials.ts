import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { environmentFields } from '../nodes/shared/engine/credentialFields';
import { scopeExpression, scopesField } from '../nodes/shared/engine/scopeFields';

/** The scopes a content team usually needs; the consent page shows them and the user can untick optional ones. */
const DOUYIN_SCOPES = [
	{ name: 'User Info (user_info)', value: 'user_info' },
	{ name: 'List Videos (video.list.bind)', value: 'video.list.bind' },
	{ name: 'Publish Videos and Image-Text (video.create.bind)', value: 'video.create.bind' },
	{ name: 'Video Data (video.data.bind)', value: 'video.data.bind' },
	{ name: 'Comments (item.comment)', value: 'item.comment' },
	{ name: 'User Data (data.external.user)', value: 'data.external.user' },
	{ name: 'Video Item Data (data.external.item)', value: 'data.external.item' },
	{ name: 'Fans Portrait (fans.data.bind)', value: 'fans.data.bind' },
	{ name: 'Fans Check (fans.check)', value: 'fans.check' },
	{ name: 'Delete Video (video.delete)', value: 'video.delete' },
];

/** Requested when the Scopes field is left untouched or emptied. */
const DOUYIN_DEFAULT_SCOPES = ['user_info', 'video.list.bind', 'video.create.bind', 'video.data.bind', 'item.comment', 'data.external.user', 'data.external.item'];

const base = '$self["environment"] === "custom" ? String($self["baseUrl"] || "").replace(/\\/+$/, "") : "https://open.douyin.com"';

/**
 * Authorization-code grant (Access Token mode). n8n's own Connect button runs the consent page and the code
 * exchange (Douyin's client_key rides along in the query and body); the MediaX Douyin node then refreshes the
 * token, renews the refresh token and writes both back into this credential.
 */
export class MediaXDouyinOAuth2Api implements ICredentialType {
	name = 'mediaXDouyinOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'MediaX Douyin OAuth2 API';

	icon = 'file:icons/douyin.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#douyin-account-oauth2';

	properties: INodeProperties[] = [
		{
			displayName:
				'Connect a Douyin account: 1) In the Douyin Open Platform console, add the "OAuth Redirect URL" shown above to the app\'s authorized redirect URLs. 2) Fill in Client ID (the app\'s client_key) and Client Secret, keep or change the Scopes, and click "Save". 3) Click \"Connect\" (n8n 1.x: \"Connect my account\"), confirm on Douyin\'s page and approve. n8n stores the access token, refresh token and open_id here; the MediaX Douyin node refreshes them by itself (access token every 15 days, refresh token renewed up to 5 times). If a run says to reconnect, open this credential and click "Reconnect".',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (open.douyin.com)', custom: 'Custom Base URL (Proxy, Relay or Simulator)', hint: 'Replaces https://open.douyin.com for the consent page, the token endpoints and every API call', placeholder: 'https://douyin-relay.example.com' }),
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			hint: 'The app\'s client_key from the Douyin Open Platform console',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		scopesField(DOUYIN_SCOPES, DOUYIN_DEFAULT_SCOPES, 'Permissions to ask the account for. Each must also be granted to the app in the Douyin console.'),
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: `={{(${base}) + "/platform/oauth/connect/"}}` },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: `={{(${base}) + "/oauth/access_token/"}}` },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: scopeExpression(DOUYIN_DEFAULT_SCOPES, ',') },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '={{"client_key=" + encodeURIComponent($self["clientId"] || "")}}',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		// Douyin's token endpoint wants client_key, not client_id; redefined without displayOptions so n8n sends it
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: '={{JSON.stringify({ client_key: $self["clientId"] })}}',
		},
		{ displayName: 'Send Additional Body Properties', name: 'sendAdditionalBodyProperties', type: 'hidden', default: true },
	];
}
