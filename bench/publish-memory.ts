// Peak memory of a real n8n process above its idle RSS while one MediaX Publish execution publishes the same
// generated video to Douyin, YouTube and Bilibili (issue 13: < 150 MiB above idle for 1 GiB). The video is read from
// n8n's filesystem binary store once per platform as a stream (the platforms' default part and chunk sizes).
// The buffering baseline of the same file is in bench/upload-memory.ts.
//   npx tsx bench/publish-memory.ts [--version 2.41.1] [--size 1024] [--runs 3]   (the figure is the highest of the runs:
//   later runs on the same n8n start from an idle RSS that already holds the heap the first one grew, so they read lower)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startN8n } from '../e2e/lib/harness';
import { chainWorkflow, type NodeSpec } from '../e2e/lib/workflows';
import { arg, median, runAlone, type BenchRow } from './table';
import { measure } from './upload-memory';
import { beforeUpload, connectUploadCredential, MP4_HEADER, readFile, UPLOAD_PLATFORMS, writeVideo } from './uploads';

const TARGET_MB_ABOVE_IDLE = 150;

export interface PublishMemoryOptions {
	version?: string;
	sizeMb?: number;
	runs?: number;
	log?: (m: string) => void;
}

export async function publishMemory(opts: PublishMemoryOptions = {}): Promise<{ rows: BenchRow[]; report: string }> {
	const version = opts.version ?? '2.41.1';
	const sizeMb = opts.sizeMb ?? 1024;
	const runs = opts.runs ?? 3;
	const log = opts.log ?? ((m: string) => console.log(m));
	const files = mkdtempSync(join(tmpdir(), 'mediax-bench-publish-'));
	const h = await startN8n({ version, env: { N8N_RESTRICT_FILE_ACCESS_TO: files, N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' }, log });
	const rows: BenchRow[] = [];
	const lines = [`n8n ${version}, filesystem binary mode, one ${sizeMb} MiB video; RSS of the n8n main process (MiB)`, 'workflow | idle RSS | peak RSS | above idle | seconds | result'];
	try {
		const creds: Record<string, { id: string; name: string }> = {};
		for (const p of UPLOAD_PLATFORMS) {
			const c = await connectUploadCredential(h, p);
			creds[c.type] = { id: c.id, name: c.name };
		}
		const publish: NodeSpec = {
			name: 'Publish',
			type: 'n8n-nodes-mediax.mediaXPublish',
			parameters: {
				targets: ['douyinVideo', 'youtubeVideo', 'bilibiliVideo'],
				title: 'MediaX publish memory bench',
				description: 'One video to three platforms from one execution.',
				tags: 'bench',
				// a fresh key per call, so every call publishes
				idempotencyKey: "={{ $('Webhook').first().json.body.key }}",
				bilibiliPartitionId: 21,
			},
			credentials: creds,
		};
		await h.createWorkflow(chainWorkflow('bench publish memory', 'bench-publish', [readFile, publish]));
		const video = writeVideo(files, `publish-${sizeMb}.mp4`, sizeMb, MP4_HEADER);
		const warm = writeVideo(files, 'publish-warm.mp4', 16, MP4_HEADER);
		const call = async (path: string, key: string) => {
			for (const p of UPLOAD_PLATFORMS) beforeUpload(h, p);
			return measure(h, 'bench-publish', { path, key });
		};
		await call(warm, 'warm-up'); // n8n's one-time loading of the publish path is not part of the figure
		const measured = [];
		for (let run = 1; run <= runs; run++) {
			const m = await call(video, `bench-${Date.now()}-${run}`);
			const above = m.peak - m.idle;
			measured.push({ ...m, above });
			const line = `MediaX Publish → Douyin, YouTube, Bilibili, run ${run} | ${m.idle} | ${m.peak} | ${above} | ${m.seconds.toFixed(1)} | ${m.ok ? 'ok' : `FAILED ${m.error}`}`;
			lines.push(line);
			log(`[publish-memory] ${line}`);
		}
		const ok = measured.every((m) => m.ok);
		const above = Math.max(...measured.map((m) => m.above));
		rows.push({
			figure: `MediaX Publish of one ${sizeMb} MiB video to Douyin, YouTube and Bilibili: peak RSS above idle (highest of ${runs} runs: ${measured.map((m) => m.above).join(', ')} MiB)${ok ? '' : ' (FAILED)'}`,
			value: above,
			unit: 'MiB',
			target: `< ${TARGET_MB_ABOVE_IDLE} MiB`,
			met: ok && above < TARGET_MB_ABOVE_IDLE,
		});
		rows.push({ figure: `MediaX Publish of one ${sizeMb} MiB video to three platforms: wall time (median)`, value: Number(median(measured.map((m) => m.seconds)).toFixed(1)), unit: 's', target: 'reference', met: undefined });
	} finally {
		await h.stop();
		rmSync(files, { recursive: true, force: true });
	}
	return { rows, report: lines.join('\n') };
}

if (require.main === module) runAlone(publishMemory({ version: arg('version', '2.41.1'), sizeMb: Number(arg('size', '1024')), runs: Number(arg('runs', '3')) }));
