import { authorizationStatusOperation } from '../../../shared/node/authorizationStatusOperation';
import { googleUserAdapter } from '../../../shared/platforms/google';

/** The Google account authorization's status, from the credential alone. */
export const getAuthorizationStatus = authorizationStatusOperation(googleUserAdapter, 'authorization');
