import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { environmentFields } from '../nodes/shared/engine/credentialFields';
import { scopeExpression, scopesField } from '../nodes/shared/engine/scopeFields';

const SCOPES = [
	{ name: 'Blogger (Read and Write)', value: 'https://www.googleapis.com/auth/blogger' },
	{ name: 'Blogger (Read Only)', value: 'https://www.googleapis.com/auth/blogger.readonly' },
	{ name: 'YouTube (Manage Account)', value: 'https://www.googleapis.com/auth/youtube' },
	{ name: 'YouTube (Manage, HTTPS Only: Captions and Comment Writes)', value: 'https://www.googleapis.com/auth/youtube.force-ssl' },
	{ name: 'YouTube (Read Only)', value: 'https://www.googleapis.com/auth/youtube.readonly' },
	{ name: 'YouTube (Upload Videos)', value: 'https://www.googleapis.com/auth/youtube.upload' },
];

/** Requested when the Scopes field is left untouched or emptied: YouTube (manage, captions/comments, uploads) and Blogger. */
const GOOGLE_DEFAULT_SCOPES = [
	'https://www.googleapis.com/auth/youtube',
	'https://www.googleapis.com/auth/youtube.force-ssl',
	'https://www.googleapis.com/auth/youtube.upload',
	'https://www.googleapis.com/auth/blogger',
];

const custom = '$self["environment"] === "custom"';
const base = 'String($self["baseUrl"] || "").replace(/\\/+$/, "")';

/**
 * Google speaks standard OAuth 2.0, so n8n's own Connect button does the flow and n8n refreshes the token;
 * offline access with a forced consent prompt makes Google issue a refresh token every time.
 */
export class MediaXGoogleOAuth2Api implements ICredentialType {
	name = 'mediaXGoogleOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'MediaX Google OAuth2 API';

	icon = 'file:icons/google.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#google-account-oauth2';

	properties: INodeProperties[] = [
		{
			displayName:
				'1) In the Google Cloud console, enable the YouTube Data API v3 and/or the Blogger API, create an OAuth client of type "Web application" and add the "OAuth Redirect URL" shown above as an authorized redirect URI. 2) Fill in its Client ID and Client Secret, keep or change the Scopes, and click "Save". 3) Click \"Connect\" (n8n 1.x: \"Connect my account\") and approve on Google\'s page. n8n stores the tokens here and refreshes them.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (Google)', custom: 'Custom URLs (Proxy or Simulator)', hint: 'Replaces https://www.googleapis.com (YouTube, uploads and Blogger paths are appended)', placeholder: 'https://google-proxy.example.com', baseUrlLabel: 'API Base URL' }),
		{
			displayName: 'Authorization URL',
			name: 'customAuthUrl',
			type: 'string',
			default: '',
			hint: 'Empty: <API Base URL>/o/oauth2/v2/auth',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			hint: 'Empty: <API Base URL>/token',
			displayOptions: { show: { environment: ['custom'] } },
		},
		scopesField(SCOPES, GOOGLE_DEFAULT_SCOPES, 'Permissions to ask the Google account for; enable the matching APIs in the Google Cloud project'),
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{${custom} ? (String($self["customAuthUrl"] || "") || ${base} + "/o/oauth2/v2/auth") : "https://accounts.google.com/o/oauth2/v2/auth"}}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{${custom} ? (String($self["tokenUrl"] || "") || ${base} + "/token") : "https://oauth2.googleapis.com/token"}}`,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: scopeExpression(GOOGLE_DEFAULT_SCOPES, ' ') },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: 'access_type=offline&prompt=consent' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
