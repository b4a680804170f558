import type { StreamedBody } from '../engine/types';

/**
 * A request body made of buffers sent one after another (e.g. a multipart head, one chunk of a video, the tail),
 * without joining them into one buffer, and counting the bytes the HTTP client reads from it. Shaped like a Blob,
 * which n8n's HTTP client (axios) streams with a Content-Length of `size`, without a Blob's copy of the bytes. The
 * client reads with the connection's backpressure, so when a connection drops mid-body the count is what went out.
 */
export class PartsBody implements StreamedBody {
	/** own and enumerable, like the fields below: n8n's request builder drops a body that looks like an empty object */
	bytesRead = 0;
	readonly size: number;

	/**
	 * @param sliceBytes the largest piece handed to the client at a time: small slices make `bytesRead` exact to
	 * within one slice after a dropped connection; without it each buffer goes out whole (one write per buffer)
	 */
	constructor(
		private readonly parts: Buffer[],
		readonly type: string,
		private readonly sliceBytes = Number.POSITIVE_INFINITY,
	) {
		this.size = parts.reduce((n, p) => n + p.length, 0);
	}

	get [Symbol.toStringTag](): string {
		return 'Blob';
	}

	/** a client that reads the body whole sends it whole */
	async arrayBuffer(): Promise<ArrayBuffer> {
		this.bytesRead += this.size;
		const whole = new Uint8Array(this.size);
		let offset = 0;
		for (const p of this.parts) {
			whole.set(p, offset);
			offset += p.length;
		}
		return whole.buffer;
	}

	/** may be read more than once (n8n resends after a token refresh): every read went out */
	stream(): ReadableStream<Uint8Array> {
		let part = 0;
		let offset = 0;
		return new ReadableStream<Uint8Array>(
			{
				pull: (controller) => {
					while (part < this.parts.length && offset >= this.parts[part].length) {
						part++;
						offset = 0;
					}
					if (part >= this.parts.length) return controller.close();
					const slice = this.parts[part].subarray(offset, offset + this.sliceBytes);
					offset += slice.length;
					this.bytesRead += slice.length;
					controller.enqueue(slice);
				},
			},
			// read only on demand, so nothing is counted before the connection asks for it
			{ highWaterMark: 0 },
		);
	}
}
