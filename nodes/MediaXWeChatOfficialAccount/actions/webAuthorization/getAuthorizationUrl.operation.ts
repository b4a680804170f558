import { randomBytes } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule } from '../../../shared/node/operation';
import { WECHAT_WEB_CREDENTIAL, wechatAuthorizeUrl } from '../../../shared/platforms/wechat';

/** Builds the consent link from the web-authorization credential (so it declares that token kind); nothing is sent to WeChat. */
export const getAuthorizationUrl: OperationModule = {
	token: 'user',
	description: [],
	async execute(this: IExecuteFunctions) {
		const credentials = await this.getCredentials(WECHAT_WEB_CREDENTIAL);
		const state = randomBytes(8).toString('hex');
		return {
			url: wechatAuthorizeUrl(credentials, state),
			state,
			scope: credentials.scope,
			redirect_uri: credentials.redirectUri,
			next_step: 'Open the URL in WeChat and approve; then paste the code=… value of the redirect into the credential\'s "Authorization Code" within 5 minutes and save.',
		};
	},
};
