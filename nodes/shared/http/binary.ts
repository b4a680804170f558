import { BINARY_ENCODING, NodeOperationError, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

/** the most a binary stream buffers ahead of the chunk being sent */
export const READ_AHEAD_MAX = 8 * 1024 * 1024;

export interface BinaryInput {
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
	size: number;
	/**
	 * yields the file in pieces of exactly `chunkSize` bytes (the last may be shorter), reading it as a stream. A piece
	 * is valid until the next one is asked for (uploads send them one after another): pieces may share one buffer.
	 */
	chunks(chunkSize: number): AsyncGenerator<Buffer>;
	/** the whole file; only for small files (images, thumbs) */
	buffer(): Promise<Buffer>;
}

/**
 * Opens an input item's binary property. In n8n's filesystem/S3/database modes the file is read as a stream, so
 * memory stays at one chunk whatever the file size; in memory mode n8n already holds it.
 */
export async function openBinary(ctx: IExecuteFunctions, itemIndex: number, propertyName: string): Promise<BinaryInput> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	let size = Number(binary.fileSize ? parseFileSize(binary.fileSize) : 0);
	if (binary.id) {
		const meta = await ctx.helpers.getBinaryMetadata(binary.id);
		size = meta.fileSize;
	} else if (binary.data) {
		size = Buffer.byteLength(binary.data, BINARY_ENCODING);
	}
	const fileName = binary.fileName ?? `${propertyName}.${binary.fileExtension ?? 'bin'}`;
	const mimeType = binary.mimeType || 'application/octet-stream';
	return {
		binary,
		fileName,
		mimeType,
		size,
		async buffer() {
			return ctx.helpers.getBinaryDataBuffer(itemIndex, propertyName);
		},
		async *chunks(chunkSize: number) {
			if (!binary.id) {
				const all = await ctx.helpers.getBinaryDataBuffer(itemIndex, propertyName);
				for (let offset = 0; offset < all.length; offset += chunkSize) yield all.subarray(offset, offset + chunkSize);
				return;
			}
			// the stream reads ahead up to its highWaterMark while the previous chunk is being sent: one read of a whole
			// chunk (8 MiB at most, to bound memory) instead of waiting for 1 MiB reads between parts
			const stream = await ctx.helpers.getBinaryStream(binary.id, Math.min(chunkSize, READ_AHEAD_MAX));
			// a piece that is a whole chunk (a file read a chunk at a time) is sent as it is: no copy. Other pieces are
			// copied into one buffer that every assembled chunk reuses, so no chunk-sized garbage is added per part
			let chunk: Buffer | undefined;
			let filled = 0;
			for await (const piece of stream as AsyncIterable<Buffer>) {
				if (filled === 0 && piece.length === chunkSize) {
					yield piece;
					continue;
				}
				chunk ??= Buffer.allocUnsafe(chunkSize);
				let offset = 0;
				while (offset < piece.length) {
					const n = Math.min(piece.length - offset, chunkSize - filled);
					piece.copy(chunk, filled, offset, offset + n);
					filled += n;
					offset += n;
					if (filled === chunkSize) {
						yield chunk;
						filled = 0;
					}
				}
			}
			if (chunk && filled > 0) yield chunk.subarray(0, filled);
		},
	};
}

function parseFileSize(text: string): number {
	const m = /^([\d.]+)\s*(B|kB|KB|MB|GB)?$/i.exec(text.trim());
	if (!m) return 0;
	const unit = (m[2] ?? 'B').toUpperCase();
	const factor = unit === 'GB' ? 1024 ** 3 : unit === 'MB' ? 1024 ** 2 : unit === 'KB' ? 1024 : 1;
	return Math.round(Number(m[1]) * factor);
}

/** Rejects a file before upload when it breaks a platform limit, naming the field and the limit. */
export function assertFileLimits(
	ctx: IExecuteFunctions,
	itemIndex: number,
	file: BinaryInput,
	limits: { maxBytes?: number; extensions?: string[]; label: string; propertyName: string },
): void {
	if (limits.maxBytes && file.size > limits.maxBytes) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The file in binary property "${limits.propertyName}" is ${formatBytes(file.size)}; ${limits.label} allows at most ${formatBytes(limits.maxBytes)}`,
			{ itemIndex },
		);
	}
	if (limits.extensions) {
		const ext = (file.fileName.split('.').pop() ?? '').toLowerCase();
		const fromMime = (file.mimeType.split('/').pop() ?? '').toLowerCase().replace('jpeg', 'jpg');
		if (!limits.extensions.includes(ext) && !limits.extensions.includes(fromMime)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The file "${file.fileName}" (${file.mimeType}) in binary property "${limits.propertyName}" is not accepted: ${limits.label} takes ${limits.extensions.join(', ')}`,
				{ itemIndex },
			);
		}
	}
}

export function formatBytes(n: number): string {
	if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
	if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
	if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
	return `${n} B`;
}
