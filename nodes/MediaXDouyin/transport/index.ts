import { douyinAppAdapter, douyinUserAdapter } from '../../shared/platforms/douyin';
import type { NodePlatform } from '../../shared/node/router';
import { resources } from '../actions/router';

/** Douyin as the node sees it: which credential serves which token kind, and every operation. */
export const douyinPlatform: NodePlatform = {
	label: 'Douyin',
	adapters: { user: douyinUserAdapter, app: douyinAppAdapter },
	purpose: {
		user: 'a Douyin account\'s own access token (authorization-code grant) because it acts for that account and needs its open_id',
		app: 'the app\'s client_token (client-credentials grant) because it calls an app-level API that belongs to no account',
	},
	resources,
};
