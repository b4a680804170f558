// What the upload benches share: the three MediaX uploads (Douyin parts, YouTube resumable, Bilibili parts) set up in
// a real n8n against the simulator, generated video files, the Upload node's own time from the execution record, the
// peak RSS of n8n's processes, and the plain streamed upload (bench/plain-upload.ts) in a process of its own.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { N8nHarness } from '../e2e/lib/harness';
import { chainWorkflow, type NodeSpec } from '../e2e/lib/workflows';
import { SIM_OPEN_ID } from '../simulator/src/platforms/douyin/store';
import type { PlainUploadJob } from './plain-upload';

export const MB = 1024 * 1024;
export type UploadPlatform = 'douyin' | 'youtube' | 'bilibili';
export const UPLOAD_PLATFORMS: UploadPlatform[] = ['douyin', 'youtube', 'bilibili'];
export const UPLOAD_LABEL: Record<UploadPlatform, string> = { douyin: 'Douyin (parts)', youtube: 'YouTube (resumable)', bilibili: 'Bilibili (parts)' };

export const readFile: NodeSpec = { name: 'Read File', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: '={{ $json.body.path }}', options: {} } };

const admin = (h: N8nHarness, platform: string, action: string, body: unknown = {}) => h.sim.platforms.get(platform)!.admin!(action, body, h.sim) as any;
const simPlatform = (p: UploadPlatform) => (p === 'youtube' ? 'google' : p);

/** Creates and connects the platform's credential and an upload workflow at webhook `bench-up-<platform>`. */
/** Creates and connects the upload credential of `platform` against the simulator. */
export async function connectUploadCredential(h: N8nHarness, platform: UploadPlatform): Promise<{ type: string; id: string; name: string }> {
	const base = `${h.sim.baseUrl}/${simPlatform(platform)}`;
	const spec =
		platform === 'douyin'
			? { name: 'Douyin (upload bench)', type: 'mediaXDouyinOAuth2Api', data: { environment: 'custom', baseUrl: base, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' } }
			: platform === 'youtube'
				? { name: 'Google (upload bench)', type: 'mediaXGoogleOAuth2Api', data: { environment: 'custom', baseUrl: base, clientId: 'sim-google-client.apps.googleusercontent.com', clientSecret: 'sim_google_secret' } }
				: {
						name: 'Bilibili (upload bench)',
						type: 'mediaXBilibiliOAuth2Api',
						data: { environment: 'custom', baseUrl: base, clientId: 'sim_bili_client', clientSecret: 'sim_bili_secret', redirectUrl: `${h.baseUrl}/rest/oauth2-credential/callback` },
					};
	const id = await h.createCredential(spec);
	await h.connectOAuth2(id);
	return { type: spec.type, id, name: spec.name };
}

export async function setupUpload(h: N8nHarness, platform: UploadPlatform, partMb: number): Promise<{ path: string; workflowId: string }> {
	const cred = await connectUploadCredential(h, platform);
	const credentials = { [cred.type]: { id: cred.id, name: cred.name } };
	const node: NodeSpec =
		platform === 'douyin'
			? { name: 'Upload', type: 'n8n-nodes-mediax.mediaXDouyin', parameters: { resource: 'video', operation: 'upload', binaryPropertyName: 'data', options: { mode: 'chunked', partSizeMb: partMb } }, credentials }
			: platform === 'youtube'
				? { name: 'Upload', type: 'n8n-nodes-mediax.mediaXYouTube', parameters: { resource: 'video', operation: 'upload', binaryPropertyName: 'data', title: 'Bench upload', categoryId: '22', privacyStatus: 'private', options: { chunkSizeMb: partMb } }, credentials }
				: { name: 'Upload', type: 'n8n-nodes-mediax.mediaXBilibili', parameters: { resource: 'video', operation: 'upload', binaryPropertyName: 'data', uploadOptions: { partSizeMb: partMb } }, credentials };
	const path = `bench-up-${platform}`;
	const workflowId = await h.createWorkflow(chainWorkflow(`bench upload ${platform}`, path, [readFile, node]));
	return { path, workflowId };
}

/** Before each upload: YouTube's daily quota allows only a few video inserts, the simulator counts them too */
export function beforeUpload(h: N8nHarness, platform: UploadPlatform): void {
	if (platform === 'youtube') admin(h, 'google', 'reset-quota');
}

/** an mp4 file type box, for checks that look at a video's first bytes (MediaX Publish's validation) */
export const MP4_HEADER = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\u0000\u0000\u0002\u0000isommp41')]);

/** A file of `mb` MiB of filler bytes (written 1 MiB at a time), after `header` when given. */
export function writeVideo(dir: string, name: string, mb: number, header?: Buffer): string {
	const path = join(dir, name);
	const fd = openSync(path, 'w');
	if (header) writeSync(fd, header);
	const block = Buffer.alloc(MB);
	for (let i = 0; i < mb; i++) {
		block.fill(i % 251);
		writeSync(fd, block);
	}
	closeSync(fd);
	return path;
}

const seen = new Set<string>();
/** The newest finished execution of a workflow not read before, with its data. */
export async function lastExecution(h: N8nHarness, workflowId: string): Promise<any> {
	for (let tries = 0; tries < 100; tries++) {
		const ex = await h.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=1`);
		const record = ex.body?.data?.[0];
		// execution ids restart at 1 in each n8n of a run (`npm run bench` starts several)
		const key = `${h.baseUrl} ${record?.id}`;
		if (record && !seen.has(key) && record.stoppedAt) {
			seen.add(key);
			return record;
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`no new finished execution of workflow ${workflowId}`);
}

/** The named node's own executionTime (ms) in an execution record. */
export function nodeMs(record: any, node: string): number {
	const run = record?.data?.resultData?.runData?.[node]?.[0];
	if (!run) throw new Error(`execution ${record?.id} (${record?.status}) has no run of "${node}"`);
	return run.executionTime;
}

/** n8n's main process and its descendants (the task runner on 2.x) */
export function processTree(pid: number): number[] {
	const out = [pid];
	for (let i = 0; i < out.length; i++) {
		const dir = `/proc/${out[i]}/task`;
		if (!existsSync(dir)) continue;
		for (const t of readdirSync(dir)) {
			try {
				for (const c of readFileSync(`${dir}/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) out.push(Number(c));
			} catch {}
		}
	}
	return [...new Set(out)];
}

export function peakMb(pid: number): number {
	try {
		const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Math.round(Number(m[1]) / 1024) : 0;
	} catch {
		return 0;
	}
}

export function rssMb(pid: number): number {
	try {
		const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Math.round(Number(m[1]) / 1024) : 0;
	} catch {
		return 0;
	}
}

export function resetPeaks(pids: number[]): void {
	for (const p of pids) {
		try {
			writeFileSync(`/proc/${p}/clear_refs`, '5');
		} catch {}
	}
}

/** Runs bench/plain-upload.ts in its own Node process against the same simulator endpoints. */
export async function runPlainUpload(h: N8nHarness, platform: UploadPlatform, file: string, partSize: number): Promise<{ seconds: number; bytes: number; parts: number }> {
	const base = `${h.sim.baseUrl}/${simPlatform(platform)}`;
	let job: PlainUploadJob;
	if (platform === 'douyin') {
		const t = admin(h, 'douyin', 'issue-user-token');
		job = { platform, file, partSize, base, accessToken: t.access_token, openId: t.open_id ?? SIM_OPEN_ID };
	} else if (platform === 'youtube') {
		const t = admin(h, 'google', 'issue-user-token');
		job = { platform, file, partSize, base, accessToken: t.access_token };
	} else {
		const t = admin(h, 'bilibili', 'issue-user-token');
		job = { platform, file, partSize, base, accessToken: t.access_token, clientId: 'sim_bili_client', clientSecret: 'sim_bili_secret' };
	}
	beforeUpload(h, platform);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'plain-upload.ts'), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (err += c));
		child.on('exit', (code) => {
			if (code !== 0) return reject(new Error(`plain upload (${platform}) exited ${code}: ${err.slice(-2000)}`));
			resolve(JSON.parse(out.trim().split('\n').pop()!));
		});
	});
}
