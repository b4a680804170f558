import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { APP_TOKEN_TEST_HEADER, appTokenHiddenFields, holdsUsableAppToken, preAuthenticationFor, takeTestMark } from '../nodes/shared/engine/appCredential';
import { environmentBaseUrlExpression } from '../nodes/shared/engine/baseUrl';
import { douyinAppAdapter } from '../nodes/shared/platforms/douyin';
import { environmentFields } from '../nodes/shared/engine/credentialFields';

const douyinBase = `={{${environmentBaseUrlExpression('https://open.douyin.com')}}}`;

/** An app-level read that only needs the client_token (the JS-SDK ticket, no account): the Test's check of a held token. */
const APP_API_CHECK_PATH = '/js/getticket/';

const tokenRule = (code: number, message: string) => ({ type: 'responseSuccessBody' as const, properties: { key: 'data.error_code', value: code, message } });

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

	/**
	 * The access-token header. For the credential Test, which n8n builds before its pre-fetch (preAuthentication) runs:
	 * when the credential holds a usable client_token (the one just fetched, or the stored one), the Test checks that
	 * token at an app-level API instead of asking for another one. Douyin keeps only the latest two client tokens
	 * valid, so a second fetch would knock out the token running executions hold. Without a usable token the Test asks
	 * the token endpoint, which checks Client Key and Secret.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const { isTest, headers } = takeTestMark(requestOptions);
		if (isTest && !holdsUsableAppToken(douyinAppAdapter, credentials)) return { ...requestOptions, headers };
		headers['access-token'] = String(credentials.accessToken ?? '');
		return isTest ? { ...requestOptions, method: 'GET', url: APP_API_CHECK_PATH, body: undefined, headers } : { ...requestOptions, headers };
	}

	// one token request at most: the pre-fetch when no token is stored, else none (see authenticate)
	test: ICredentialTestRequest = {
		request: {
			baseURL: douyinBase,
			url: '/oauth/client_token/',
			method: 'POST',
			headers: { [APP_TOKEN_TEST_HEADER]: 'client-token' },
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
			tokenRule(28001003, 'Douyin error 28001003: the stored client_token is invalid; the next run fetches a new one'),
			tokenRule(28001008, 'Douyin error 28001008: the stored client_token expired; the next run fetches a new one'),
			tokenRule(28001014, 'Douyin error 28001014: the app has no capability for app-level APIs; apply for it in the Douyin console'),
		],
	};
}
