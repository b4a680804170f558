import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { ParsedBody, UploadedFile } from './types';

const MAX_BUFFERED_BODY = 16 * 1024 * 1024;

function write(stream: WriteStream, chunk: Buffer): Promise<void> {
	return new Promise((resolve, reject) => {
		if (stream.write(chunk)) return resolve();
		const onDrain = () => {
			stream.off('error', onError);
			resolve();
		};
		const onError = (error: Error) => {
			stream.off('drain', onDrain);
			reject(error);
		};
		stream.once('drain', onDrain).once('error', onError);
	});
}

function closeStream(stream: WriteStream): Promise<void> {
	return new Promise((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

function parseHeaders(block: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of block.split('\r\n')) {
		const i = line.indexOf(':');
		if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
	}
	return headers;
}

function dispositionParam(disposition: string, name: string): string | undefined {
	const m = new RegExp(`(?:^|;)\\s*${name}="([^"]*)"`, 'i').exec(disposition) ?? new RegExp(`(?:^|;)\\s*${name}=([^;]*)`, 'i').exec(disposition);
	return m?.[1];
}

/** Streams a multipart/form-data body: file parts go to disk chunk by chunk, text fields stay in memory. */
export async function parseMultipart(req: AsyncIterable<Buffer>, boundary: string, uploadDir: string, onBytes: (n: number) => void): Promise<ParsedBody> {
	const delimiter = Buffer.from(`\r\n--${boundary}`);
	const result: ParsedBody = { kind: 'multipart', form: {}, files: [] };
	// a leading CRLF lets the first boundary match the same delimiter as the others
	let buf: Buffer = Buffer.from('\r\n');
	let state = 'preamble' as 'preamble' | 'headers' | 'data' | 'done';
	let field = '';
	let file: { meta: UploadedFile; stream: WriteStream; hash: ReturnType<typeof createHash> } | undefined;
	let text: Buffer[] = [];

	const emit = async (chunk: Buffer) => {
		if (!chunk.length) return;
		if (file) {
			file.meta.size += chunk.length;
			file.hash.update(chunk);
			await write(file.stream, chunk);
		} else text.push(chunk);
	};
	const finishPart = async () => {
		if (file) {
			await closeStream(file.stream);
			file.meta.sha256 = file.hash.digest('hex');
			result.files.push(file.meta);
			file = undefined;
		} else if (field) {
			result.form[field] = Buffer.concat(text).toString('utf8');
		}
		text = [];
		field = '';
	};

	const process = async (final: boolean) => {
		for (;;) {
			if (state === 'preamble' || state === 'data') {
				const idx = buf.indexOf(delimiter);
				if (idx === -1) {
					if (state === 'data') {
						const keep = delimiter.length + 4;
						if (buf.length > keep) {
							await emit(buf.subarray(0, buf.length - keep));
							buf = buf.subarray(buf.length - keep);
						}
					}
					return;
				}
				if (state === 'data') {
					await emit(buf.subarray(0, idx));
					await finishPart();
				}
				const after = buf.subarray(idx + delimiter.length);
				if (after.length < 2) return;
				if (after.subarray(0, 2).toString() === '--') {
					state = 'done';
					buf = Buffer.alloc(0);
					return;
				}
				buf = after.subarray(2); // skip CRLF after the boundary
				state = 'headers';
			} else if (state === 'headers') {
				const end = buf.indexOf('\r\n\r\n');
				if (end === -1) {
					if (final) throw new Error('malformed multipart headers');
					return;
				}
				const headers = parseHeaders(buf.subarray(0, end).toString('utf8'));
				buf = buf.subarray(end + 4);
				const disposition = headers['content-disposition'] ?? '';
				field = dispositionParam(disposition, 'name') ?? '';
				const filename = dispositionParam(disposition, 'filename');
				if (filename !== undefined) {
					const path = join(uploadDir, `${randomUUID()}.part`);
					file = {
						meta: { field, filename, contentType: headers['content-type'] ?? '', size: 0, path, sha256: '' },
						stream: createWriteStream(path),
						hash: createHash('sha256'),
					};
				}
				state = 'data';
			} else return;
		}
	};

	for await (const chunk of req) {
		onBytes(chunk.length);
		buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
		await process(false);
	}
	await process(true);
	if (state !== 'done') {
		if (file) {
			await closeStream(file.stream);
		}
		throw new Error('multipart body ended before the closing boundary');
	}
	return result;
}

export async function readBody(req: IncomingMessage, uploadDir: string, onBytes: (n: number) => void): Promise<ParsedBody> {
	const type = (req.headers['content-type'] ?? '').toLowerCase();
	if (type.startsWith('multipart/form-data')) {
		const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
		if (!m) throw new Error('multipart without boundary');
		return parseMultipart(req, (m[1] ?? m[2]).trim(), uploadDir, onBytes);
	}
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		onBytes(chunk.length);
		total += chunk.length;
		if (total > MAX_BUFFERED_BODY) throw new Error('body too large for a non-multipart request');
		chunks.push(chunk);
	}
	const raw = Buffer.concat(chunks);
	if (!raw.length) return { kind: 'empty', form: {}, files: [] };
	if (type.includes('json')) {
		try {
			return { kind: 'json', json: JSON.parse(raw.toString('utf8')), form: {}, files: [], raw };
		} catch {
			return { kind: 'json', invalidJson: true, form: {}, files: [], raw };
		}
	}
	if (type.startsWith('application/x-www-form-urlencoded')) {
		return { kind: 'form', form: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: [], raw };
	}
	return { kind: 'raw', form: {}, files: [], raw };
}

/** Streams a raw (non-multipart) request body to a file, e.g. a resumable-upload chunk. */
export async function saveRawBody(req: AsyncIterable<Buffer>, path: string, onBytes: (n: number) => void): Promise<{ size: number; sha256: string }> {
	const stream = createWriteStream(path, { flags: 'a' });
	const hash = createHash('sha256');
	let size = 0;
	for await (const chunk of req) {
		onBytes(chunk.length);
		size += chunk.length;
		hash.update(chunk);
		await write(stream, chunk);
	}
	await closeStream(stream);
	return { size, sha256: hash.digest('hex') };
}
