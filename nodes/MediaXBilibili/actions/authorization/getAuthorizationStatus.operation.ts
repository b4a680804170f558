import { authorizationStatusOperation } from '../../../shared/node/authorizationStatusOperation';
import { bilibiliUserAdapter } from '../../../shared/platforms/bilibili';

/** The Bilibili account authorization's status, from the credential alone. */
export const getAuthorizationStatus = authorizationStatusOperation(bilibiliUserAdapter, 'authorization');
