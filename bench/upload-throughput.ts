// Upload throughput in real n8n: the MediaX uploads (Douyin parts, YouTube resumable, Bilibili parts) in MB/s — the
// Upload node's own executionTime from the execution record — beside a plain streamed upload (bench/plain-upload.ts:
// one HTTP client in its own process, the same part size, the same simulator endpoints) in the same run.
//   npx tsx bench/upload-throughput.ts [--version 2.41.1] [--sizes 256] [--part 8] [--platforms douyin,youtube,bilibili] [--node-options '--cpu-prof --cpu-prof-dir=/tmp/prof'] [--n8n-output /tmp/n8n.log]
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startN8n } from '../e2e/lib/harness';
import { arg, runAlone, type BenchRow } from './table';
import { beforeUpload, lastExecution, MB, nodeMs, runPlainUpload, setupUpload, UPLOAD_LABEL, UPLOAD_PLATFORMS, writeVideo, type UploadPlatform } from './uploads';

export interface UploadThroughputOptions {
	version?: string;
	sizes?: number[];
	partMb?: number;
	platforms?: UploadPlatform[];
	/** Node options for n8n's processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (written when n8n stops) or `--trace-gc` */
	nodeOptions?: string;
	/** n8n's output is appended to this file (e.g. for `--trace-gc`) */
	outputFile?: string;
	log?: (m: string) => void;
}

export async function uploadThroughput(opts: UploadThroughputOptions = {}): Promise<{ rows: BenchRow[]; report: string }> {
	const version = opts.version ?? '2.41.1';
	const sizes = opts.sizes ?? [256];
	const partMb = opts.partMb ?? 8;
	const platforms = opts.platforms ?? UPLOAD_PLATFORMS;
	const log = opts.log ?? ((m: string) => console.log(m));
	const files = mkdtempSync(join(tmpdir(), 'mediax-bench-'));
	const h = await startN8n({ version, env: { N8N_RESTRICT_FILE_ACCESS_TO: files, N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem', ...(opts.nodeOptions ? { NODE_OPTIONS: opts.nodeOptions } : {}) }, log, onOutput: opts.outputFile ? (text) => appendFileSync(opts.outputFile!, text) : undefined });
	const rows: BenchRow[] = [];
	const lines = [`n8n ${version}, filesystem binary mode, ${partMb} MiB parts/chunks; MB/s = MiB / seconds`, 'upload | file MiB | MediaX node s | MediaX MB/s | plain s | plain MB/s | ratio'];
	try {
		const workflows = new Map<UploadPlatform, { path: string; workflowId: string }>();
		for (const p of platforms) workflows.set(p, await setupUpload(h, p, partMb));
		for (const mb of sizes) {
			const path = writeVideo(files, `v${mb}.mp4`, mb);
			for (const p of platforms) {
				// plain first, then MediaX, then plain again: the median-free pairing of a loaded machine
				const plainA = await runPlainUpload(h, p, path, partMb * MB);
				beforeUpload(h, p);
				const res = await h.callWebhook(workflows.get(p)!.path, { method: 'POST', body: { path } });
				if (res.status !== 200) throw new Error(`${p} upload of ${mb} MiB failed: ${JSON.stringify(res.body).slice(0, 300)}`);
				const seconds = nodeMs(await lastExecution(h, workflows.get(p)!.workflowId), 'Upload') / 1000;
				const plainB = await runPlainUpload(h, p, path, partMb * MB);
				const plainS = (plainA.seconds + plainB.seconds) / 2;
				const v = mb / seconds;
				const b = mb / plainS;
				const line = `${UPLOAD_LABEL[p]} | ${mb} | ${seconds.toFixed(2)} | ${v.toFixed(1)} | ${plainA.seconds.toFixed(2)}, ${plainB.seconds.toFixed(2)} | ${b.toFixed(1)} | ${(v / b).toFixed(2)}`;
				lines.push(line);
				log(`[upload-throughput] ${line}`);
				rows.push({ figure: `${UPLOAD_LABEL[p]} upload of ${mb} MiB: throughput (Upload node's own time)`, value: v, unit: 'MB/s', baseline: b, baselineLabel: 'plain streamed upload, one HTTP client', target: '≥ 0.8× the plain upload', met: v / b >= 0.8 });
			}
			rmSync(path);
		}
	} finally {
		await h.stop();
		rmSync(files, { recursive: true, force: true });
	}
	return { rows, report: lines.join('\n') };
}

if (require.main === module)
	runAlone(
		uploadThroughput({
			version: arg('version', '2.41.1'),
			sizes: arg('sizes', '256').split(',').map(Number),
			partMb: Number(arg('part', '8')),
			platforms: arg('platforms', UPLOAD_PLATFORMS.join(',')).split(',') as UploadPlatform[],
			nodeOptions: arg('node-options', '') || undefined,
			outputFile: arg('n8n-output', '') || undefined,
		}),
	);
