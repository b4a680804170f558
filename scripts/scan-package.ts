// Runs n8n's community-package scanner offline: on the repository source (as it scans the attested GitHub source)
// and on the unpacked `npm pack` tarball (as it scans the published package). Exits non-zero on any finding.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

async function main() {
	const root = resolve(__dirname, '..');
	const scanner = await import(require.resolve('@n8n/scan-community-package/scanner/scanner.mjs'));
	const work = mkdtempSync(join(tmpdir(), 'mediax-scan-'));
	let failed = false;
	try {
		const source = await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS);
		report('source (package.json, nodes/, credentials/)', source);
		failed ||= !source.passed;

		execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
		const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
		execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
		const packed = await scanner.analyzePackage(join(work, 'package'), ['**/*.js', 'package.json']);
		report(`tarball ${tarball}`, packed);
		failed ||= !packed.passed;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	process.exit(failed ? 1 : 0);
}

function report(what: string, result: { passed: boolean; message?: string; details?: string }) {
	console.log(`${result.passed ? 'PASS' : 'FAIL'} scan of ${what}${result.message ? `: ${result.message}` : ''}`);
	if (result.details) console.log(result.details);
}

void main();
