import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { environmentBaseUrlExpression } from '../nodes/shared/engine/baseUrl';
import { environmentFields } from '../nodes/shared/engine/credentialFields';

/**
 * A Google API key for public reads (YouTube videos, search, public playlists and comments; Blogger public blogs):
 * no account and no token, only the project's quota.
 */
export class MediaXGoogleApiKeyApi implements ICredentialType {
	name = 'mediaXGoogleApiKeyApi';

	displayName = 'MediaX Google API Key API';

	icon = 'file:icons/google.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#google-api-key';

	properties: INodeProperties[] = [
		{
			displayName:
				'Public reads only: the MediaX YouTube and Blogger nodes use this key for operations that read public data. Create the key in the Google Cloud console under APIs & Services → Credentials, and enable the YouTube Data API v3 and/or the Blogger API v3 for its project.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (Google)', custom: 'Custom URL (Proxy or Simulator)', hint: 'Replaces https://www.googleapis.com', baseUrlLabel: 'API Base URL' }),
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '', required: true },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { key: '={{$credentials.apiKey}}' } },
	};

	// the cheapest public YouTube read (1 quota unit)
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${environmentBaseUrlExpression('https://www.googleapis.com')}}}`,
			url: '/youtube/v3/videoCategories',
			qs: { part: 'snippet', regionCode: 'US' },
			method: 'GET',
		},
	};
}
