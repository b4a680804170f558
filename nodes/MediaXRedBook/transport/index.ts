import type { NodePlatform } from '../../shared/node/router';
import { redbookUserAdapter } from '../../shared/platforms/redbook';
import { resources } from '../actions/router';

/** RedBook JuGuang as the node sees it: one advertiser authorization (pasted code, rotating refresh) serves every call. */
export const redbookPlatform: NodePlatform = {
	label: 'RedBook JuGuang',
	adapters: { user: redbookUserAdapter },
	purpose: {
		user: 'the advertisers\' authorization (the pasted authorization code, then the rotating refresh token) because every JuGuang call acts for an authorized advertiser',
	},
	resources,
};
