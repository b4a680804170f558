// `npm run test:e2e [-- --only 2.41.1] [jest args…]`: installs Node 24 and the pinned n8n versions (cached),
// builds and packs the package once, then runs the e2e jest suite once per n8n version.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureN8n, N8N_VERSIONS, REPO_ROOT } from './lib/install';
import { buildAndPack } from './lib/package';

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	let versions: string[] = [...N8N_VERSIONS];
	const jestArgs: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--only') versions = args[++i].split(',');
		else if (args[i].startsWith('--only=')) versions = args[i].slice('--only='.length).split(',');
		else jestArgs.push(args[i]);
	}
	const t0 = Date.now();
	for (const v of versions) await ensureN8n(v);
	const tInstalled = Date.now();
	const tarball = buildAndPack((m) => console.log(m));
	console.log(`[e2e] n8n ${versions.join(', ')} ready in ${Math.round((tInstalled - t0) / 1000)} s; package ${tarball}`);

	const results: Array<{ version: string; code: number; seconds: number }> = [];
	for (const version of versions) {
		const t = Date.now();
		console.log(`\n[e2e] ===== n8n ${version} =====`);
		const code = await new Promise<number>((resolve) => {
			const child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', join(REPO_ROOT, 'jest.e2e.config.js'), ...jestArgs], {
				cwd: REPO_ROOT,
				stdio: 'inherit',
				env: { ...process.env, MEDIAX_N8N_VERSION: version, MEDIAX_TARBALL: tarball },
			});
			const forward = (sig: NodeJS.Signals) => child.kill(sig);
			process.on('SIGINT', forward);
			process.on('SIGTERM', forward);
			child.on('exit', (c, sig) => {
				process.off('SIGINT', forward);
				process.off('SIGTERM', forward);
				resolve(c ?? (sig ? 1 : 0));
			});
		});
		results.push({ version, code, seconds: Math.round((Date.now() - t) / 1000) });
	}
	console.log('\n[e2e] summary');
	for (const r of results) console.log(`  n8n ${r.version.padEnd(9)} ${r.code === 0 ? 'PASS' : `FAIL (${r.code})`}  ${r.seconds} s`);
	console.log(`  total ${Math.round((Date.now() - t0) / 1000)} s`);
	return results.some((r) => r.code !== 0) ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error('[e2e]', e?.message ?? e);
		process.exit(1);
	},
);
