import type { ResourceOperations } from '../../shared/node/operation';
import { authorizationOperations } from './authorization';
import { blogOperations } from './blog';
import { commentOperations } from './comment';
import { pageOperations } from './page';
import { postOperations } from './post';

/** resource → operation → module; each module declares its token kinds. */
export const resources: Record<string, ResourceOperations> = {
	authorization: authorizationOperations,
	blog: blogOperations,
	post: postOperations,
	page: pageOperations,
	comment: commentOperations,
};
