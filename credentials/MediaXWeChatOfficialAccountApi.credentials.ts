import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { appTokenHiddenFields, preAuthenticationFor } from '../nodes/shared/engine/appCredential';
import { wechatAppAdapter, wechatErrorHint } from '../nodes/shared/platforms/wechat';
import { environmentFields } from '../nodes/shared/engine/credentialFields';

const rule = (code: number) => ({
	type: 'responseSuccessBody' as const,
	properties: { key: 'errcode', value: code, message: `WeChat errcode ${code}: ${wechatErrorHint(code)}` },
});

/**
 * Official account app token (AppID + AppSecret → access_token) through WeChat's stable-token endpoint, which gives
 * every caller the same token while it is valid: several n8n processes or queue-mode workers never knock each other
 * out, and the classic endpoint's small daily quota is not used.
 */
export class MediaXWeChatOfficialAccountApi implements ICredentialType {
	name = 'mediaXWeChatOfficialAccountApi';

	displayName = 'MediaX WeChat Official Account API';

	icon = 'file:icons/wechat.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#wechat-official-account-app-token';

	properties: INodeProperties[] = [
		{
			displayName:
				'Find AppID and AppSecret in the WeChat Official Accounts Platform under Settings and Development → Basic Configuration. WeChat only answers servers whose IP is in the account\'s IP whitelist: add the public IP of your n8n server there, or route calls through a fixed-IP relay with Environment "Custom Base URL".',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (api.weixin.qq.com)', custom: 'Custom Base URL (Fixed-IP Relay, Regional Host or Simulator)', hint: 'Replaces https://api.weixin.qq.com for every call, e.g. a relay with a whitelisted fixed IP, or https://api2.weixin.qq.com', placeholder: 'https://wechat-relay.example.com' }),
		{ displayName: 'AppID', name: 'appId', type: 'string', default: '', required: true, placeholder: 'wx0123456789abcdef' },
		{ displayName: 'AppSecret', name: 'appSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		...appTokenHiddenFields,
	];

	preAuthentication = preAuthenticationFor(wechatAppAdapter);

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { access_token: '={{$credentials.accessToken}}' } },
	};

	// asks the stable-token endpoint in normal mode: checks AppID, AppSecret and the IP whitelist without rotating anything
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.environment === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://api.weixin.qq.com"}}',
			url: '/cgi-bin/stable_token',
			method: 'POST',
			body: { grant_type: 'client_credential', appid: '={{$credentials.appId}}', secret: '={{$credentials.appSecret}}', force_refresh: false },
			json: true,
		},
		rules: [rule(40164), rule(40013), rule(40125), rule(40001), rule(41002), rule(41004), rule(45009), rule(-1)],
	};
}
