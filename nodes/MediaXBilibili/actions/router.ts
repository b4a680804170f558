import type { ResourceOperations } from '../../shared/node/operation';
import { authorizationOperations } from './authorization';
import { articleOperations } from './article';
import { dataOperations } from './data';
import { userOperations } from './user';
import { videoOperations } from './video';

/** resource → operation → module; every Bilibili operation acts for the connected account. */
export const resources: Record<string, ResourceOperations> = {
	authorization: authorizationOperations,
	user: userOperations,
	video: videoOperations,
	article: articleOperations,
	data: dataOperations,
};
