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
	/** codes of a refused refresh that end the authorization (the person must authorize again); recorded in the credential */
	refusedRefreshCodes?: ReadonlyArray<number | string>;
}

/** A token fetched by the credential itself and kept in its hidden fields. */
export interface FetchedToken {
	accessToken: string;
	expiresAt: number;
	/** more fields to store beside the token (refresh token, identity, a consumed code's hash) */
	extra?: IDataObject;
}

/** Why a token is being fetched, and the token the platform rejected (if that is why). */
export interface Renewal {
	reason: 'missing' | 'credentials-changed' | 'expiring' | 'rejected' | 'new-code';
	rejectedToken?: string;
}

/** Shared by the two sources whose token lives in the credential's hidden expirable `accessToken` field. */
interface StoredTokenAdapterBase extends PlatformAdapterBase {
	/** which app and host a stored token belongs to; a changed key/secret/host forces a new token */
	fingerprint(credentials: ICredentialDataDecryptedObject): string;
	/** attaches the token (header, query) */
	sign(options: IHttpRequestOptions, accessToken: string, credentials: ICredentialDataDecryptedObject): void;
}

/**
 * Source 'app-token': the client-credentials grant (Douyin client_token, WeChat stable token, a Google service
 * account's JWT grant). The engine fetches it and stores it in the credential, so every execution, process and
 * queue-mode worker reuses it; the credential's preAuthentication fetches the same way for Tests and HTTP Request.
 */
export interface AppTokenAdapter extends StoredTokenAdapterBase {
	source: 'app-token';
	fetchToken(httpRequest: HttpRequester, credentials: ICredentialDataDecryptedObject, renewal: Renewal): Promise<FetchedToken>;
}

/**
 * Source 'pasted-code': an authorization-code grant whose exchange n8n's OAuth2 client cannot speak (RedBook's JSON
 * exchange, WeChat's GET exchange). The person pastes the one-time code into the credential; it is exchanged, then
 * the token is refreshed with the platform's refresh token. Stored like an app token.
 */
export interface PastedCodeAdapter extends StoredTokenAdapterBase {
	source: 'pasted-code';
	exchangeCode(httpRequest: HttpRequester, credentials: ICredentialDataDecryptedObject, code: string): Promise<FetchedToken>;
	/** stored fields that name the authorized account (e.g. openid), shown by Get Authorization Status */
	accountFields: string[];
	/** how a person authorizes again: the node operation that gives the consent link */
	authorizationUrlOperation: string;
	/** throws a TokenError that says what to do when the credential has no refresh token (never authorized) */
	refresh(httpRequest: HttpRequester, credentials: ICredentialDataDecryptedObject): Promise<FetchedToken>;
}

/**
 * Source 'n8n-connect': the authorization-code grant through n8n's "Connect my account" (the credential extends
 * oAuth2Api and the token lives in n8n's `oauthTokenData`); the engine refreshes in the platform's own dialect.
 */
export interface ConnectedOAuthAdapter extends PlatformAdapterBase {
	source: 'n8n-connect';
	/** reads the stored token data; throws a TokenError when the connect stored an error envelope */
	readToken(oauthTokenData: IDataObject | undefined): TokenState | undefined;
	/** new `oauthTokenData` to persist for a refreshed token (keeps the platform's own shape) */
	writeToken(previous: IDataObject, state: TokenState): IDataObject;
	refresh(httpRequest: HttpRequester, credentials: ICredentialDataDecryptedObject, state: TokenState): Promise<TokenState>;
	/** extends the refresh token's life where the platform allows it (Douyin renew_refresh_token) */
	renewRefreshToken?(httpRequest: HttpRequester, credentials: ICredentialDataDecryptedObject, state: TokenState): Promise<TokenState>;
	/** renew the refresh token when it has less than this left */
	refreshTokenRenewWindowMs?: number;
	/** how many renewals the platform allows per authorization, and how long a renewed refresh token lasts */
	maxRefreshTokenRenewals?: number;
	refreshTokenLifetimeMs?: number;
	/** attaches the token to a request (header, query) */
	sign(options: IHttpRequestOptions, state: TokenState, credentials: ICredentialDataDecryptedObject): void;
}

/**
 * Source 'n8n-oauth2': standard OAuth 2.0 that n8n itself speaks and refreshes (Google). The engine signs with the
 * stored token and asks n8n to refresh (which persists) once after a rejection.
 */
export interface N8nOAuth2Adapter extends PlatformAdapterBase {
	source: 'n8n-oauth2';
	/** the stored access token */
	readAccessToken(oauthTokenData: IDataObject | undefined): string | undefined;
}

/** Source 'api-key': a static key from the credential (Google API key for public reads); nothing to refresh. */
export interface ApiKeyAdapter extends PlatformAdapterBase {
	source: 'api-key';
	/** the key from the credential, or undefined when it has none */
	readKey(credentials: ICredentialDataDecryptedObject): string | undefined;
	sign(options: IHttpRequestOptions, key: string): void;
}

export type StoredTokenAdapter = AppTokenAdapter | PastedCodeAdapter;

export type TokenAdapter = AppTokenAdapter | PastedCodeAdapter | ConnectedOAuthAdapter | N8nOAuth2Adapter | ApiKeyAdapter;
