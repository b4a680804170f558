import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { appTokenHiddenFields, preAuthenticationFor } from '../nodes/shared/engine/appCredential';
import { SERVICE_ACCOUNT_DEFAULT_SCOPES, googleServiceAccountAdapter } from '../nodes/shared/platforms/google';
import { environmentFields } from '../nodes/shared/engine/credentialFields';
import { scopesField } from '../nodes/shared/engine/scopeFields';

/**
 * The client-credentials equivalent for Google: a service account signs a JWT (RFC 7523) with its private key and
 * exchanges it for an access token, which is cached in this credential and renewed before its hour runs out.
 */
export class MediaXGoogleServiceAccountApi implements ICredentialType {
	name = 'mediaXGoogleServiceAccountApi';

	displayName = 'MediaX Google Service Account API';

	icon = 'file:icons/google.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#google-service-account';

	properties: INodeProperties[] = [
		{
			displayName:
				'Which APIs accept it: YouTube does not accept service accounts (a service account has no channel); use it on the MediaX YouTube node only with the API Key below, for public reads (videos by ID, search, public playlists and comments). Blogger accepts the token, but the service account sees only public blogs unless it impersonates a Google Workspace user (domain-wide delegation). Writes to a channel or blog need the MediaX Google OAuth2 credential.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (Google)', custom: 'Custom URLs (Proxy or Simulator)', hint: 'Replaces https://www.googleapis.com', baseUrlLabel: 'API Base URL' }),
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			hint: 'Empty: <API Base URL>/token',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Service Account Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'name@project.iam.gserviceaccount.com',
			hint: 'The "client_email" of the key file',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			hint: 'The "private_key" of the key file, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----',
		},
		{
			displayName: 'Impersonate User (Domain-Wide Delegation)',
			name: 'delegatedUser',
			type: 'string',
			default: '',
			placeholder: 'editor@your-workspace-domain.com',
			description: 'Optional. A Google Workspace user the service account acts as; the Workspace admin must allow it for the scopes below.',
		},
		scopesField(
			[
				{ name: 'Blogger (Read and Write)', value: 'https://www.googleapis.com/auth/blogger' },
				{ name: 'Blogger (Read Only)', value: 'https://www.googleapis.com/auth/blogger.readonly' },
				{ name: 'YouTube (Read Only, Content Owners Only)', value: 'https://www.googleapis.com/auth/youtube.readonly' },
			],
			SERVICE_ACCOUNT_DEFAULT_SCOPES,
			'Permissions the service account asks Google for; with impersonation, each must be allowed for its client ID in the Workspace admin console',
		),
		{
			displayName: 'API Key (Public Reads)',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional Google API key; the MediaX YouTube node uses it for public read-only calls',
		},
		...appTokenHiddenFields,
	];

	preAuthentication = preAuthenticationFor(googleServiceAccountAdapter);

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	// the token request runs first (preAuthentication); tokeninfo then confirms Google accepts the token
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.environment === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://oauth2.googleapis.com"}}',
			url: '/tokeninfo',
			qs: { access_token: '={{$credentials.accessToken}}' },
			method: 'GET',
		},
	};
}
