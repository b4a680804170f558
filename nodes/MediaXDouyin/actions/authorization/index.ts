import { authorizationStatusResource } from '../../../shared/node/authorizationStatusOperation';
import { getAuthorizationStatus } from './getAuthorizationStatus.operation';

/** The account authorization's status, from the credential alone. */
const authorization = authorizationStatusResource(getAuthorizationStatus);

export const authorizationOperations = authorization.operations;
export const authorizationDescription = authorization.description;
