import type { NodePlatform } from '../../shared/node/router';
import { wechatAppAdapter } from '../../shared/platforms/wechat';
import { resources } from '../actions/router';

/** WeChat Official Account as the node sees it: every operation uses the account's global access token. */
export const wechatPlatform: NodePlatform = {
	label: 'WeChat Official Account',
	adapters: { app: wechatAppAdapter },
	purpose: {
		app: 'the official account\'s global access token (AppID + AppSecret through the stable-token endpoint) because every content and follower API belongs to the account',
	},
	resources,
};
