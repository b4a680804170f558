import type { NodePlatform } from '../../shared/node/router';
import { wechatAppAdapter, wechatWebUserAdapter } from '../../shared/platforms/wechat';
import { resources } from '../actions/router';

/** WeChat Official Account as the node sees it: the account's global token, and a person's web-authorization token. */
export const wechatPlatform: NodePlatform = {
	label: 'WeChat Official Account',
	adapters: { app: wechatAppAdapter, user: wechatWebUserAdapter },
	purpose: {
		app: 'the official account\'s global access token (AppID + AppSecret through the stable-token endpoint) because every content and follower API belongs to the account',
		user: 'the token a person granted through WeChat web authorization, because it reads that person\'s own profile',
	},
	resources,
};
