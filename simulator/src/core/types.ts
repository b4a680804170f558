import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file part of a multipart body, streamed to disk so uploads of any size keep memory flat. */
export interface UploadedFile {
	field: string;
	filename: string;
	contentType: string;
	size: number;
	path: string;
	sha256: string;
}

export interface ParsedBody {
	kind: 'empty' | 'json' | 'form' | 'multipart' | 'raw';
	json?: unknown;
	form: Record<string, string>;
	files: UploadedFile[];
	raw?: Buffer;
	/** JSON body that failed to parse */
	invalidJson?: boolean;
}

export interface LogEntry {
	seq: number;
	at: number;
	platform: string;
	method: string;
	path: string;
	query: Record<string, string>;
	contentType: string;
	/** token the caller presented (header or query), as the platform reads it */
	token?: string;
	/** what kind of token it was, e.g. 'user', 'client', 'stable', 'classic' */
	tokenKind?: string;
	/** what the simulator decided: 'token-request' for calls that issue tokens */
	category?: string;
	status?: number;
	/** platform business error code of the reply, 0 on success */
	code?: number | string;
	bytesIn?: number;
	/** Content-Range / part number etc. for upload assertions */
	range?: string;
	note?: string;
}

export interface Fault {
	id: number;
	platform: string;
	/** applies to requests whose path (after the platform prefix) starts with this, or matches it as a regex when it starts with ^ */
	match?: string;
	type: 'http' | 'slow' | 'drop' | 'rateLimit' | 'platformError' | 'admin';
	/** how many matching requests it applies to; -1 = until cleared */
	count: number;
	/** skip this many matching requests before applying */
	after?: number;
	status?: number;
	delayMs?: number;
	/** for 'drop': bytes of request body to read before dropping the connection */
	afterBytes?: number;
	/** for 'admin': a platform admin action (e.g. 'revoke') run just before the matching request is handled */
	action?: string;
	body?: unknown;
	/** for 'platformError': the business error code to answer with */
	code?: number;
	message?: string;
	/** for 'http': a Retry-After header (seconds, or an HTTP-date), as servers send with 429 and 503 (RFC 9110 §10.2.3) */
	retryAfter?: number | string;
}

export interface SimContext {
	req: IncomingMessage;
	res: ServerResponse;
	platform: string;
	method: string;
	/** path after the platform prefix, e.g. '/oauth/client_token/' */
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	contentType: string;
	log: LogEntry;
	/** reads and parses the body (multipart files streamed to disk); memoised */
	body(): Promise<ParsedBody>;
	now(): number;
	/** simulator base URL (no trailing slash), e.g. http://127.0.0.1:4100 */
	baseUrl: string;
	remoteAddress: string;
	json(status: number, payload: unknown, headers?: Record<string, string>): void;
	send(status: number, payload: Buffer | string, contentType: string, headers?: Record<string, string>): void;
	html(status: number, html: string): void;
	redirect(location: string): void;
}

export interface PlatformModule {
	/** path prefix without slashes, e.g. 'douyin' */
	name: string;
	reset(): void;
	/** returns false when no route matched (the core answers 404) */
	handle(ctx: SimContext): Promise<boolean>;
	/** POST /__admin/<name>/<action> */
	admin?(action: string, body: any, sim: SimulatorApi): unknown;
	/** platform's reply to an injected rate limit / business error fault */
	faultResponse?(ctx: SimContext, fault: Fault): void;
}

export interface SimulatorApi {
	now(): number;
	uploadDir: string;
	baseUrl: string;
	log: LogEntry[];
}
