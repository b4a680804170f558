import type { NodePlatform } from '../../shared/node/router';
import { googleApiKeyAdapter, googleServiceAccountAdapter, googleServiceAccountKeyAdapter, googleUserAdapter } from '../../shared/platforms/google';
import { resources } from '../actions/router';

/** Blogger as the node sees it: an account token, a (delegated) service account, or an API key for public blogs. */
export const bloggerPlatform: NodePlatform = {
	label: 'Blogger',
	adapters: { user: googleUserAdapter, app: googleServiceAccountAdapter, key: [googleApiKeyAdapter, googleServiceAccountKeyAdapter] },
	purpose: {
		user: 'a Google account\'s OAuth2 token because it acts for a blog author or admin',
		app: 'a service account\'s token (impersonating a Workspace user through domain-wide delegation) because it acts for a blog author',
		key: 'a Google API key, which reads public blogs only',
	},
	resources,
};
