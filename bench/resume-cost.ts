// Resume cost in real n8n: the connection drops halfway through a part upload — the simulator's `drop` fault reads
// half of one chunk request's body and cuts the connection, at 50% of the file — for YouTube (resumable: ask the
// session what it stored, continue from there) and Douyin (parts: resend the part). Figure: bytes the simulator
// received twice, from its log of bytes received per request; beside it, what starting over would resend (the bytes
// received before the drop), which is what a workflow without resume does.
//   npx tsx bench/resume-cost.ts [--version 2.41.1] [--size 1024] [--part 8] [--platforms youtube,douyin]
// Note: the simulator's core `drop` fault cuts the request before the platform module stores any of it, so the
// YouTube session keeps none of the dropped chunk (real Google keeps whole 256 KiB granules that arrived: fewer bytes
// resent, never more), so the figure here is the upper bound.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startN8n } from '../e2e/lib/harness';
import type { LogEntry } from '../simulator/src/core/types';
import { arg, runAlone, type BenchRow } from './table';
import { beforeUpload, lastExecution, MB, setupUpload, UPLOAD_LABEL, writeVideo, type UploadPlatform } from './uploads';

export type ResumePlatform = Extract<UploadPlatform, 'youtube' | 'douyin'>;

export interface ResumeCostOptions {
	version?: string;
	sizeMb?: number;
	partMb?: number;
	platforms?: ResumePlatform[];
	log?: (m: string) => void;
}

/** the chunk requests of each upload, by the path the simulator logs (after the platform prefix) */
const CHUNK_PATH: Record<ResumePlatform, string> = { youtube: '/upload/youtube/v3/videos', douyin: '/api/douyin/v1/video/upload_video_part/' };
const SIM_PLATFORM: Record<ResumePlatform, string> = { youtube: 'google', douyin: 'douyin' };

export interface ResumeFigures {
	/** requests the drop fault cut */
	dropped: number;
	/** bytes of chunk bodies the simulator read in all */
	received: number;
	/** of them, bytes of requests it stored: once per YouTube byte range, the last accepted request per Douyin part */
	kept: number;
	/** received − kept: bytes that went over the wire twice */
	sentTwice: number;
	/** bytes received before the drop: what starting over would send again */
	beforeDrop: number;
}

/** Reads the simulator's log of one upload: bytes received twice, and what a restart from zero would have resent. */
export function resumeFigures(platform: ResumePlatform, entries: LogEntry[], fileBytes: number): ResumeFigures {
	const chunks = entries.filter((e) => e.platform === SIM_PLATFORM[platform] && e.path === CHUNK_PATH[platform] && (platform !== 'youtube' || e.method === 'PUT'));
	const received = chunks.reduce((n, e) => n + (e.bytesIn ?? 0), 0);
	const droppedAt = chunks.findIndex((e) => e.note?.startsWith('fault:drop'));
	const beforeDrop = droppedAt < 0 ? 0 : chunks.slice(0, droppedAt + 1).reduce((n, e) => n + (e.bytesIn ?? 0), 0);
	let kept: number;
	if (platform === 'youtube') {
		// the PUT bodies are the video's bytes themselves: each byte is needed once
		kept = fileBytes;
	} else {
		// a multipart body per part (head, the part, tail): the part's last accepted request is the one needed
		const lastAccepted = new Map<string, number>();
		for (const e of chunks) if (e.status === 200 && Number(e.code ?? 0) === 0) lastAccepted.set(String(e.query.part_number), e.bytesIn ?? 0);
		kept = [...lastAccepted.values()].reduce((n, b) => n + b, 0);
	}
	return { dropped: chunks.filter((e) => e.note?.startsWith('fault:drop')).length, received, kept, sentTwice: received - kept, beforeDrop };
}

export async function resumeCost(opts: ResumeCostOptions = {}): Promise<{ rows: BenchRow[]; report: string }> {
	const version = opts.version ?? '2.41.1';
	const sizeMb = opts.sizeMb ?? 1024;
	const partMb = opts.partMb ?? 8;
	const platforms = opts.platforms ?? (['youtube', 'douyin'] as ResumePlatform[]);
	const log = opts.log ?? ((m: string) => console.log(m));
	const files = mkdtempSync(join(tmpdir(), 'mediax-bench-'));
	const h = await startN8n({ version, env: { N8N_RESTRICT_FILE_ACCESS_TO: files, N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' }, log });
	const rows: BenchRow[] = [];
	const lines = [
		`n8n ${version}, filesystem binary mode, ${sizeMb} MiB file, ${partMb} MiB parts/chunks, connection dropped after half of the chunk at 50% of the file`,
		'upload | requests dropped | MiB received | MiB kept | MiB sent twice | MiB received before the drop | node s',
	];
	const part = partMb * MB;
	const parts = Math.ceil((sizeMb * MB) / part);
	try {
		const path = writeVideo(files, `v${sizeMb}.mp4`, sizeMb);
		for (const p of platforms) {
			const workflow = await setupUpload(h, p, partMb);
			beforeUpload(h, p);
			h.sim.log.length = 0;
			h.sim.faults.length = 0;
			// YouTube's first matching request is the POST that starts the session; Douyin's are the parts themselves
			const skip = Math.floor(parts / 2) + (p === 'youtube' ? 1 : 0);
			h.sim.faults.push({ id: 9700, platform: SIM_PLATFORM[p], type: 'drop', match: CHUNK_PATH[p], after: skip, afterBytes: Math.floor(part / 2), count: 1 });
			const res = await h.callWebhook(workflow.path, { method: 'POST', body: { path } });
			h.sim.faults.length = 0;
			if (res.status !== 200) throw new Error(`${p} upload with a dropped connection failed: ${JSON.stringify(res.body).slice(0, 500)}`);
			const seconds = (await lastExecution(h, workflow.workflowId)).data.resultData.runData.Upload[0].executionTime / 1000;
			const f = resumeFigures(p, h.sim.log, sizeMb * MB);
			if (f.dropped !== 1) throw new Error(`${p}: expected one dropped request, the simulator logged ${f.dropped}`);
			const mib = (b: number) => b / MB;
			const line = `${UPLOAD_LABEL[p]} | ${f.dropped} | ${mib(f.received).toFixed(1)} | ${mib(f.kept).toFixed(1)} | ${mib(f.sentTwice).toFixed(2)} | ${mib(f.beforeDrop).toFixed(1)} | ${seconds.toFixed(1)}`;
			lines.push(line);
			log(`[resume-cost] ${line}`);
			rows.push({
				figure: `${UPLOAD_LABEL[p]} upload of ${sizeMb} MiB, connection dropped at 50%: bytes sent twice`,
				value: mib(f.sentTwice),
				unit: 'MiB',
				baseline: mib(f.beforeDrop),
				baselineLabel: 'starting over',
				target: `≤ one chunk (${partMb} MiB)`,
				met: f.sentTwice <= part,
			});
		}
		rmSync(path);
	} finally {
		await h.stop();
		rmSync(files, { recursive: true, force: true });
	}
	return { rows, report: lines.join('\n') };
}

if (require.main === module)
	runAlone(
		resumeCost({
			version: arg('version', '2.41.1'),
			sizeMb: Number(arg('size', '1024')),
			partMb: Number(arg('part', '8')),
			platforms: arg('platforms', 'youtube,douyin').split(',') as ResumePlatform[],
		}),
	);
