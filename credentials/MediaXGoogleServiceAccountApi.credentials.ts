import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { APP_TOKEN_TEST_HEADER, appTokenHiddenFields, holdsUsableAppToken, preAuthenticationFor, takeTestMark } from '../nodes/shared/engine/appCredential';
import { SERVICE_ACCOUNT_DEFAULT_SCOPES, googleServiceAccountAdapter, googleTokenInfoUrl, serviceAccountTokenRequest } from '../nodes/shared/platforms/google';
import { environmentBaseUrlExpression } from '../nodes/shared/engine/baseUrl';
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
			displayName: 'API Key (Public Reads, Legacy)',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Still used for public reads when no MediaX Google API Key API credential is attached; new setups should use that credential instead',
		},
		...appTokenHiddenFields,
	];

	preAuthentication = preAuthenticationFor(googleServiceAccountAdapter);

	/**
	 * The bearer token on every request. The credential Test (marked) must prove the key works: when the credential
	 * holds a usable token (the one preAuthentication just fetched with the key, or the stored one issued for the same
	 * account and scopes) Google's tokeninfo checks it; otherwise the Test sends the signed token request itself, which
	 * Google answers only for a matching e-mail and private key.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const { isTest, headers } = takeTestMark(requestOptions);
		const accessToken = String(credentials.accessToken ?? '');
		if (!isTest) return { ...requestOptions, headers: { ...headers, Authorization: `Bearer ${accessToken}` } };
		if (holdsUsableAppToken(googleServiceAccountAdapter, credentials)) {
			return { ...requestOptions, headers, baseURL: undefined, method: 'GET', url: googleTokenInfoUrl(credentials), qs: { access_token: accessToken }, body: undefined };
		}
		const tokenRequest = serviceAccountTokenRequest(credentials);
		if (tokenRequest instanceof Error) throw tokenRequest;
		return { ...requestOptions, ...tokenRequest, headers, baseURL: undefined, qs: {} };
	}

	// rewritten by `authenticate` (after preAuthentication): tokeninfo for a usable token, else the token request
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${environmentBaseUrlExpression('https://oauth2.googleapis.com')}}}`,
			url: '/tokeninfo',
			method: 'GET',
			headers: { [APP_TOKEN_TEST_HEADER]: 'service-account' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message: 'Google refused the service account (invalid_grant or invalid_token): check Service Account Email and Private Key (the key file\'s "client_email" and "private_key"), the server clock, and, when impersonating, that the user may be impersonated for these scopes',
				},
			},
			{ type: 'responseCode', properties: { value: 401, message: 'Google refused the service account (unauthorized_client): allow its client ID for domain-wide delegation with these scopes in the Workspace admin console' } },
		],
	};
}
