import type { ResourceOperations } from '../../shared/node/operation';
import { authorizationOperations } from './authorization';
import { commentOperations } from './comment';
import { dataOperations } from './data';
import { imageTextOperations } from './imageText';
import { toolOperations } from './tool';
import { userOperations } from './user';
import { videoOperations } from './video';

/** resource → operation → module; each module declares its token kind. */
export const resources: Record<string, ResourceOperations> = {
	authorization: authorizationOperations,
	user: userOperations,
	video: videoOperations,
	imageText: imageTextOperations,
	comment: commentOperations,
	data: dataOperations,
	tool: toolOperations,
};
