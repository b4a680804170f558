import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/**
 * Which token an operation needs (where that token lives is the adapter's `source`):
 * - `user`: a token a person granted through the authorization-code flow (carries an open_id / account identity);
 * - `app`: the app's own token from the client-credentials grant (Douyin client_token, WeChat access_token, a Google
 *   service account's token);
 * - `key`: a static API key for public reads (Google), no token at all.
 */
export type TokenKind = 'user' | 'app' | 'key';

/** A Blob-shaped body, which n8n's HTTP client streams (the resumable upload meters what is read from it). */
export interface StreamedBody {
	readonly size: number;
	readonly type: string;
	stream(): ReadableStream<Uint8Array>;
}

/** A platform request before a token is attached. `path` is relative to the credential's API base URL. */
export interface ApiRequest {
	method: IHttpRequestMethods;
	path: string;
	/** an absolute URL the platform handed out (e.g. a resumable-upload session); replaces base URL + path */
	url?: string;
	/** another host of the platform, resolved by the adapter's `hostUrl` (e.g. Bilibili's upload host) */
	host?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | Buffer | string | StreamedBody;
	headers?: Record<string, string>;
	/** reply is binary (a file download); the engine returns a Buffer */
	binaryResponse?: boolean;
	/** reads and other requests that are safe to send twice (used for network-error and 5xx retries) */
	idempotent?: boolean;
	/** the user token's identity fields to add to the query string, e.g. ['open_id'] */
	identityInQuery?: string[];
	timeoutMs?: number;
	/** no redirect handling: n8n's redirect follower buffers a streamed body and reads it without backpressure */
	disableFollowRedirect?: boolean;
}

export interface ApiResponse {
	statusCode: number;
	headers: Record<string, string>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- platform JSON of any shape, or a Buffer
	body: any;
}

/** What the platform adapter says about a reply. */
export interface ReplyVerdict {
	ok: boolean;
	/** the platform says the token is expired, revoked or unknown: refresh once and retry */
	tokenInvalid?: boolean;
	/** the platform refused the request for its rate limit (not performed): wait and send it again */
	rateLimited?: boolean;
	code?: number | string;
	message?: string;
	/** extra fields for the error (logid, sub codes) */
	details?: IDataObject;
}

/** A token as the engine tracks it, whatever the platform calls its fields. */
export interface TokenState {
	accessToken: string;
	/** epoch ms; 0 when unknown */
	expiresAt: number;
	refreshToken?: string;
	refreshExpiresAt?: number;
	renewCount?: number;
	/** account identity returned with a user token, e.g. { open_id } */
	identity?: IDataObject;
	scope?: string;
}

export class TokenError extends Error {
	constructor(
		message: string,
		readonly code?: number | string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'TokenError';
	}
}
