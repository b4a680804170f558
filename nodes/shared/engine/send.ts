import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type JsonObject,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';
import type { TokenAdapter } from './adapters';
import { TokenError, type ApiRequest, type ApiResponse } from './types';

/** The request itself, whatever token it carries: options, reply normalisation, and retries of transient failures. */

const NETWORK_RETRIES = 2;

/** The node option that sets `ApiRequest.timeoutMs` (nodes/shared/node/timeout.ts); named in timeout errors. */
export const REQUEST_TIMEOUT_LABEL = 'Request Timeout (Seconds)';
export const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;

export function baseFor(adapter: TokenAdapter, credentials: ICredentialDataDecryptedObject, req: ApiRequest): string {
	return req.host && adapter.hostUrl ? adapter.hostUrl(credentials, req.host) : adapter.baseUrl(credentials);
}

export function toHttpOptions(base: string, req: ApiRequest): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: req.method,
		url: req.url ?? base + req.path,
		qs: req.qs ? { ...req.qs } : {},
		headers: { ...(req.headers ?? {}) },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: req.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
	};
	if (req.body !== undefined) options.body = req.body as IHttpRequestOptions['body'];
	if (req.disableFollowRedirect) options.disableFollowRedirect = true;
	if (req.binaryResponse) options.encoding = 'arraybuffer';
	else options.json = !Buffer.isBuffer(req.body);
	return options;
}

export function normaliseResponse(raw: { body?: unknown; headers?: unknown; statusCode?: number } | undefined, binary: boolean): ApiResponse {
	let body: unknown = raw?.body;
	const headers = (raw?.headers ?? {}) as Record<string, string>;
	const contentType = String(headers['content-type'] ?? '');
	if (binary && body && !Buffer.isBuffer(body)) body = Buffer.from(body as ArrayBuffer);
	// a binary endpoint answers errors as JSON; a JSON endpoint may answer text/plain JSON (WeChat)
	if (Buffer.isBuffer(body) && /json|text\/plain/.test(contentType)) {
		try {
			body = JSON.parse(body.toString('utf8'));
		} catch {
			// keep the bytes
		}
	} else if (typeof body === 'string' && body.startsWith('{')) {
		try {
			body = JSON.parse(body);
		} catch {
			// keep the text
		}
	}
	return { statusCode: Number(raw?.statusCode ?? 200), headers, body };
}

function isRetryableNetworkError(failure: unknown): boolean {
	const error = failure as { code?: string; cause?: { code?: string }; message?: string } | undefined;
	const code = String(error?.code ?? error?.cause?.code ?? '');
	return ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET'].includes(code) ||
		/socket hang up|network|timeout/i.test(String(error?.message ?? ''));
}

/**
 * Sends one request with retries for transient failures. Only idempotent requests are resent after a dropped
 * connection or a 5xx: the platform may already have performed a write.
 */
export async function sendWithTransientRetry(ctx: IExecuteFunctions, req: ApiRequest, send: () => Promise<ApiResponse>): Promise<ApiResponse> {
	for (let attempt = 0; ; attempt++) {
		let failure: unknown;
		try {
			const response = await send();
			if (!(response.statusCode >= 500 && req.idempotent && attempt < NETWORK_RETRIES)) return response;
		} catch (error) {
			failure = error;
		}
		if (failure !== undefined && (failure instanceof TokenError || !req.idempotent || attempt >= NETWORK_RETRIES || !isRetryableNetworkError(failure))) {
			throw asRequestError(ctx, failure, req);
		}
		if (ctx.getExecutionCancelSignal?.()?.aborted) throw new NodeOperationError(ctx.getNode(), 'Execution cancelled');
		await sleep(500 * 2 ** attempt);
	}
}

/** What a 5xx reply's error adds: a read was retried, a write was not resent (the platform may have performed it). */
export function serverErrorAdvice(req: ApiRequest): string {
	return req.idempotent
		? `The platform had a server error; this read was retried ${NETWORK_RETRIES} times. Run again later.`
		: 'The platform had a server error. This write was not resent, because the platform may already have performed it; check the result on the platform before running it again.';
}

function isTimeout(failure: unknown): boolean {
	const e = failure as { code?: string; cause?: { code?: string }; message?: string; name?: string } | undefined;
	return ['ECONNABORTED', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT'].includes(String(e?.code ?? e?.cause?.code ?? '')) || e?.name === 'TimeoutError' || /timeout|timed out/i.test(String(e?.message ?? ''));
}

/** Token problems pass through as they are; anything else becomes a NodeApiError that says which call failed. */
function asRequestError(ctx: IExecuteFunctions, failure: unknown, req: ApiRequest): Error {
	// a credential's token request failed (preAuthentication); n8n may have wrapped it, and credentials load in
	// their own module scope, so the class is recognised by name
	const tokenFailure = [failure, (failure as { cause?: unknown })?.cause].find((e) => (e as Error)?.name === 'TokenError') as
		| { message: string; code?: number | string }
		| undefined;
	if (tokenFailure) return tokenFailure instanceof TokenError ? tokenFailure : new TokenError(tokenFailure.message, tokenFailure.code);
	if (failure instanceof NodeApiError || failure instanceof NodeOperationError) return failure;
	const e = failure as Error & { code?: string };
	const unsafe = !req.idempotent
		? ' It was not resent, because the platform may already have performed it; check the result before running it again.'
		: ` It was retried ${NETWORK_RETRIES} times.`;
	if (isTimeout(failure)) {
		const seconds = Math.round((req.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS) / 1000);
		// no `code` in the error body: NodeApiError would replace the message with its generic text for ECONNABORTED
		return new NodeApiError(ctx.getNode(), { message: e?.message ?? String(failure) } as JsonObject, {
			message: `${req.method} ${req.path} timed out after ${seconds} s`,
			description: `No reply within the node's "${REQUEST_TIMEOUT_LABEL}" option (${seconds} s).${unsafe} Raise "${REQUEST_TIMEOUT_LABEL}" for large files or a slow network, or run again later.`,
		});
	}
	return new NodeApiError(ctx.getNode(), { message: e?.message ?? String(failure), code: e?.code ?? '' } as JsonObject, {
		message: `${req.method} ${req.path} failed: ${e?.message ?? String(failure)}`,
		description: `The connection failed (${e?.code ?? 'network error'}).${unsafe}`,
	});
}
