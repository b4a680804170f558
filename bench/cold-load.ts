// Cold load: how long n8n takes to start (spawn → /healthz answers 200) with the package installed in its user
// folder, against the same n8n without it (median of --runs starts each, interleaved, after one uncounted start per
// folder that creates its database); the package's size (dist bytes in the packed tarball, the tarball, and the
// installed dist on disk); and what the package does at require time (every node and credential file required in a
// fresh Node process: time, and whether anything is left running, e.g. a timer or a socket).
//   npx tsx bench/cold-load.ts [--version 2.41.1] [--runs 5]
// n8n's start command loads community packages in its init step, before its HTTP server listens, so /healthz
// answering is the end of node loading.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, killGroup, n8nEnv } from '../e2e/lib/harness';
import { ensureN8n, n8nRuntime } from '../e2e/lib/install';
import { buildAndPack, installIntoUserFolder, PACKAGE_NAME } from '../e2e/lib/package';
import { arg, median, runAlone, type BenchRow } from './table';

export interface ColdLoadOptions {
	version?: string;
	runs?: number;
	log?: (m: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts n8n on a user folder, returns ms until /healthz answers 200, then stops it. */
async function timeStart(version: string, userFolder: string, key: string): Promise<number> {
	const port = await freePort();
	let broker = await freePort();
	while (broker === port) broker = await freePort();
	const rt = n8nRuntime(version);
	const t0 = performance.now();
	const child = spawn(rt.node, [rt.n8nBin, 'start'], { env: n8nEnv(version, port, broker, userFolder, key, {}), cwd: userFolder, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	let exited = false;
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exit = new Promise<void>((r) => child.on('exit', () => ((exited = true), r())));
	try {
		for (;;) {
			if (exited) throw new Error(`n8n exited during startup:\n${output.slice(-2000)}`);
			if (performance.now() - t0 > 300_000) throw new Error(`n8n did not answer /healthz in 300 s:\n${output.slice(-2000)}`);
			const r = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
			if (r?.status === 200) return performance.now() - t0;
			await sleep(50);
		}
	} finally {
		killGroup(child, 'SIGTERM');
		await Promise.race([exit, sleep(15_000)]);
		killGroup(child, 'SIGKILL');
	}
}

/** every file under dir with its size */
function filesUnder(dir: string): Array<{ path: string; size: number }> {
	const out: Array<{ path: string; size: number }> = [];
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) out.push(...filesUnder(p));
		else if (e.isFile()) out.push({ path: p, size: statSync(p).size });
	}
	return out;
}

/** bytes of the files under package/dist/ in a packed tarball (`tar -tvzf`: the size is the third column) */
function distBytesInTarball(tarball: string): { bytes: number; files: number } {
	const listing = execFileSync('tar', ['-tvzf', tarball], { encoding: 'utf8' }).trim().split('\n');
	const dist = listing.map((l) => l.trim().split(/\s+/)).filter((f) => f[5]?.startsWith('package/dist/') && f[0].startsWith('-'));
	return { bytes: dist.reduce((n, f) => n + Number(f[2]), 0), files: dist.length };
}

/** Requires every node and credential file of the installed package in a fresh Node process (n8n's Node and n8n-workflow). */
function requireCost(version: string, packageDir: string): { packageMs: number; workflowMs: number; handles: string[]; files: number; modules: number; foreign: string[] } {
	const rt = n8nRuntime(version);
	const script = `
const path = require('path');
const dir = process.argv[1];
const t0 = performance.now();
// the copy the package itself resolves (from the bench's cwd, require would find the repository's dev copy)
require(require.resolve('n8n-workflow', { paths: [dir] }));
// after n8n-workflow: requiring it opens a pipe of its own (PipeWrap), which is not the package's doing
const handlesBefore = process.getActiveResourcesInfo();
const modulesBefore = new Set(Object.keys(require.cache));
const t1 = performance.now();
const pkg = require(path.join(dir, 'package.json'));
const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
for (const f of files) require(path.join(dir, f));
const t2 = performance.now();
// what requiring left running (a timer, a socket…): the resources now minus those before, by kind
const handles = process.getActiveResourcesInfo();
for (const h of handlesBefore) handles.splice(handles.indexOf(h), 1);
const added = Object.keys(require.cache).filter((m) => !modulesBefore.has(m));
const foreign = added.filter((m) => !m.startsWith(path.join(dir, 'dist') + path.sep) && m !== path.join(dir, 'package.json'));
console.log(JSON.stringify({ workflowMs: t1 - t0, packageMs: t2 - t1, handles, files: files.length, modules: added.length, foreign }));`;
	const out = execFileSync(rt.node, ['-e', script, packageDir], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', NODE_PATH: join(rt.dir, 'node_modules') } });
	return JSON.parse(out.trim().split('\n').pop()!);
}

export async function coldLoad(opts: ColdLoadOptions = {}): Promise<{ rows: BenchRow[]; report: string }> {
	const version = opts.version ?? '2.41.1';
	const runs = opts.runs ?? 5;
	const log = opts.log ?? ((m: string) => console.log(m));
	await ensureN8n(version, log);
	const tarball = buildAndPack(log);
	const withPkg = mkdtempSync(join(tmpdir(), `mediax-cold-with-`));
	const without = mkdtempSync(join(tmpdir(), `mediax-cold-without-`));
	const key = `mediax-bench-${randomBytes(12).toString('hex')}`;
	const lines = [`n8n ${version}, start → /healthz 200, ${runs} starts each (interleaved) after one uncounted start per user folder`];
	const rows: BenchRow[] = [];
	try {
		installIntoUserFolder(withPkg, tarball);
		const installed = join(withPkg, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		const first = { with: await timeStart(version, withPkg, key), without: await timeStart(version, without, key) };
		log(`[cold-load] first starts (database created): with ${first.with.toFixed(0)} ms, without ${first.without.toFixed(0)} ms`);
		const times = { with: [] as number[], without: [] as number[] };
		for (let i = 0; i < runs; i++) {
			// alternate which goes first, so a drift of the machine's load falls on both
			for (const which of i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
				times[which].push(await timeStart(version, which === 'with' ? withPkg : without, key));
			}
			log(`[cold-load] round ${i + 1}: with ${times.with[i].toFixed(0)} ms, without ${times.without[i].toFixed(0)} ms`);
		}
		const w = median(times.with);
		const wo = median(times.without);
		lines.push(`start with the package: ${times.with.map((t) => t.toFixed(0)).join(', ')} ms (median ${w.toFixed(0)})`);
		lines.push(`start without it:       ${times.without.map((t) => t.toFixed(0)).join(', ')} ms (median ${wo.toFixed(0)})`);
		rows.push({ figure: `n8n start until /healthz answers, package installed (median of ${runs})`, value: w, unit: 'ms', baseline: wo, baselineLabel: 'n8n without it', target: 'close to without (≤ 1.10×)', met: w <= wo * 1.1 });

		const tarBytes = statSync(tarball).size;
		const dist = distBytesInTarball(tarball);
		const onDisk = filesUnder(join(installed, 'dist'));
		const onDiskBytes = onDisk.reduce((n, f) => n + f.size, 0);
		const kib = (b: number) => b / 1024;
		lines.push(`package: tarball ${tarBytes} bytes; dist in the tarball ${dist.bytes} bytes in ${dist.files} files; installed dist on disk ${onDiskBytes} bytes in ${onDisk.length} files`);
		rows.push({ figure: 'package size: dist in the packed tarball (uncompressed)', value: kib(dist.bytes), unit: 'KiB', target: 'reference', met: undefined });
		rows.push({ figure: 'package size: the packed tarball', value: kib(tarBytes), unit: 'KiB', target: 'reference', met: undefined });
		rows.push({ figure: 'package size: installed dist on disk', value: kib(onDiskBytes), unit: 'KiB', target: 'reference', met: undefined });

		const req = requireCost(version, installed);
		const deps = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).dependencies ?? {};
		lines.push(
			`require of all ${req.files} node and credential files: ${req.packageMs.toFixed(0)} ms (n8n-workflow itself before them: ${req.workflowMs.toFixed(0)} ms); ${req.modules} modules loaded, other than the package's own dist: ${req.foreign.length ? req.foreign.join(', ') : 'none'}; left running after require: ${req.handles.length ? req.handles.join(', ') : 'nothing'}; runtime dependencies: ${Object.keys(deps).length || 'none'}`,
		);
		rows.push({ figure: `require of the package's ${req.files} node and credential files (fresh Node, n8n-workflow loaded first)`, value: req.packageMs, unit: 'ms', baseline: req.workflowMs, baselineLabel: 'require n8n-workflow', target: 'no work at require time: nothing left running, no module but its own', met: req.handles.length === 0 && req.foreign.length === 0 });
	} finally {
		rmSync(withPkg, { recursive: true, force: true });
		rmSync(without, { recursive: true, force: true });
	}
	return { rows, report: lines.join('\n') };
}

if (require.main === module) runAlone(coldLoad({ version: arg('version', '2.41.1'), runs: Number(arg('runs', '5')) }));
