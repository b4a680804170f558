import { authorizationStatusOperation } from '../../../shared/node/authorizationStatusOperation';
import { douyinUserAdapter } from '../../../shared/platforms/douyin';

/** The Douyin account authorization's status, from the credential alone. */
export const getAuthorizationStatus = authorizationStatusOperation(douyinUserAdapter, 'authorization');
