// Builds and packs the package under test once, installs a tarball the way a user's manual install does,
// and tells which node / credential types the package should register.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './install';

export const PACKAGE_NAME: string = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).name;

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
	const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (rc ${r.status}):\n${(r.stdout ?? '').slice(-4000)}\n${(r.stderr ?? '').slice(-4000)}`);
	return r.stdout;
}

/** `npm pack` of a package folder into destDir; returns the tarball path. */
export function packDir(pkgDir: string, destDir: string): string {
	mkdirSync(destDir, { recursive: true });
	const out = sh('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', destDir], pkgDir);
	const file = out.trim().split('\n').pop()!.trim();
	const tgz = join(destDir, file);
	if (!existsSync(tgz)) throw new Error(`npm pack produced no ${tgz}: ${out}`);
	return tgz;
}

let packed: string | undefined;

/** `npm run build` + `npm pack` once per process, or the tarball named by env MEDIAX_TARBALL. */
export function buildAndPack(log: (m: string) => void = () => undefined): string {
	if (process.env.MEDIAX_TARBALL) return process.env.MEDIAX_TARBALL;
	if (packed && existsSync(packed)) return packed;
	const t = Date.now();
	log('[package] npm run build');
	sh('npm', ['run', 'build', '--silent'], REPO_ROOT);
	packed = packDir(REPO_ROOT, mkdtempSync(join(tmpdir(), 'mediax-pack-')));
	log(`[package] packed ${packed} in ${Date.now() - t} ms`);
	return packed;
}

/** Installs a tarball into `<userFolder>/.n8n/nodes` exactly like a manual community-node install. */
export function installIntoUserFolder(userFolder: string, tarball: string): void {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	const pj = join(nodesDir, 'package.json');
	if (!existsSync(pj)) writeFileSync(pj, JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	// cwd outside the repo, so the repo .npmrc does not apply; flags as n8n's own installer uses
	sh('npm', ['install', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--package-lock=false', tarball], nodesDir);
}

export interface ExpectedTypes {
	nodes: string[]; // full type names, `<package>.<name>`
	credentials: string[];
	/** package.json `n8n` block paths */
	nodeFiles: string[];
	credentialFiles: string[];
}

/**
 * Node and credential type names the package declares: reads its package.json `n8n` block and loads each file
 * (in a separate Node process, with the repo's n8n-workflow) to read `description.name` / `name`.
 */
export function expectedTypes(pkgDir = REPO_ROOT): ExpectedTypes {
	const script = `
const path = require('path');
const dir = process.argv[1];
const pkg = require(path.join(dir, 'package.json'));
const n8n = pkg.n8n || {};
const load = (f) => { const m = require(path.join(dir, f)); const cls = m[path.basename(f).split('.')[0]]; if (!cls) throw new Error('no export named like the file in ' + f); return new cls(); };
const out = { nodes: [], credentials: [], nodeFiles: n8n.nodes || [], credentialFiles: n8n.credentials || [] };
for (const f of out.nodeFiles) { const n = load(f); const d = n.description || (n.nodeVersions && Object.values(n.nodeVersions)[0].description); out.nodes.push(pkg.name + '.' + (d.name || n.description.name)); }
for (const f of out.credentialFiles) out.credentials.push(load(f).name);
process.stdout.write(JSON.stringify(out));`;
	const env = { ...process.env, NODE_PATH: join(REPO_ROOT, 'node_modules') }; // n8n-workflow for unpacked copies
	const out = execFileSync(process.execPath, ['-e', script, pkgDir], { cwd: REPO_ROOT, encoding: 'utf8', env });
	return JSON.parse(out);
}

const expectedCache = new Map<string, ExpectedTypes>();

/** expectedTypes() of what a tarball contains (unpacked into a temp folder). */
export function expectedTypesOfTarball(tarball: string): ExpectedTypes {
	let e = expectedCache.get(tarball);
	if (!e) {
		const work = mkdtempSync(join(tmpdir(), 'mediax-expect-'));
		try {
			sh('tar', ['-xzf', tarball, '-C', work], work);
			e = expectedTypes(join(work, 'package'));
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
		expectedCache.set(tarball, e);
	}
	return e;
}

/**
 * A copy of a tarball with some files changed (for "a broken package must fail the harness" tests).
 * `mutate` gets the unpacked package folder.
 */
export function packVariant(tarball: string, mutate: (pkgDir: string) => void): string {
	const work = mkdtempSync(join(tmpdir(), 'mediax-variant-'));
	sh('tar', ['-xzf', tarball, '-C', work], work);
	const pkgDir = join(work, 'package');
	mutate(pkgDir);
	return packDir(pkgDir, join(work, 'out'));
}

/** All files below a folder (relative paths), for picking one to corrupt. */
export function listFiles(dir: string, rel = ''): string[] {
	const out: string[] = [];
	for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
		const p = rel ? `${rel}/${e.name}` : e.name;
		if (e.isDirectory()) out.push(...listFiles(dir, p));
		else out.push(p);
	}
	return out;
}
