import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import type { ReplyVerdict, TokenState } from './types';

/** `this.helpers.httpRequest` as credentials' preAuthentication and nodes both have it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- n8n's own httpRequest helper returns any
export type HttpRequester = (options: IHttpRequestOptions) => Promise<any>;

interface PlatformAdapterBase {
	/** short platform id, e.g. 'douyin' */
	platform: string;
	/** human name used in messages, e.g. 'Douyin' */
	label: string;
	/** n8n credential type name */
	credentialType: string;
	/** credential display name, for "attach the … credential" messages */
	credentialDisplayName: string;
	/** API base URL (no trailing slash) for the credential's environment */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** base URL of another host of the platform, for requests that name one (`ApiRequest.host`) */
	hostUrl?(credentials: ICredentialDataDecryptedObject, host: string): string;
	/** classifies any API reply: success, token invalid, or another platform error */
	verdict(statusCode: number, body: unknown): ReplyVerdict;
	/** renew this long before the known expiry, so no request goes out with a token known to be expired */
	refreshSkewMs: number;
}

/**
 * Tokens persisted through the credential's `preAuthentication`: the client-credentials grant, and the
 * authorization-code grant of platforms whose token exchange n8n's OAuth2 client cannot speak (RedBook's JSON
 * exchange: the person pastes the one-time code, the credential exchanges and then refreshes it, rotation included).
 * The token lives in the hidden expirable `accessToken` field, so n8n persists it for every process and worker.
 */
export interface AppTokenAdapter extends PlatformAdapterBase {
	grant: 'app';
	/** which app and host a stored token belongs to; a changed key/secret/host forces a new token */
	fingerprint(credentials: ICredentialDataDecryptedObject): string;
	/**
	 * Fetches a token. `reason` is why ('missing', 'expiring', 'rejected', …): a platform may fetch differently when
	 * the current token was rejected (WeChat's rate-limited force refresh).
	 */
	fetchToken(
		httpRequest: HttpRequester,
		credentials: ICredentialDataDecryptedObject,
		reason: string,
	): Promise<{ accessToken: string; expiresAt: number; extra?: IDataObject }>;
}

/**
 * Authorization-code grant whose tokens live in n8n's `oauthTokenData` (the credential extends oAuth2Api, so n8n's
 * "Connect my account" does the consent and code exchange); the engine refreshes in the platform's own dialect.
 */
export interface OAuthUserTokenAdapter extends PlatformAdapterBase {
	grant: 'oauth2-user';
	/** reads the stored token data; throws a TokenError when the connect stored an error envelope */
	readToken(oauthTokenData: IDataObject | undefined): TokenState | undefined;
	/** new `oauthTokenData` to persist for a refreshed token (keeps the platform's own shape) */
	writeToken(previous: IDataObject, state: TokenState): IDataObject;
	refresh(httpRequest: HttpRequester, credentials: ICredentialDataDecryptedObject, state: TokenState): Promise<TokenState>;
	/** extends the refresh token's life where the platform allows it (Douyin renew_refresh_token) */
	renewRefreshToken?(
		httpRequest: HttpRequester,
		credentials: ICredentialDataDecryptedObject,
		state: TokenState,
	): Promise<TokenState>;
	/** renew the refresh token when it has less than this left */
	refreshTokenRenewWindowMs?: number;
	/** attaches the token to a request (header, query) */
	sign(options: IHttpRequestOptions, state: TokenState, credentials: ICredentialDataDecryptedObject): void;
}

/**
 * Standard OAuth 2.0 that n8n itself speaks (Google): n8n's "Connect my account" stores the token, signs requests
 * and refreshes it (refreshOAuth2Token persists the result); the engine adds single-flight and one retry.
 */
export interface N8nOAuth2Adapter extends PlatformAdapterBase {
	grant: 'oauth2-n8n';
	/** the stored access token, to compare before refreshing */
	readAccessToken(oauthTokenData: IDataObject | undefined): string | undefined;
}

/** A static key added to the query string (Google API key for public reads); nothing to refresh. */
export interface ApiKeyAdapter extends PlatformAdapterBase {
	grant: 'api-key';
	/** the key from the credential, or undefined when it has none */
	readKey(credentials: ICredentialDataDecryptedObject): string | undefined;
	sign(options: IHttpRequestOptions, key: string): void;
}

export type TokenAdapter = AppTokenAdapter | OAuthUserTokenAdapter | N8nOAuth2Adapter | ApiKeyAdapter;
