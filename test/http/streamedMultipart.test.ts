import { randomBytes } from 'node:crypto';
import { buildMultipart, multipartFrame, streamedMultipart } from '../../nodes/shared/http/multipart';
import { PartsBody } from '../../nodes/shared/http/streamedBody';

async function readAll(body: PartsBody): Promise<Uint8Array[]> {
	const pieces: Uint8Array[] = [];
	for await (const piece of body.stream() as unknown as AsyncIterable<Uint8Array>) pieces.push(piece);
	return pieces;
}

const boundaryOf = (contentType: string) => /boundary=(.+)$/.exec(contentType)![1];

describe('streamed multipart part (Douyin video parts)', () => {
	const video = { field: 'video', filename: 'clip "1".mp4', contentType: 'video/mp4' };

	it('sends the same bytes as the joined multipart body, with the chunk itself (not a copy) on the wire', async () => {
		const chunk = randomBytes(300 * 1024);
		const frame = multipartFrame(video);
		const body = streamedMultipart(frame, chunk);
		const pieces = await readAll(body);
		const joined = buildMultipart([{ ...video, data: chunk }]);
		const expected = joined.body.toString('latin1').split(boundaryOf(joined.contentType)).join(boundaryOf(frame.contentType));
		expect(Buffer.concat(pieces).toString('latin1')).toBe(expected);
		expect(body.size).toBe(joined.body.length);
		expect(body.type).toBe(frame.contentType);
		// no chunk-sized copy: the piece that carries the video bytes is a view of the chunk's own memory
		expect(pieces.some((p) => p.buffer === chunk.buffer && p.length === chunk.length)).toBe(true);
		expect(body.bytesRead).toBe(body.size);
	});

	it('keeps one boundary for every part of an upload, and the filename cannot break the part headers', () => {
		const frame = multipartFrame(video);
		expect(frame.head.toString()).toContain('filename="clip _1_.mp4"');
		expect(frame.head.toString().startsWith(`--${boundaryOf(frame.contentType)}\r\n`)).toBe(true);
		expect(frame.tail.toString()).toBe(`\r\n--${boundaryOf(frame.contentType)}--\r\n`);
		expect(streamedMultipart(frame, Buffer.from('a')).type).toBe(streamedMultipart(frame, Buffer.from('b')).type);
	});
});

describe('PartsBody', () => {
	it('is read by n8n\'s HTTP client as a Blob of its size', () => {
		const body = new PartsBody([Buffer.from('ab'), Buffer.from('cde')], 'application/octet-stream');
		expect(Object.prototype.toString.call(body)).toBe('[object Blob]');
		expect(body.size).toBe(5);
		// n8n drops a body that has no own enumerable keys
		expect(Object.keys(body).length).toBeGreaterThan(0);
	});

	it('hands out slices of at most sliceBytes and counts only what was read', async () => {
		const data = randomBytes(100_000);
		const body = new PartsBody([data], 'video/mp4', 16 * 1024);
		const reader = body.stream().getReader();
		const first = await reader.read();
		expect(first.value!.length).toBe(16 * 1024);
		expect(body.bytesRead).toBe(16 * 1024);
		await reader.cancel();
		const again = new PartsBody([data], 'video/mp4', 16 * 1024);
		const pieces = await readAll(again);
		expect(pieces.every((p) => p.length <= 16 * 1024)).toBe(true);
		expect(Buffer.concat(pieces).equals(data)).toBe(true);
	});

	it('can be read again for a resend, and whole by arrayBuffer()', async () => {
		const parts = [Buffer.from('head'), Buffer.alloc(0), Buffer.from('tail')];
		const body = new PartsBody(parts, 'text/plain');
		expect(Buffer.concat(await readAll(body)).toString()).toBe('headtail');
		expect(Buffer.concat(await readAll(body)).toString()).toBe('headtail');
		expect(Buffer.from(await body.arrayBuffer()).toString()).toBe('headtail');
		expect(body.bytesRead).toBe(3 * 8);
	});
});
