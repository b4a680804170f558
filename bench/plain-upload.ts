// A plain streamed upload, the reference for bench/upload-throughput.ts: one HTTP client (node:http, one keep-alive
// connection), the file read part by part into one reused buffer, the same part size and the same simulator
// endpoints as the MediaX node. Runs in its own process, as n8n does; prints one JSON line {seconds, bytes, parts}.
//   node --import tsx bench/plain-upload.ts '{"platform":"douyin","file":"/tmp/x.mp4","partSize":8388608,...}'
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { signBilibiliRequest } from '../nodes/shared/platforms/bilibili';

export interface PlainUploadJob {
	platform: 'douyin' | 'youtube' | 'bilibili';
	file: string;
	partSize: number;
	/** the simulator's platform base, e.g. http://127.0.0.1:4100/douyin */
	base: string;
	accessToken: string;
	openId?: string;
	clientId?: string;
	clientSecret?: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function send(method: string, url: string, headers: Record<string, string | number>, body: Array<Buffer | string> = []): Promise<{ status: number; headers: Record<string, any>; text: string }> {
	return new Promise((resolve, reject) => {
		const length = body.reduce((n, b) => n + Buffer.byteLength(b), 0);
		const req = request(url, { method, agent, headers: { ...headers, 'content-length': length } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('error', reject);
		for (const b of body) req.write(b);
		req.end();
	});
}

function okJson(r: { status: number; text: string }, what: string): any {
	const j = r.text ? JSON.parse(r.text) : {};
	const code = j.code ?? j.err_no ?? j.data?.error_code ?? j.extra?.error_code ?? 0;
	if (r.status >= 400 || Number(code) !== 0) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
	return j;
}

/** yields the file part by part, into one buffer that is reused (the caller sends it before asking for the next) */
function* parts(file: string, partSize: number): Generator<Buffer> {
	const fd = openSync(file, 'r');
	const buf = Buffer.allocUnsafe(partSize);
	try {
		for (;;) {
			let filled = 0;
			while (filled < partSize) {
				const n = readSync(fd, buf, filled, partSize - filled, null);
				if (n === 0) break;
				filled += n;
			}
			if (filled === 0) return;
			yield buf.subarray(0, filled);
			if (filled < partSize) return;
		}
	} finally {
		closeSync(fd);
	}
}

export async function plainUpload(job: PlainUploadJob): Promise<{ seconds: number; bytes: number; parts: number }> {
	const size = statSync(job.file).size;
	const t0 = performance.now();
	let count = 0;
	if (job.platform === 'douyin') {
		const q = `open_id=${encodeURIComponent(job.openId ?? '')}`;
		const auth = { 'access-token': job.accessToken };
		const init = okJson(await send('POST', `${job.base}/api/douyin/v1/video/init_video_part_upload/?${q}`, { ...auth, 'content-type': 'application/json' }, ['{}']), 'init');
		const uploadId = String(init.data?.upload_id ?? '');
		const boundary = '----PlainUploadBoundary7d1f0c';
		for (const chunk of parts(job.file, job.partSize)) {
			count++;
			const head = `--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="video.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
			okJson(
				await send('POST', `${job.base}/api/douyin/v1/video/upload_video_part/?${q}&upload_id=${encodeURIComponent(uploadId)}&part_number=${count}`, { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` }, [head, chunk, `\r\n--${boundary}--\r\n`]),
				`part ${count}`,
			);
		}
		okJson(await send('POST', `${job.base}/api/douyin/v1/video/complete_video_part_upload/?${q}&upload_id=${encodeURIComponent(uploadId)}`, { ...auth, 'content-type': 'application/json' }, ['{}']), 'complete');
	} else if (job.platform === 'youtube') {
		const auth = { authorization: `Bearer ${job.accessToken}` };
		const metadata = JSON.stringify({ snippet: { title: 'Plain upload', categoryId: '22' }, status: { privacyStatus: 'private' } });
		const init = await send(
			'POST',
			`${job.base}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
			{ ...auth, 'content-type': 'application/json; charset=UTF-8', 'x-upload-content-length': size, 'x-upload-content-type': 'video/mp4' },
			[metadata],
		);
		const session = init.headers.location as string;
		if (init.status !== 200 || !session) throw new Error(`initiate: ${init.status} ${init.text.slice(0, 300)}`);
		let offset = 0;
		for (const chunk of parts(job.file, job.partSize)) {
			count++;
			const r = await send('PUT', session, { ...auth, 'content-type': 'video/mp4', 'content-range': `bytes ${offset}-${offset + chunk.length - 1}/${size}` }, [chunk]);
			offset += chunk.length;
			if (r.status !== 308 && !(offset === size && r.status < 300)) throw new Error(`chunk ${count}: ${r.status} ${r.text.slice(0, 300)}`);
		}
	} else {
		const signed = async (url: string, body?: object) => {
			const o: IHttpRequestOptions = { method: 'POST', url, body, headers: {} };
			signBilibiliRequest(o, job.accessToken, job.clientId ?? '', job.clientSecret ?? '');
			return okJson(await send('POST', url, o.headers as Record<string, string>, typeof o.body === 'string' ? [o.body] : []), url);
		};
		const init = await signed(`${job.base}/arcopen/fn/archive/video/init`, { name: 'video.mp4', utype: 0 });
		const token = encodeURIComponent(String(init.data?.upload_token ?? ''));
		for (const chunk of parts(job.file, job.partSize)) {
			count++;
			okJson(await send('POST', `${job.base}/upos/video/v2/part/upload?upload_token=${token}&part_number=${count}`, { 'content-type': 'application/octet-stream' }, [chunk]), `part ${count}`);
		}
		await signed(`${job.base}/arcopen/fn/archive/video/complete?upload_token=${token}`);
	}
	return { seconds: (performance.now() - t0) / 1000, bytes: size, parts: count };
}

if (require.main === module) {
	plainUpload(JSON.parse(process.argv[2])).then(
		(r) => {
			console.log(JSON.stringify(r));
			process.exit(0);
		},
		(e) => {
			console.error(e);
			process.exit(1);
		},
	);
}
