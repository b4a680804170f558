// `npm start`: the package in a real n8n 2.41.1 on http://localhost:5678 next to the platform simulator, with a
// persistent user folder (.demo/n8n), a fixed owner, and the sample credentials/workflows of e2e/fixtures/demo/.
// One host name everywhere: n8n's public URLs, the OAuth redirects, the simulator links and the printed steps all say
// localhost; 127.0.0.1:5678 redirects there (a front door in e2e/lib/canonicalHost.ts), so the login cookie always
// travels with the OAuth callback.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../simulator/src/server';
import { startCanonicalHost } from './lib/canonicalHost';
import { demoSteps, printSteps, type DemoCredential } from './lib/demoSteps';
import { freePort, startN8n, type N8nHarness } from './lib/harness';
import { ensureN8n, REPO_ROOT } from './lib/install';
import { buildAndPack } from './lib/package';
import { substituteDemo } from './lib/workflows';

const VERSION = '2.41.1';
// MEDIAX_DEMO_DIR: a throw-away demo folder (the browser suite replays the demo without touching .demo/)
const DEMO_DIR = process.env.MEDIAX_DEMO_DIR ?? join(REPO_ROOT, '.demo');
const USER_FOLDER = join(DEMO_DIR, 'n8n');
const OWNER_FILE = join(DEMO_DIR, 'owner.json');
const LOG_FILE = join(DEMO_DIR, 'n8n.log');
const FIXTURES = join(REPO_ROOT, 'e2e', 'fixtures', 'demo');
const PUBLIC_HOST = 'localhost';

async function startSimOnFreePort(first: number): Promise<RunningSimulator> {
	for (let port = first; port < first + 50; port++) {
		try {
			return await startSimulator({ port });
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
		}
	}
	throw new Error(`no free port in ${first}..${first + 49}`);
}

async function portIsFree(port: number): Promise<boolean> {
	const { createServer } = await import('node:net');
	return new Promise((resolve) => {
		const s = createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

function loadOwner(): { email: string; password: string; encryptionKey: string } {
	if (existsSync(OWNER_FILE)) return JSON.parse(readFileSync(OWNER_FILE, 'utf8'));
	const owner = {
		email: 'demo@mediax.local',
		password: `Demo-${randomBytes(6).toString('hex')}-9`,
		encryptionKey: randomBytes(24).toString('hex'),
	};
	mkdirSync(DEMO_DIR, { recursive: true });
	writeFileSync(OWNER_FILE, JSON.stringify(owner, null, 2) + '\n', { mode: 0o600 });
	return owner;
}


async function importFixtures(n8n: N8nHarness, simUrl: string, publicUrl: string, credentials: DemoCredential[]): Promise<string[]> {
	const notes: string[] = [];
	if (!existsSync(FIXTURES)) return ['(no e2e/fixtures/demo yet: nothing imported)'];
	const names = async (path: string): Promise<Map<string, string>> => {
		const r = await n8n.rest('GET', path);
		return new Map(((r.body?.data ?? []) as any[]).map((x) => [x.name, String(x.id)]));
	};
	const creds = await names('/rest/credentials');
	{
		for (const c of credentials) {
			if (creds.has(c.name)) continue;
			try {
				creds.set(c.name, await n8n.createCredential(c));
				notes.push(`credential "${c.name}" (${c.type}) imported`);
			} catch (e) {
				notes.push(`credential "${c.name}" NOT imported: ${(e as Error).message.split('\n')[0]}`);
			}
		}
	}
	const wfDir = join(FIXTURES, 'workflows');
	if (existsSync(wfDir)) {
		const existing = await names('/rest/workflows');
		for (const f of readdirSync(wfDir).filter((x) => x.endsWith('.json')).sort()) {
			const wf = substituteDemo(JSON.parse(readFileSync(join(wfDir, f), 'utf8')), simUrl, publicUrl) as Record<string, any>;
			wf.name ??= f.replace(/\.json$/, '');
			if (existing.has(wf.name)) continue;
			// point credential references at the imported credentials (by name)
			for (const node of wf.nodes ?? []) {
				for (const ref of Object.values<any>(node.credentials ?? {})) if (ref?.name && creds.has(ref.name)) ref.id = creds.get(ref.name);
			}
			try {
				const id = await n8n.createWorkflow(wf, { activate: false });
				let note = `workflow "${wf.name}" imported`;
				if (wf.active) {
					const a = await n8n.api('POST', `/workflows/${id}/activate`);
					note += a.status < 300 ? ' and activated' : ` (activation failed: ${JSON.stringify(a.body).slice(0, 200)})`;
				}
				notes.push(note);
			} catch (e) {
				notes.push(`workflow ${f} NOT imported: ${(e as Error).message.split('\n')[0]}`);
			}
		}
	}
	return notes;
}

function workflowNames(): string[] {
	const wfDir = join(FIXTURES, 'workflows');
	if (!existsSync(wfDir)) return [];
	return readdirSync(wfDir)
		.filter((x) => x.endsWith('.json'))
		.sort()
		.map((f) => String(JSON.parse(readFileSync(join(wfDir, f), 'utf8')).name ?? f.replace(/\.json$/, '')));
}

async function main() {
	const t0 = Date.now();
	await ensureN8n(VERSION);
	const tarball = buildAndPack((m) => console.log(m));
	const owner = loadOwner();
	mkdirSync(USER_FOLDER, { recursive: true });

	const sim = await startSimOnFreePort(Number(process.env.SIM_PORT ?? 4100));
	const simUrl = sim.baseUrl.replace('127.0.0.1', PUBLIC_HOST);
	let port = Number(process.env.N8N_DEMO_PORT ?? 5678);
	if (!(await portIsFree(port))) {
		const other = await freePort();
		console.warn(`port ${port} is busy; the demo uses ${other} instead`);
		port = other;
	}
	const url = `http://${PUBLIC_HOST}:${port}`;
	// n8n itself listens on an internal port behind the front door; its public URLs are the front door's
	const internalPort = await freePort();
	appendFileSync(LOG_FILE, `\n===== ${new Date().toISOString()} n8n ${VERSION} =====\n`);
	let n8n: N8nHarness;
	try {
		n8n = await startN8n({
			version: VERSION,
			sim,
			tarball,
			userFolder: USER_FOLDER,
			port: internalPort,
			publicHost: PUBLIC_HOST,
			env: { N8N_HOST: PUBLIC_HOST, N8N_EDITOR_BASE_URL: `${url}/`, N8N_WEBHOOK_URL: `${url}/`, WEBHOOK_URL: `${url}/` },
			owner: { email: owner.email, password: owner.password, firstName: 'Demo', lastName: 'Owner' },
			encryptionKey: owner.encryptionKey,
			onOutput: (chunk) => appendFileSync(LOG_FILE, chunk),
			log: (m) => console.log(m),
		});
	} catch (e) {
		await sim.close();
		throw e;
	}
	const door = await startCanonicalHost({ hostname: PUBLIC_HOST, port, target: internalPort });
	const credFile = join(FIXTURES, 'credentials.json');
	const credentials = (existsSync(credFile) ? substituteDemo(JSON.parse(readFileSync(credFile, 'utf8')), simUrl, url) : []) as DemoCredential[];
	const notes = await importFixtures(n8n, simUrl, url, credentials);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nstopping n8n and the simulator…');
		await door.close();
		await n8n.stop();
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const steps = demoSteps({ n8nUrl: url, email: owner.email, password: owner.password, simUrl, n8nVersion: VERSION, credentials, workflows: workflowNames() });
	console.log(`
================ MediaX demo ready in ${Math.round((Date.now() - t0) / 1000)} s ================
 n8n ${VERSION}      ${url}      (http://127.0.0.1:${port} redirects here)
   sign in as      ${owner.email}
   password        ${owner.password}        (saved in .demo/owner.json)
   log             .demo/n8n.log
 simulator         ${simUrl}
${[...sim.platforms.keys()].map((p) => `   ${p.padEnd(15)} ${simUrl}/${p}`).join('\n')}
   request log     ${simUrl}/__admin/log
 imported
${notes.map((n) => `   - ${n}`).join('\n') || '   (nothing new)'}

 Try it, step by step:
${printSteps(steps)}
 Ctrl-C stops n8n and the simulator (data stays in .demo/n8n; delete .demo/ to start over).
`);
}

main().catch((e) => {
	console.error(e?.message ?? e);
	process.exit(1);
});
