import type { ResourceOperations } from '../../shared/node/operation';
import { articleImageOperations } from './articleImage';
import { draftOperations } from './draft';
import { followerOperations } from './follower';
import { materialOperations } from './material';
import { publicationOperations } from './publication';
import { temporaryMediaOperations } from './temporaryMedia';
import { webAuthorizationOperations } from './webAuthorization';

/** resource → operation → module; content operations use the app token, web authorization the person's token. */
export const resources: Record<string, ResourceOperations> = {
	material: materialOperations,
	articleImage: articleImageOperations,
	temporaryMedia: temporaryMediaOperations,
	draft: draftOperations,
	publication: publicationOperations,
	follower: followerOperations,
	webAuthorization: webAuthorizationOperations,
};
