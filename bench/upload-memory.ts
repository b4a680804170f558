// Peak memory of a real n8n process above its idle RSS (measured just before each upload), while the MediaX nodes
// upload generated videos streamed from n8n's filesystem binary store: Douyin (parts), YouTube (resumable), Bilibili
// (parts). Beside them, in the same run, a baseline that buffers the file: a Code node reading
// `this.helpers.getBinaryDataBuffer` and the HTTP Request node sending it (one PUT to a YouTube resumable session).
//   npx tsx bench/upload-memory.ts [--version 2.41.1] [--sizes 256,2048] [--part 8] [--platforms douyin,youtube,bilibili] [--no-baseline]
// Files go in a temp folder that is removed at the end (2 GiB each; one at a time).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startN8n, type N8nHarness } from '../e2e/lib/harness';
import { chainWorkflow } from '../e2e/lib/workflows';
import { arg, flag, runAlone, type BenchRow } from './table';
import { beforeUpload, lastExecution, MB, peakMb, processTree, resetPeaks, rssMb, setupUpload, UPLOAD_LABEL, UPLOAD_PLATFORMS, writeVideo, type UploadPlatform } from './uploads';

/** what the issue asks of a streamed upload: this much above idle at most, whatever the file size */
const TARGET_MB_ABOVE_IDLE = 150;

export interface UploadMemoryOptions {
	version?: string;
	sizes?: number[];
	partMb?: number;
	platforms?: UploadPlatform[];
	baseline?: boolean;
	log?: (m: string) => void;
}

/** the buffering baseline: Read File → Code node (whole file into a Buffer) → HTTP Request node PUT to the session */
function bufferingWorkflow() {
	return chainWorkflow('bench upload buffered baseline', 'bench-up-buffered', [
		{ name: 'Read File', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: "={{ $('Webhook').first().json.body.path }}", options: {} } },
		{
			name: 'Buffer',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode:
					"const buffer = await this.helpers.getBinaryDataBuffer(0, 'data');\nconst data = await this.helpers.prepareBinaryData(buffer, 'video.mp4', 'video/mp4');\nreturn [{ json: { size: buffer.length }, binary: { data } }];",
			},
		},
		{
			name: 'Upload',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'PUT',
				url: "={{ $('Webhook').first().json.body.session }}",
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Content-Range', value: '=bytes 0-{{ $json.size - 1 }}/{{ $json.size }}' }] },
				sendBody: true,
				contentType: 'binaryData',
				inputDataFieldName: 'data',
				options: {},
			},
		},
	]);
}

async function youtubeSession(h: N8nHarness, size: number): Promise<string> {
	const t = h.sim.platforms.get('google')!.admin!('issue-user-token', {}, h.sim) as { access_token: string };
	beforeUpload(h, 'youtube');
	const r = await fetch(`${h.sim.baseUrl}/google/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
		method: 'POST',
		headers: { authorization: `Bearer ${t.access_token}`, 'content-type': 'application/json', 'x-upload-content-length': String(size), 'x-upload-content-type': 'video/mp4' },
		body: JSON.stringify({ snippet: { title: 'Buffered baseline', categoryId: '22' }, status: { privacyStatus: 'private' } }),
	});
	const location = r.headers.get('location');
	if (!location) throw new Error(`YouTube session: ${r.status} ${await r.text()}`);
	return location;
}

export interface Measured {
	idle: number;
	peak: number;
	/** peak of the other processes of n8n (the task runner on 2.x) above their idle */
	others: number;
	seconds: number;
	ok: boolean;
	error?: string;
}

export async function measure(h: N8nHarness, path: string, body: unknown): Promise<Measured> {
	const pids = processTree(h.pid);
	await new Promise((r) => setTimeout(r, 1000)); // let the previous upload's garbage settle
	resetPeaks(pids);
	const idle = rssMb(h.pid);
	const othersIdle = pids.slice(1).reduce((s, p) => s + rssMb(p), 0);
	// sampled while the call runs too: a process the kernel kills for memory takes its VmHWM with it
	let peak = 0;
	let othersPeak = 0;
	const sample = () => {
		peak = Math.max(peak, peakMb(h.pid));
		othersPeak = Math.max(othersPeak, processTree(h.pid).slice(1).reduce((s, p) => s + peakMb(p), 0));
	};
	const sampler = setInterval(sample, 250);
	const t0 = Date.now();
	const res = await h.callWebhook(path, { method: 'POST', body }).catch((e: Error) => ({ status: 0, body: String(e.message) }));
	const seconds = (Date.now() - t0) / 1000;
	clearInterval(sampler);
	sample();
	const others = othersPeak - othersIdle;
	const ok = res.status === 200;
	return { idle, peak, others: Math.max(0, others), seconds, ok, error: ok ? undefined : `${res.status} ${JSON.stringify(res.body).slice(0, 200)}` };
}

export async function uploadMemory(opts: UploadMemoryOptions = {}): Promise<{ rows: BenchRow[]; report: string }> {
	const version = opts.version ?? '2.41.1';
	const sizes = opts.sizes ?? [256, 2048];
	const partMb = opts.partMb ?? 8;
	const platforms = opts.platforms ?? UPLOAD_PLATFORMS;
	const withBaseline = opts.baseline ?? true;
	const log = opts.log ?? ((m: string) => console.log(m));
	const files = mkdtempSync(join(tmpdir(), 'mediax-bench-'));
	const env = { N8N_RESTRICT_FILE_ACCESS_TO: files, N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' };
	let h = await startN8n({ version, env, log });
	const rows: BenchRow[] = [];
	const lines: string[] = [
		`n8n ${version}, filesystem binary mode, ${partMb} MiB parts/chunks; RSS of the n8n main process (MiB); "runner" = its other processes' peak above their idle`,
		'upload | file MiB | idle RSS | peak RSS | above idle | runner above idle | seconds',
	];
	try {
		const workflows = new Map<UploadPlatform, { path: string; workflowId: string }>();
		for (const p of platforms) workflows.set(p, await setupUpload(h, p, partMb));
		// one small upload first, so the first measured one does not carry n8n's one-time loading of the upload path
		const warm = writeVideo(files, 'warm.mp4', 16);
		for (const p of platforms) {
			beforeUpload(h, p);
			await h.callWebhook(workflows.get(p)!.path, { method: 'POST', body: { path: warm } });
			await lastExecution(h, workflows.get(p)!.workflowId);
		}
		rmSync(warm);
		for (const mb of sizes) {
			const path = writeVideo(files, `v${mb}.mp4`, mb);
			const aboveByPlatform: Record<string, number> = {};
			for (const p of platforms) {
				beforeUpload(h, p);
				const m = await measure(h, workflows.get(p)!.path, { path });
				await lastExecution(h, workflows.get(p)!.workflowId).catch(() => undefined);
				const above = m.peak - m.idle;
				aboveByPlatform[p] = above;
				const line = `${UPLOAD_LABEL[p]} | ${mb} | ${m.idle} | ${m.peak} | ${above} | ${m.others} | ${m.seconds.toFixed(1)}${m.ok ? '' : ` FAILED ${m.error}`}`;
				lines.push(line);
				log(`[upload-memory] ${line}`);
				rows.push({ figure: `${UPLOAD_LABEL[p]} upload of ${mb} MiB: peak RSS above idle${m.ok ? '' : ' (upload FAILED)'}`, value: above, unit: 'MiB', target: `< ${TARGET_MB_ABOVE_IDLE} MiB, flat in file size`, met: m.ok && above < TARGET_MB_ABOVE_IDLE });
			}
			rmSync(path);
		}
		// the buffering baseline on a fresh n8n, after every MediaX row: when it runs n8n out of memory, n8n is started
		// again for the next size
		if (withBaseline) {
			await h.stop();
			h = await startN8n({ version, env, log });
			await h.createWorkflow(bufferingWorkflow());
			for (const mb of sizes) {
				const path = writeVideo(files, `v${mb}.mp4`, mb);
				const session = await youtubeSession(h, mb * MB);
				const m = await measure(h, 'bench-up-buffered', { path, session });
				const above = m.peak - m.idle;
				const alive = peakMb(h.pid) > 0;
				const line = `buffered baseline (Code node + HTTP Request node, YouTube) | ${mb} | ${m.idle} | ${m.peak} | ${above} | ${m.others} | ${m.seconds.toFixed(1)}${m.ok ? '' : ` FAILED ${m.error}${alive ? '' : ' (n8n process gone: peak = last sample before it died)'}`}`;
				lines.push(line);
				log(`[upload-memory] ${line}`);
				// the baseline beside each MediaX row of this size (the YouTube one: the same endpoint)
				for (const r of rows.filter((x) => x.figure.includes(` of ${mb} MiB:`))) {
					if (!m.ok && alive) {
						// refused before it buffered anything (n8n's Code node fails on the file): no memory figure to compare
						r.baselineLabel = `Code node buffer + HTTP Request node: FAILED at once (${m.error?.slice(0, 60)})`;
						continue;
					}
					r.baseline = above + m.others;
					r.baselineLabel = `Code node buffer + HTTP Request node${m.others ? ', main + runner' : ''}${m.ok ? '' : ', FAILED: n8n died; peak before'}`;
				}
				rmSync(path);
				if (!alive) {
					await h.stop().catch(() => undefined);
					h = await startN8n({ version, env, log });
					await h.createWorkflow(bufferingWorkflow());
				}
			}
		}
		// flat in file size: the growth from the smallest to the largest file, per platform
		if (sizes.length > 1) {
			const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
			for (const p of platforms) {
				const a = rows.find((r) => r.figure.startsWith(`${UPLOAD_LABEL[p]} upload of ${small} MiB`))!;
				const b = rows.find((r) => r.figure.startsWith(`${UPLOAD_LABEL[p]} upload of ${large} MiB`))!;
				rows.push({ figure: `${UPLOAD_LABEL[p]}: peak above idle at ${large} MiB minus at ${small} MiB`, value: b.value - a.value, unit: 'MiB', target: `independent of size (< 1 part, ${partMb} MiB … noise)`, met: !a.figure.includes('FAILED') && !b.figure.includes('FAILED') && b.value - a.value < 2 * partMb + 16 });
			}
		}
	} finally {
		await h.stop();
		rmSync(files, { recursive: true, force: true });
	}
	return { rows, report: lines.join('\n') };
}

if (require.main === module)
	runAlone(
		uploadMemory({
			version: arg('version', '2.41.1'),
			sizes: arg('sizes', '256,2048').split(',').map(Number),
			partMb: Number(arg('part', '8')),
			platforms: arg('platforms', UPLOAD_PLATFORMS.join(',')).split(',') as UploadPlatform[],
			baseline: !flag('no-baseline'),
		}),
	);
