import { NodeApiError, NodeOperationError, sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { PlatformError } from '../../shared/engine/engine';
import type { ApiRequest, ApiResponse, StreamedBody } from '../../shared/engine/types';
import { formatBytes, type BinaryInput } from '../../shared/http/binary';
import { PartsBody } from '../../shared/http/streamedBody';
import type { PlatformCall } from '../../shared/node/operation';
import { jsonOf } from '../actions/common';

/** Google's resumable protocol: every chunk but the last is a multiple of 256 KiB. */
export const GRANULE = 256 * 1024;
export const DEFAULT_CHUNK = 8 * 1024 * 1024;

export interface ResumableUpload {
	file: BinaryInput;
	/** what is uploaded, for messages ("video", "caption") */
	label: string;
	/** the initiate request (POST …?uploadType=resumable with the metadata JSON); skipped when `sessionUri` is given */
	initiate?: ApiRequest;
	/** an existing session URI to continue (from a previous, interrupted run) */
	sessionUri?: string;
	chunkSize: number;
	/** consecutive failures without progress before giving up */
	maxRetries: number;
	/** first backoff delay; doubles per consecutive failure */
	backoffMs?: number;
}

export interface ResumableResult {
	resource: IDataObject;
	/** PUT requests that carried bytes */
	chunks: number;
	/** bytes of chunk bodies n8n's HTTP client read and wrote to the connection, resends included */
	bytesSent: number;
	/** bytes Google confirmed it stores (its Range, or the whole file once it answers with the resource) */
	bytesAcknowledged: number;
	/** of bytesSent, bytes that had been written once before and went out again because Google had not kept them */
	bytesResent: number;
	/** status queries after an interruption */
	resumes: number;
	/** times the binary stream was reopened because the server was behind the chunk in memory */
	reopened: number;
}

/** Slices a chunk body is read in: its count of bytes sent runs ahead of the connection by at most one slice. */
const METER_SLICE = 16 * 1024;

/** Rounds a chunk size down to whole 256 KiB granules (at least one). */
export function normaliseChunkSize(bytes: number): number {
	return Math.max(GRANULE, Math.floor(bytes / GRANULE) * GRANULE);
}

/** `Range: bytes=0-N` → N + 1 stored bytes; no header → nothing stored yet. */
export function storedBytes(headers: Record<string, string> | undefined): number {
	const range = headers?.range ?? headers?.Range;
	const m = range ? /bytes=0-(\d+)/.exec(String(range)) : null;
	return m ? Number(m[1]) + 1 : 0;
}

/**
 * Reads the forward-only binary stream one chunk at a time and keeps only the current chunk in memory. A request for
 * bytes inside it is served from memory; bytes ahead are read on; bytes behind it reopen the stream and skip ahead.
 */
class ChunkWindow {
	private iterator?: AsyncGenerator<Buffer>;
	private start = 0;
	private data?: Buffer;
	reopened = 0;

	constructor(
		private readonly file: BinaryInput,
		private readonly size: number,
	) {}

	async covering(offset: number): Promise<{ start: number; data: Buffer }> {
		if (this.data && offset >= this.start && offset < this.start + this.data.length) return { start: this.start, data: this.data };
		if (!this.iterator || (this.data && offset < this.start)) {
			if (this.iterator) {
				await this.iterator.return(undefined);
				this.reopened++;
			}
			this.iterator = this.file.chunks(this.size);
			this.data = undefined;
			this.start = 0;
		}
		for (;;) {
			const nextStart = this.data ? this.start + this.data.length : 0;
			const next = await this.iterator.next();
			if (next.done || !next.value?.length) {
				throw new Error(`The binary data ended at byte ${nextStart}, before byte ${offset} the upload needs`);
			}
			this.start = nextStart;
			this.data = next.value;
			if (offset < this.start + this.data.length) return { start: this.start, data: this.data };
		}
	}

	async close(): Promise<void> {
		await this.iterator?.return(undefined);
	}
}

type Outcome = { done: true; resource: IDataObject } | { done: false; stored: number };

/**
 * Uploads a binary with Google's resumable protocol: start a session (or continue one), PUT chunks with
 * Content-Range, continue from the Range the server acknowledges (it may keep fewer bytes than sent), and after a
 * dropped connection or a 5xx ask the server what it has (`Content-Range: bytes *\/total`) and resume from there —
 * never from zero. Memory stays at one chunk.
 */
export async function resumableUpload(ctx: IExecuteFunctions, itemIndex: number, call: PlatformCall, upload: ResumableUpload): Promise<ResumableResult> {
	const { file, label } = upload;
	const total = file.size;
	const chunkSize = normaliseChunkSize(upload.chunkSize);
	const backoff = upload.backoffMs ?? 1000;
	if (total <= 0) throw new NodeOperationError(ctx.getNode(), `The ${label} file "${file.fileName}" is empty`, { itemIndex });

	let sessionUri = upload.sessionUri?.trim();
	if (!sessionUri) {
		if (!upload.initiate) throw new NodeOperationError(ctx.getNode(), 'No upload session to continue', { itemIndex });
		const started = await call<ApiResponse>({ ...upload.initiate, binaryResponse: true });
		sessionUri = String(started.headers?.location ?? started.headers?.Location ?? '');
		if (!sessionUri) {
			throw new NodeOperationError(ctx.getNode(), `Google started no upload session for the ${label} (no Location header, HTTP ${started.statusCode})`, { itemIndex });
		}
	}
	const session = sessionUri;
	const put = (contentRange: string, body: Buffer | StreamedBody) =>
		call<ApiResponse>({
			method: 'PUT',
			path: `/upload (${label} session)`,
			url: session,
			headers: { 'Content-Type': file.mimeType, 'Content-Range': contentRange },
			body,
			binaryResponse: true,
			// resending is decided here, from what the server acknowledges, never blindly by the engine
			idempotent: false,
			// session URIs do not redirect; n8n's redirect follower would read the metered body without backpressure
			disableFollowRedirect: true,
		});
	const outcome = (response: ApiResponse): Outcome => {
		if (response.statusCode === 200 || response.statusCode === 201) return { done: true, resource: jsonOf(response.body) };
		if (response.statusCode === 308) return { done: false, stored: storedBytes(response.headers) };
		throw new NodeOperationError(ctx.getNode(), `Unexpected reply HTTP ${response.statusCode} from the ${label} upload session`, { itemIndex });
	};
	const fatal = (error: unknown): Error | undefined => {
		if (error instanceof PlatformError) {
			if (error.httpCode === 404 || error.httpCode === 410) {
				return new NodeOperationError(ctx.getNode(), `The ${label} upload session has expired or is unknown (HTTP ${error.httpCode})`, {
					itemIndex,
					description: 'Google keeps an upload session for about a week. Start the upload again without "Resume Session URI"; a new session will be created.',
				});
			}
			return error.httpCode >= 500 || error.httpCode === 429 ? undefined : error;
		}
		// the engine reports a dropped connection or timeout of a request it did not resend as NodeApiError
		if (error instanceof NodeApiError) return undefined;
		return error as Error;
	};

	const window = new ChunkWindow(file, chunkSize);
	const result: ResumableResult = { resource: {}, chunks: 0, bytesSent: 0, bytesAcknowledged: 0, bytesResent: 0, resumes: 0, reopened: 0 };
	let stored = 0;
	// end of the bytes written so far: bytes below it that go out again are resent
	let written = 0;
	const wrote = (start: number, bytes: number) => {
		result.bytesSent += bytes;
		result.bytesResent += Math.max(0, Math.min(start + bytes, written) - start);
		written = Math.max(written, start + bytes);
	};
	let failures = 0;
	let lastFailure = '';
	// a continued session (or any interruption) starts by asking the server what it has
	let askStatus = !!upload.sessionUri?.trim();
	try {
		for (;;) {
			if (ctx.getExecutionCancelSignal?.()?.aborted) throw new NodeOperationError(ctx.getNode(), 'Execution cancelled', { itemIndex });
			if (failures > upload.maxRetries) {
				throw new NodeOperationError(
					ctx.getNode(),
					`The ${label} upload stopped at ${formatBytes(stored)} of ${formatBytes(total)} after ${upload.maxRetries} retries: ${lastFailure}`,
					{
						itemIndex,
						description: `Google keeps the bytes it received. To continue instead of starting over, run again with Options → Resume Session URI set to: ${session}`,
					},
				);
			}
			let reply: Outcome;
			const before = stored;
			try {
				if (askStatus || stored >= total) {
					result.resumes += askStatus ? 1 : 0;
					reply = outcome(await put(`bytes */${total}`, Buffer.alloc(0)));
				} else {
					const { start, data } = await window.covering(stored);
					const piece = new PartsBody([data.subarray(stored - start)], file.mimeType, METER_SLICE);
					result.chunks++;
					try {
						reply = outcome(await put(`bytes ${stored}-${stored + piece.size - 1}/${total}`, piece));
					} finally {
						wrote(stored, piece.bytesRead);
					}
				}
			} catch (error) {
				const stop = fatal(error);
				if (stop) throw stop;
				failures++;
				lastFailure = (error as Error).message;
				askStatus = true;
				await sleep(Math.min(backoff * 2 ** (failures - 1), 30_000));
				continue;
			}
			const wasStatus = askStatus || before >= total;
			askStatus = false;
			if (reply.done) {
				result.resource = reply.resource;
				result.bytesAcknowledged = total;
				result.reopened = window.reopened;
				return result;
			}
			if (reply.stored > total) throw new NodeOperationError(ctx.getNode(), `Google reports ${reply.stored} bytes stored for a ${total}-byte ${label}`, { itemIndex });
			stored = result.bytesAcknowledged = reply.stored;
			// no progress after sending bytes (or all bytes stored but no resource yet) counts as a failed attempt
			if (stored > before) failures = 0;
			else if (!wasStatus || stored >= total) {
				failures++;
				lastFailure = `the server kept no new bytes (stored ${stored})`;
				await sleep(Math.min(backoff * 2 ** (failures - 1), 30_000));
			}
		}
	} finally {
		await window.close();
	}
}
