import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { appTokenHiddenFields, preAuthenticationFor } from '../nodes/shared/engine/appCredential';
import { douyinAppAdapter } from '../nodes/shared/platforms/douyin';
import { environmentFields } from '../nodes/shared/engine/credentialFields';

const douyinBase = '={{$credentials.environment === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://open.douyin.com"}}';

export class MediaXDouyinClientCredentialsApi implements ICredentialType {
	name = 'mediaXDouyinClientCredentialsApi';

	displayName = 'MediaX Douyin Client Credentials API';

	icon = 'file:icons/douyin.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#douyin-app-client-token';

	properties: INodeProperties[] = [
		{
			displayName:
				'App-level access (Client Token mode): used by operations that do not act for a particular Douyin account, such as share IDs, tickets and schema links. The client_token is fetched on first use, reused until shortly before it expires and then renewed, for every workflow using this credential.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (open.douyin.com)', custom: 'Custom Base URL (Proxy, Relay or Simulator)', hint: 'Replaces https://open.douyin.com for every call, including the token endpoint', placeholder: 'https://douyin-relay.example.com' }),
		{
			displayName: 'Client Key',
			name: 'clientKey',
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
		...appTokenHiddenFields,
	];

	preAuthentication = preAuthenticationFor(douyinAppAdapter);

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'access-token': '={{$credentials.accessToken}}' } },
	};

	// asks the token endpoint itself, so the test checks the key and secret whatever token is cached
	test: ICredentialTestRequest = {
		request: {
			baseURL: douyinBase,
			url: '/oauth/client_token/',
			method: 'POST',
			body: {
				client_key: '={{$credentials.clientKey}}',
				client_secret: '={{$credentials.clientSecret}}',
				grant_type: 'client_credential',
			},
			json: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 10013, message: 'Douyin error 10013: Client Key or Client Secret is wrong' } },
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 10003, message: 'Douyin error 10003: this Client Key does not exist' } },
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 10002, message: 'Douyin error 10002: parameter error (check Client Key and Client Secret)' } },
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 10020, message: 'Douyin error 10020: too many client_token requests, wait a few minutes' } },
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: '10013', message: 'Douyin error 10013: Client Key or Client Secret is wrong' } },
		],
	};
}
