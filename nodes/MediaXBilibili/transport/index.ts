import { bilibiliUserAdapter } from '../../shared/platforms/bilibili';
import type { NodePlatform } from '../../shared/node/router';
import { resources } from '../actions/router';

/** Bilibili as the node sees it: every operation acts for the connected account with its signed user token. */
export const bilibiliPlatform: NodePlatform = {
	label: 'Bilibili',
	adapters: { user: bilibiliUserAdapter },
	purpose: {
		user: 'the connected Bilibili account\'s access token (authorization-code grant), with every request signed by the App Secret',
	},
	resources,
};
