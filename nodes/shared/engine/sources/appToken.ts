import type { AppTokenAdapter } from '../adapters';
import { storedFields, storedTokenRenewal, storedTokenSource, type StoredTokenFetch } from './storedToken';

/** Fetches a client-credentials token; the credential's preAuthentication fetches the same way. */
export const fetchAppToken: StoredTokenFetch<AppTokenAdapter> = async (adapter, httpRequest, credentials, renewal) =>
	storedFields(adapter, credentials, await adapter.fetchToken(httpRequest, credentials, renewal));

/** Source 'app-token': the app's own token, fetched by the engine and stored in the credential for every process. */
export const appTokenSource = storedTokenSource<AppTokenAdapter>(storedTokenRenewal, fetchAppToken);
