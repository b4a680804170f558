import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { WECHAT_WEB_CREDENTIAL } from '../../../shared/platforms/wechat';
import { show } from '../common';

/** The authorized person's profile (snsapi_userinfo / snsapi_login), read with their own web token (the credential adds openid). */
export const getUserInfo: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Language',
			name: 'lang',
			type: 'options',
			options: [
				{ name: 'English', value: 'en' },
				{ name: 'Simplified Chinese', value: 'zh_CN' },
				{ name: 'Traditional Chinese', value: 'zh_TW' },
			],
			default: 'zh_CN',
			displayOptions: show('webAuthorization', 'getUserInfo'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const { grantedScope } = await this.getCredentials(WECHAT_WEB_CREDENTIAL);
		if (String(grantedScope) === 'snsapi_base') {
			throw new NodeOperationError(this.getNode(), 'The authorization used scope snsapi_base, which only yields the openid', {
				itemIndex: i,
				description: 'Set the credential\'s Scope to "User Info (snsapi_userinfo)" (or website login), authorize again and paste the new code.',
			});
		}
		const reply = (await call({ method: 'GET', path: '/sns/userinfo', qs: { lang: this.getNodeParameter('lang', i, 'zh_CN') }, idempotent: true })) as IDataObject;
		return reply;
	},
};
