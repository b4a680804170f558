import { authorizationStatusOperation } from '../../../shared/node/authorizationStatusOperation';
import { redbookUserAdapter } from '../../../shared/platforms/redbook';

/** The advertiser authorization's status (rotating 30-day refresh token), from the credential alone. */
export const getAuthorizationStatus = authorizationStatusOperation(redbookUserAdapter, 'authorization');
