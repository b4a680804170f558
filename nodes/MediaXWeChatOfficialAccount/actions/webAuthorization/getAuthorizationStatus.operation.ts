import { authorizationStatusOperation } from '../../../shared/node/authorizationStatusOperation';
import { wechatWebUserAdapter } from '../../../shared/platforms/wechat';

/** The web authorization's status (30-day refresh token, not renewable), from the credential alone. */
export const getAuthorizationStatus = authorizationStatusOperation(wechatWebUserAdapter, 'webAuthorization');
