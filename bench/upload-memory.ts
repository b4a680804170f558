// Measures the peak memory (VmHWM) of a real n8n process while the MediaX Douyin node uploads videos of growing size
// in parts, streamed from n8n's filesystem binary store. Prints one line per size.
//   npx tsx bench/upload-memory.ts [--version 2.41.1] [--sizes 64,256,512,1024] [--part 8]
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureN8n } from '../e2e/lib/install';
import { startN8n } from '../e2e/lib/harness';
import { chainWorkflow } from '../e2e/lib/workflows';

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
}

async function main() {
	const version = arg('version', '2.41.1');
	const sizes = arg('sizes', '64,256,512,1024').split(',').map(Number);
	const partMb = Number(arg('part', '8'));
	await ensureN8n(version);
	const files = mkdtempSync(join(tmpdir(), 'mediax-bench-'));
	const h = await startN8n({ version, env: { N8N_RESTRICT_FILE_ACCESS_TO: files } });
	try {
		const base = `${h.sim.baseUrl}/douyin`;
		const id = await h.createCredential({ name: 'Douyin', type: 'mediaXDouyinOAuth2Api', data: { environment: 'custom', baseUrl: base, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' } });
		await h.connectOAuth2(id);
		await h.sim.platforms.get('douyin')!.admin!('config', { singleUploadLimit: 16 * 1024 * 1024 }, h.sim);
		await h.createWorkflow(
			chainWorkflow('bench upload', 'bench-upload', [
				{ name: 'Read File', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: '={{ $json.body.path }}', options: {} } },
				{
					name: 'Upload',
					type: 'n8n-nodes-mediax.mediaXDouyin',
					parameters: { resource: 'video', operation: 'upload', binaryPropertyName: 'data', options: { mode: 'chunked', partSizeMb: partMb } },
					credentials: { mediaXDouyinOAuth2Api: { id, name: 'Douyin' } },
				},
			]),
		);
		h.resetPeakRss();
		console.log(`n8n ${version}, Douyin chunked upload, ${partMb} MB parts; idle RSS ${h.peakRssMb()} MB`);
		console.log('file MB | peak RSS MB | seconds | MB/s');
		for (const mb of sizes) {
			const path = join(files, `v${mb}.mp4`);
			const fd = openSync(path, 'w');
			const block = Buffer.alloc(1024 * 1024, 0x33);
			for (let i = 0; i < mb; i++) writeSync(fd, block);
			closeSync(fd);
			h.resetPeakRss(); // this upload's own peak, not n8n's start-up peak
			const t0 = Date.now();
			const res = await h.callWebhook('bench-upload', { method: 'POST', body: { path } });
			const seconds = (Date.now() - t0) / 1000;
			if (res.status !== 200) throw new Error(`upload of ${mb} MB failed: ${JSON.stringify(res.body).slice(0, 300)}`);
			console.log(`${String(mb).padStart(7)} | ${String(h.peakRssMb()).padStart(11)} | ${seconds.toFixed(1).padStart(7)} | ${(mb / seconds).toFixed(0)}`);
			rmSync(path);
		}
	} finally {
		await h.stop();
		rmSync(files, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(e) => {
		console.error(e);
		process.exit(1);
	},
);
