import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import { openBinary, READ_AHEAD_MAX } from '../../nodes/shared/http/binary';

// a binary kept in n8n's filesystem/S3 store: only its id is in the item, the bytes come as a stream in uneven pieces
function storedBinary(file: Buffer, pieceSize: number): IExecuteFunctions {
	const binary = { id: 'filesystem-v2:abc', data: '', mimeType: 'video/mp4', fileName: 'clip.mp4' };
	return {
		helpers: {
			assertBinaryData: () => binary,
			getBinaryMetadata: async () => ({ fileSize: file.length }),
			getBinaryStream: async () => {
				const pieces: Buffer[] = [];
				for (let o = 0; o < file.length; o += pieceSize) pieces.push(file.subarray(o, o + pieceSize));
				return Readable.from(pieces);
			},
		},
	} as unknown as IExecuteFunctions;
}

describe('openBinary().chunks on a stored binary', () => {
	it.each([
		['whole chunks', 64 * 1024, 16 * 1024, 7000],
		['a short last chunk', 64 * 1024 + 123, 16 * 1024, 5000],
		['pieces larger than a chunk', 100 * 1024, 10 * 1024, 33 * 1024],
	])('yields the file byte for byte in chunk-size pieces (%s)', async (_name, size, chunkSize, pieceSize) => {
		const file = randomBytes(size);
		const input = await openBinary(storedBinary(file, pieceSize), 0, 'data');
		expect(input.size).toBe(size);
		const seen: Buffer[] = [];
		// a consumer sends each chunk before it asks for the next, so copying here is what the wire would carry
		for await (const chunk of input.chunks(chunkSize)) seen.push(Buffer.from(chunk));
		expect(seen.slice(0, -1).every((c) => c.length === chunkSize)).toBe(true);
		expect(Buffer.concat(seen).equals(file)).toBe(true);
	});

	it('assembles uneven pieces in one reused buffer, so a large file leaves no chunk-sized garbage behind', async () => {
		const input = await openBinary(storedBinary(randomBytes(40 * 1024), 4096), 0, 'data');
		const buffers = new Set<ArrayBufferLike>();
		for await (const chunk of input.chunks(8 * 1024)) buffers.add(chunk.buffer);
		expect(buffers.size).toBe(1);
	});

	it('passes pieces that are whole chunks through without a copy (a file read a chunk at a time)', async () => {
		const file = randomBytes(3 * 8192 + 100);
		const pieces: Buffer[] = [];
		const ctx = storedBinary(file, 8192);
		const open = ctx.helpers.getBinaryStream;
		(ctx.helpers as { getBinaryStream: unknown }).getBinaryStream = async (id: string, size: number) => {
			const stream = await open(id, size);
			return (async function* () {
				for await (const piece of stream as AsyncIterable<Buffer>) yield pieces[pieces.push(Buffer.from(piece)) - 1];
			})();
		};
		const input = await openBinary(ctx, 0, 'data');
		const seen: Buffer[] = [];
		for await (const chunk of input.chunks(8192)) seen.push(chunk);
		expect(seen.slice(0, 3).every((c, i) => c === pieces[i])).toBe(true);
		expect(Buffer.concat(seen).equals(file)).toBe(true);
	});
});

describe('openBinary().chunks read-ahead', () => {
	it.each([
		[5 * 1024 * 1024, 5 * 1024 * 1024],
		[20 * 1024 * 1024, READ_AHEAD_MAX],
	])('asks n8n for a stream that buffers a whole chunk ahead, at most READ_AHEAD_MAX (chunk %d)', async (chunkSize, expected) => {
		const ctx = storedBinary(randomBytes(1024), 512);
		const asked: number[] = [];
		const open = ctx.helpers.getBinaryStream;
		(ctx.helpers as { getBinaryStream: unknown }).getBinaryStream = async (id: string, size: number) => {
			asked.push(size);
			return open(id, size);
		};
		const input = await openBinary(ctx, 0, 'data');
		for await (const _chunk of input.chunks(chunkSize)) void _chunk;
		expect(asked).toEqual([expected]);
	});
});
