import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { appTokenHiddenFields, authorizationRefusalField, preAuthenticationFor, usedCodeHashField } from '../nodes/shared/engine/appCredential';
import { environmentBaseUrlExpression } from '../nodes/shared/engine/baseUrl';
import { wechatWebUserAdapter } from '../nodes/shared/platforms/wechat';
import { environmentFields } from '../nodes/shared/engine/credentialFields';

/**
 * WeChat web authorization (official-account pages snsapi_base / snsapi_userinfo, website QR login snsapi_login):
 * a person's own token with their openid/unionid. WeChat's exchange is a GET that n8n's OAuth2 client cannot send, so
 * the one-time code is pasted here and exchanged on save; the token is then refreshed with the 30-day refresh token.
 */
export class MediaXWeChatOAuth2Api implements ICredentialType {
	name = 'mediaXWeChatOAuth2Api';

	displayName = 'MediaX WeChat OAuth2 API';

	icon = 'file:icons/wechat.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#wechat-web-authorization';

	properties: INodeProperties[] = [
		{
			displayName:
				'Connect: 1) Fill in AppID, AppSecret, Scope and Redirect URI (a page on the web-authorization domain configured for the account, or on the website app\'s callback domain, that shows the code it receives; see the setup steps in this package\'s README), and click "Save". 2) In a workflow, run the MediaX WeChat Official Account node\'s "Web Authorization → Get Authorization URL" and open the "url" of its output in WeChat (or, for Website QR Login, in a browser and scan); approve. 3) WeChat sends the browser to the Redirect URI with ?code=…: paste that code into "Authorization Code" in this credential within 5 minutes and click "Save". The code is exchanged at once; openid, unionid and tokens are kept here and refreshed for 30 days.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...environmentFields({ production: 'Production (weixin.qq.com)', custom: 'Custom Base URL (Relay or Simulator)', hint: 'Replaces both https://api.weixin.qq.com and https://open.weixin.qq.com' }),
		{ displayName: 'AppID', name: 'appId', type: 'string', default: '', required: true },
		{ displayName: 'AppSecret', name: 'appSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'Official Account Page, Silent (snsapi_base: openid only)', value: 'snsapi_base' },
				{ name: 'Official Account Page, User Info (snsapi_userinfo)', value: 'snsapi_userinfo' },
				{ name: 'Website QR Login (snsapi_login)', value: 'snsapi_login' },
			],
			default: 'snsapi_userinfo',
		},
		{ displayName: 'Redirect URI', name: 'redirectUri', type: 'string', default: '', placeholder: 'https://www.example.com/wechat/callback' },
		{
			displayName: 'Authorization Code',
			name: 'authCode',
			type: 'string',
			default: '',
			hint: 'The code from the redirect after approving (valid 5 minutes); exchanged on save, then cleared',
		},
		...appTokenHiddenFields,
		{ displayName: 'Refresh Token', name: 'refreshToken', type: 'hidden', typeOptions: { password: true }, default: '' },
		{ displayName: 'Refresh Token Expires At', name: 'refreshExpiresAt', type: 'hidden', default: 0 },
		usedCodeHashField,
		authorizationRefusalField,
		{ displayName: 'OpenID', name: 'openid', type: 'hidden', default: '' },
		{ displayName: 'UnionID', name: 'unionid', type: 'hidden', default: '' },
		{ displayName: 'Granted Scope', name: 'grantedScope', type: 'hidden', default: '' },
	];

	preAuthentication = preAuthenticationFor(wechatWebUserAdapter);

	// every /sns API takes the person's openid beside the token; both are known only after the code exchange
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { access_token: '={{$credentials.accessToken}}', openid: '={{$credentials.openid}}' } },
	};

	// the exchange or refresh runs first; /sns/auth then confirms WeChat accepts the token for this openid
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${environmentBaseUrlExpression('https://api.weixin.qq.com')}}}`,
			url: '/sns/auth',
			method: 'GET',
			json: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'errcode', value: 42001, message: 'WeChat errcode 42001: the web access token expired' } },
			{ type: 'responseSuccessBody', properties: { key: 'errcode', value: 40003, message: 'WeChat errcode 40003: the openid does not belong to this AppID' } },
			{ type: 'responseSuccessBody', properties: { key: 'errcode', value: 40014, message: 'WeChat errcode 40014: invalid web access token' } },
		],
	};
}
