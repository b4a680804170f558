import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { WECHAT_WEB_CREDENTIAL } from '../../../shared/platforms/wechat';

/** Whether WeChat still accepts the person's web token (refreshed first when it is due). */
export const checkToken: OperationModule = {
	token: 'user',
	description: [],
	async execute(this: IExecuteFunctions, _i: number, call: PlatformCall) {
		await call({ method: 'GET', path: '/sns/auth', idempotent: true });
		const { openid, unionid, grantedScope } = await this.getCredentials(WECHAT_WEB_CREDENTIAL);
		return { valid: true, openid, unionid: unionid || undefined, scope: grantedScope };
	},
};
