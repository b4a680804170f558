import type { NodePlatform } from '../../shared/node/router';
import { googleApiKeyAdapter, googleServiceAccountKeyAdapter, googleUserAdapter } from '../../shared/platforms/google';
import { resources } from '../actions/router';

/**
 * YouTube as the node sees it. Public reads take the API key credential (or, for older setups, the API key a
 * service-account credential still carries); a service account's token is useless on YouTube (it has no channel).
 */
export const youTubePlatform: NodePlatform = {
	label: 'YouTube',
	adapters: { user: googleUserAdapter, key: [googleApiKeyAdapter, googleServiceAccountKeyAdapter] },
	purpose: {
		user: 'a Google account\'s OAuth2 token because it acts for (or reads private data of) that account\'s YouTube channel',
		key: 'a Google API key, which reads public YouTube data only',
	},
	resources,
};
