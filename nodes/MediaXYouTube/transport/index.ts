import type { NodePlatform } from '../../shared/node/router';
import { googleApiKeyAdapter, googleUserAdapter } from '../../shared/platforms/google';
import { resources } from '../actions/router';

/**
 * YouTube as the node sees it. A service account's token is useless on YouTube (it has no channel), so that credential
 * only contributes its API key, for public reads.
 */
export const youTubePlatform: NodePlatform = {
	label: 'YouTube',
	adapters: { user: googleUserAdapter, key: googleApiKeyAdapter },
	purpose: {
		user: 'a Google account\'s OAuth2 token because it acts for (or reads private data of) that account\'s YouTube channel',
		key: 'the API key stored in the service-account credential, which reads public YouTube data only',
	},
	resources,
};
