// Runs a real n8n (child process on its own Node) with the packed package installed like a user's manual install,
// next to the platform simulator; sets up the owner and an API key and gives tests a small API.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../simulator/src/server';
import { DEFAULT_N8N_VERSION, ensureN8n, n8nMajor, n8nRuntime } from './install';
import { buildAndPack, expectedTypesOfTarball, installIntoUserFolder, PACKAGE_NAME, type ExpectedTypes } from './package';

export type { RunningSimulator };

export interface N8nHarness {
	version: string;
	baseUrl: string;
	sim: RunningSimulator;
	userFolder: string;
	pid: number;
	cookie: string;
	apiKey: string;
	createCredential(c: { name: string; type: string; data: Record<string, unknown> }): Promise<string>;
	exportCredential(id: string): Promise<Record<string, any>>;
	createWorkflow(wf: Record<string, unknown>, opts?: { activate?: boolean }): Promise<string>;
	callWebhook(path: string, opts?: { method?: string; body?: unknown; query?: Record<string, string> }): Promise<{ status: number; body: any }>;
	connectOAuth2(credentialId: string, opts?: { browser?: boolean }): Promise<void>;
	/** authenticated call to n8n's internal REST API (`/rest/...`, `/types/...`) with the owner cookie */
	rest(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
	/** call to the public API (`/api/v1/...`) with the API key */
	api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
	/** runs an n8n CLI command (e.g. `execute --id=…`) as a second n8n process on the same database */
	cli(args: string[], timeoutMs?: number): Promise<string>;
	output(): string;
	peakRssMb(): number;
	/** resets the peak (VmHWM) to the current RSS, so the next peakRssMb() is the peak of what runs in between; returns that RSS (MB) */
	resetPeakRss(): number;
	stop(): Promise<void>;
}

export interface StartOptions {
	version?: string;
	env?: Record<string, string>;
	sim?: RunningSimulator;
	/** install this tarball instead of the built package */
	tarball?: string;
	/** types that must be loaded (default: those the tarball declares in its package.json `n8n` block); false to skip */
	expect?: Pick<ExpectedTypes, 'nodes' | 'credentials'> | false;
	/** keep this user folder (and its owner) instead of a temp one; it is not removed on stop() */
	userFolder?: string;
	port?: number;
	owner?: { email: string; password: string; firstName?: string; lastName?: string };
	encryptionKey?: string;
	startTimeoutMs?: number;
	log?: (msg: string) => void;
	/** host name in n8n's public URLs (editor, webhooks, OAuth redirect); n8n still listens on 127.0.0.1 only */
	publicHost?: string;
	/** gets everything n8n prints, as it arrives */
	onOutput?: (chunk: string) => void;
}

export const E2E_OWNER = { email: 'e2e@mediax.local', password: 'E2e-Passw0rd!', firstName: 'E2E', lastName: 'Owner' };

const API_SCOPES = [
	'credential:create',
	'credential:delete',
	'credential:move',
	'workflow:create',
	'workflow:read',
	'workflow:update',
	'workflow:delete',
	'workflow:list',
	'workflow:activate',
	'workflow:deactivate',
	'execution:read',
	'execution:list',
	'execution:delete',
];

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as import('node:net').AddressInfo).port;
			srv.close(() => resolve(port));
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readJson(res: Response): Promise<any> {
	const text = await res.text();
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return text;
	}
}

/** The environment of one n8n process (main, worker or CLI) of this harness; also used by e2e/lib/queue.ts. */
export function n8nEnv(version: string, port: number, brokerPort: number, userFolder: string, key: string, extra: Record<string, string>, host = '127.0.0.1'): NodeJS.ProcessEnv {
	const rt = n8nRuntime(version);
	const base = `http://${host}:${port}/`;
	const env: NodeJS.ProcessEnv = {};
	// keep the parent's basics but nothing of a parent `npm run` / jest / n8n config
	for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|N8N_|DB_|WEBHOOK_URL|EXECUTIONS_|QUEUE_|NODE_OPTIONS|JEST_|MEDIAX_)/i.test(k)) env[k] = v;
	Object.assign(env, {
		PATH: rt.path,
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: key,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: host,
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: base,
		N8N_WEBHOOK_URL: base,
		WEBHOOK_URL: base,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_HIDE_USAGE_PAGE: 'true',
		N8N_LOG_LEVEL: 'info',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		NODE_ENV: 'production',
	});
	if (n8nMajor(version) < 2) env.N8N_RUNNERS_ENABLED = 'false';
	Object.assign(env, extra);
	return env;
}

/** Runs an n8n CLI command (its own process and task-broker port) and returns its output. */
async function runCli(version: string, env: NodeJS.ProcessEnv, args: string[], timeoutMs = 120_000): Promise<string> {
	const rt = n8nRuntime(version);
	const childEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	return new Promise((resolve, reject) => {
		const child = spawn(rt.node, [rt.n8nBin, ...args], { env: childEnv, cwd: env.N8N_USER_FOLDER, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let out = '';
		child.stdout!.on('data', (c) => (out += c));
		child.stderr!.on('data', (c) => (out += c));
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {}
			reject(new Error(`n8n ${args.join(' ')} timed out:\n${out.slice(-3000)}`));
		}, timeoutMs);
		child.on('exit', (code) => {
			clearTimeout(timer);
			if (code === 0) resolve(out);
			else reject(new Error(`n8n ${args.join(' ')} exited ${code}:\n${out.slice(-3000)}`));
		});
	});
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	try {
		process.kill(-child.pid!, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {}
	}
}

/** children killed when this process exits, whatever happened (queue.ts adds its workers and servers) */
export const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
	for (const c of liveChildren) killGroup(c, 'SIGKILL');
});

/** Finds the consent link/form (`id="agree"`) on a simulator authorize page and returns the request it makes. */
export function parseConsentPage(html: string, pageUrl: string): { method: string; url: string; body?: string } {
	const tag = /<(a|button|input|form)\b[^>]*\bid\s*=\s*["']agree["'][^>]*>/i.exec(html);
	if (!tag) throw new Error(`consent page has no #agree element:\n${html.slice(0, 2000)}`);
	const attr = (s: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(s)?.[1];
	const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
	if (tag[1].toLowerCase() === 'a') return { method: 'GET', url: new URL(unescape(attr(tag[0], 'href') ?? ''), pageUrl).href };
	// a button/input inside a form, or the form itself
	const forms = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)];
	const form = forms.find((f) => f.index! <= tag.index && f.index! + f[0].length >= tag.index) ?? forms[0];
	if (!form) throw new Error('consent page: #agree is not inside a form');
	const open = /<form\b[^>]*>/i.exec(form[0])![0];
	const method = (attr(open, 'method') ?? 'GET').toUpperCase();
	const action = new URL(unescape(attr(open, 'action') ?? pageUrl), pageUrl);
	const params = new URLSearchParams();
	for (const input of form[0].matchAll(/<input\b[^>]*>/gi)) {
		const name = attr(input[0], 'name');
		const type = (attr(input[0], 'type') ?? 'text').toLowerCase();
		if (!name || ((type === 'submit' || type === 'button') && input.index !== tag.index - form.index!)) continue;
		if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/i.test(input[0])) continue;
		params.append(name, unescape(attr(input[0], 'value') ?? ''));
	}
	const btnName = attr(tag[0], 'name');
	if (btnName && tag[1].toLowerCase() === 'button') params.append(btnName, unescape(attr(tag[0], 'value') ?? ''));
	if (method === 'GET') {
		for (const [k, v] of params) action.searchParams.append(k, v);
		return { method, url: action.href };
	}
	return { method, url: action.href, body: params.toString() };
}

export async function startN8n(opts: StartOptions = {}): Promise<N8nHarness> {
	const log = opts.log ?? (() => undefined);
	const version = opts.version ?? process.env.MEDIAX_N8N_VERSION ?? DEFAULT_N8N_VERSION;
	await ensureN8n(version, (m) => console.log(m));
	const tarball = opts.tarball ?? buildAndPack(log);
	const expected = opts.expect === false ? undefined : (opts.expect ?? expectedTypesOfTarball(tarball));

	const ownSim = !opts.sim;
	const sim = opts.sim ?? (await startSimulator({ quiet: true }));
	const tempFolder = !opts.userFolder;
	const userFolder = opts.userFolder ?? mkdtempSync(join(tmpdir(), `mediax-n8n-${version}-`));
	const cleanup: Array<() => Promise<void> | void> = [];
	if (ownSim) cleanup.push(() => sim.close());
	if (tempFolder) cleanup.push(() => rmSync(userFolder, { recursive: true, force: true }));
	const runCleanup = async () => {
		for (const f of cleanup.splice(0).reverse()) await Promise.resolve(f()).catch(() => undefined);
	};

	let child: ChildProcess | undefined;
	let output = '';
	let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

	try {
		installIntoUserFolder(userFolder, tarball);
		const port = opts.port ?? (await freePort());
		let brokerPort = await freePort();
		while (brokerPort === port) brokerPort = await freePort();
		const key = opts.encryptionKey ?? `mediax-e2e-${randomBytes(12).toString('hex')}`;
		const env = n8nEnv(version, port, brokerPort, userFolder, key, opts.env ?? {}, opts.publicHost);
		const rt = n8nRuntime(version);
		const baseUrl = `http://127.0.0.1:${port}`;

		log(`[n8n ${version}] starting on ${baseUrl} (user folder ${userFolder})`);
		const t0 = Date.now();
		child = spawn(rt.node, [rt.n8nBin, 'start'], { env, cwd: userFolder, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		liveChildren.add(child);
		const c = child;
		const onData = (d: Buffer) => {
			output += d;
			opts.onOutput?.(d.toString());
		};
		c.stdout!.on('data', onData);
		c.stderr!.on('data', onData);
		const exitedP = new Promise<void>((resolve) =>
			c.on('exit', (code, signal) => {
				exited = { code, signal };
				liveChildren.delete(c);
				resolve();
			}),
		);
		const stopChild = async () => {
			if (exited) return;
			killGroup(c, 'SIGTERM');
			const done = await Promise.race([exitedP.then(() => true), sleep(15_000).then(() => false)]);
			if (!done) {
				killGroup(c, 'SIGKILL');
				await Promise.race([exitedP, sleep(5_000)]);
			}
			// whatever is left in the group (task runners)
			killGroup(c, 'SIGKILL');
		};
		cleanup.push(stopChild);

		// readiness: REST answers after "Editor is now accessible"
		const deadline = Date.now() + (opts.startTimeoutMs ?? 180_000);
		for (;;) {
			if (exited) throw new Error(`n8n ${version} exited during startup (${exited.signal ?? exited.code})`);
			if (Date.now() > deadline) throw new Error(`n8n ${version} did not become ready in time`);
			if (/Editor is now accessible/.test(output)) {
				const r = await fetch(`${baseUrl}/rest/settings`).catch(() => undefined);
				if (r?.ok) break;
			}
			await sleep(250);
		}
		log(`[n8n ${version}] ready in ${Date.now() - t0} ms`);

		// owner: set up once, else log in
		const owner = { ...E2E_OWNER, ...(opts.owner ?? {}) };
		const cookieFrom = (res: Response) => {
			const all = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [res.headers.get('set-cookie') ?? ''];
			const m = all.map((s) => /(?:^|\s|,)n8n-auth=([^;]+)/.exec(s)).find(Boolean);
			return m ? `n8n-auth=${m[1]}` : '';
		};
		const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
			fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
		let res = await post('/rest/owner/setup', owner);
		let cookie = res.ok ? cookieFrom(res) : '';
		if (!cookie) {
			res = await post('/rest/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
			cookie = res.ok ? cookieFrom(res) : '';
			if (!cookie) throw new Error(`n8n login failed: ${res.status} ${await res.text()}`);
		}

		const rest = async (method: string, path: string, body?: unknown) => {
			const r = await fetch(`${baseUrl}${path}`, {
				method,
				headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: r.status, body: await readJson(r) };
		};

		// API key (scopes exist in both versions here; retry without them for older variants)
		let keyRes = await rest('POST', '/rest/api-keys', { label: `e2e-${Date.now()}`, expiresAt: null, scopes: API_SCOPES });
		if (keyRes.status >= 400) keyRes = await rest('POST', '/rest/api-keys', { label: `e2e-${Date.now()}`, expiresAt: null });
		const apiKey: string | undefined = keyRes.body?.data?.rawApiKey ?? keyRes.body?.data?.apiKey;
		if (!apiKey) throw new Error(`could not create an API key: ${keyRes.status} ${JSON.stringify(keyRes.body)}`);

		const api = async (method: string, path: string, body?: unknown) => {
			const r = await fetch(`${baseUrl}/api/v1${path}`, {
				method,
				headers: { 'x-n8n-api-key': apiKey, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: r.status, body: await readJson(r) };
		};

		// the package under test must be loaded completely
		if (expected) {
			const nodes = await rest('GET', '/types/nodes.json');
			const creds = await rest('GET', '/types/credentials.json');
			if (nodes.status !== 200 || creds.status !== 200) throw new Error(`/types/*.json: ${nodes.status} ${creds.status}`);
			const nodeNames = new Set<string>((nodes.body as any[]).map((n) => n.name));
			const credNames = new Set<string>((creds.body as any[]).map((n) => n.name));
			const missing = [...expected.nodes.filter((n) => !nodeNames.has(n)), ...expected.credentials.filter((n) => !credNames.has(n))];
			if (missing.length) throw new Error(`package ${PACKAGE_NAME} not fully loaded by n8n ${version}; missing types: ${missing.join(', ')}`);
		}

		const h: N8nHarness = {
			version,
			baseUrl,
			sim,
			userFolder,
			pid: c.pid!,
			cookie,
			apiKey,
			rest,
			api,
			async createCredential(cred) {
				const r = await api('POST', '/credentials', cred);
				if (r.status < 300 && r.body?.id) return String(r.body.id);
				// 1.123's public API validates `data` with a JSON schema built from displayOptions that wrongly requires
				// fields of hidden branches (e.g. oAuth2Api `serverUrl`); the editor's own REST route has no such check
				if (r.status === 400 && /schema|requires property/i.test(JSON.stringify(r.body))) {
					const x = await rest('POST', '/rest/credentials', cred);
					const id = x.body?.data?.id ?? x.body?.id;
					if (x.status < 300 && id) return String(id);
					throw new Error(`create credential ${cred.type}: public API ${r.status} ${JSON.stringify(r.body)}; REST ${x.status} ${JSON.stringify(x.body)}`);
				}
				throw new Error(`create credential ${cred.type}: ${r.status} ${JSON.stringify(r.body)}`);
			},
			async exportCredential(id) {
				const file = join(userFolder, `export-${id}-${Date.now()}.json`);
				await runCli(version, env, ['export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`]);
				const data = JSON.parse(readFileSync(file, 'utf8'));
				rmSync(file, { force: true });
				const cred = Array.isArray(data) ? data[0] : data;
				if (!cred) throw new Error(`credential ${id} not found by export:credentials`);
				return cred.data;
			},
			async createWorkflow(wf, o = {}) {
				const body: Record<string, unknown> = {
					name: wf.name ?? `e2e ${Date.now()}`,
					nodes: wf.nodes,
					connections: wf.connections ?? {},
					settings: wf.settings ?? { executionOrder: 'v1' },
				};
				if (wf.staticData) body.staticData = wf.staticData;
				const r = await api('POST', '/workflows', body);
				if (r.status >= 300 || !r.body?.id) throw new Error(`create workflow: ${r.status} ${JSON.stringify(r.body)}`);
				const id = String(r.body.id);
				if (o.activate ?? true) {
					let a = await api('POST', `/workflows/${id}/activate`);
					if (a.status === 404 || a.status === 405) a = await api('POST', `/workflows/${id}/publish`);
					if (a.status >= 300) throw new Error(`activate workflow ${id}: ${a.status} ${JSON.stringify(a.body)}`);
				}
				return id;
			},
			async callWebhook(path, o = {}) {
				const url = new URL(`${baseUrl}/webhook/${path.replace(/^\//, '')}`);
				for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
				const method = o.method ?? (o.body === undefined ? 'GET' : 'POST');
				const until = Date.now() + 15_000;
				for (;;) {
					const r = await fetch(url, {
						method,
						headers: o.body === undefined ? {} : { 'content-type': 'application/json' },
						body: o.body === undefined ? undefined : JSON.stringify(o.body),
					});
					const body = await readJson(r);
					// right after activation the webhook is briefly "not registered"; that reply runs nothing, so retry
					if (r.status === 404 && /not registered/i.test(JSON.stringify(body)) && Date.now() < until) {
						await sleep(300);
						continue;
					}
					return { status: r.status, body };
				}
			},
			async connectOAuth2(credentialId, o = {}) {
				const auth = await rest('GET', `/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`);
				const authorizeUrl: string | undefined = auth.body?.data;
				if (auth.status !== 200 || typeof authorizeUrl !== 'string') throw new Error(`oauth2 auth url: ${auth.status} ${JSON.stringify(auth.body)}`);
				const callbackPrefix = `http://${opts.publicHost ?? '127.0.0.1'}:${port}/rest/oauth2-credential/callback`;
				const page = o.browser ? await connectWithBrowser(authorizeUrl, callbackPrefix, baseUrl, cookie) : await connectWithHttp(authorizeUrl, callbackPrefix, cookie);
				if (page.status >= 400 || /Error[:!]|invalid|Unauthorized/i.test(stripTags(page.html)))
					throw new Error(`oauth2 callback failed (${page.status}): ${stripTags(page.html).slice(0, 500)}`);
			},
			cli: (args, timeoutMs) => runCli(version, env, args, timeoutMs),
			output: () => output,
			peakRssMb() {
				try {
					const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${c.pid}/status`, 'utf8'));
					return m ? Math.round(Number(m[1]) / 1024) : NaN;
				} catch {
					return NaN;
				}
			},
			resetPeakRss() {
				writeFileSync(`/proc/${c.pid}/clear_refs`, '5');
				const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${c.pid}/status`, 'utf8'));
				return m ? Math.round(Number(m[1]) / 1024) : NaN;
			},
			stop: runCleanup,
		};
		return h;
	} catch (e) {
		const tailText = output.split('\n').slice(-60).join('\n');
		await runCleanup();
		const err = e as Error;
		err.message = `${err.message}\n----- n8n ${version} log tail -----\n${tailText}\n-----`;
		throw err;
	}
}

function stripTags(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>/gi, ' ')
		.replace(/<style[\s\S]*?<\/style>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Plain HTTP: authorize page → #agree → redirects → n8n callback (with the owner cookie). */
async function connectWithHttp(authorizeUrl: string, callbackPrefix: string, cookie: string): Promise<{ status: number; html: string }> {
	let req: { method: string; url: string; body?: string } = { method: 'GET', url: authorizeUrl };
	for (let hop = 0; hop < 10; hop++) {
		if (req.url.startsWith(callbackPrefix)) {
			const r = await fetch(req.url, { headers: { cookie }, redirect: 'manual' });
			return { status: r.status, html: await r.text() };
		}
		const r = await fetch(req.url, {
			method: req.method,
			redirect: 'manual',
			headers: req.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
			body: req.body,
		});
		const loc = r.headers.get('location');
		if (r.status >= 300 && r.status < 400 && loc) {
			await r.arrayBuffer();
			req = { method: 'GET', url: new URL(loc, req.url).href };
			continue;
		}
		const html = await r.text();
		if (r.status >= 400) throw new Error(`oauth2 authorize step ${req.url} → ${r.status}: ${html.slice(0, 500)}`);
		req = parseConsentPage(html, req.url);
	}
	throw new Error('oauth2: too many hops before the n8n callback');
}

/** Real browser: Chromium with the owner's session cookie opens the authorize URL, clicks #agree, lands on n8n's callback page. */
async function connectWithBrowser(authorizeUrl: string, callbackPrefix: string, baseUrl: string, cookie: string): Promise<{ status: number; html: string }> {
	const { context, close } = await launchChromium();
	try {
		const [name, ...rest] = cookie.split('=');
		await context.addCookies([{ name, value: rest.join('='), url: baseUrl }]);
		const page = await context.newPage();
		let status = 0;
		page.on('response', (r) => {
			if (r.url().startsWith(callbackPrefix)) status = r.status();
		});
		await page.goto(authorizeUrl, { waitUntil: 'domcontentloaded' });
		await Promise.all([page.waitForURL((u) => u.href.startsWith(callbackPrefix), { timeout: 30_000, waitUntil: 'load' }), page.click('#agree')]);
		const html = await page.content().catch(() => '');
		return { status, html };
	} finally {
		await close();
	}
}

/** Debian Chromium, headless, with a new empty profile; close() also removes the profile. */
export async function launchChromium(opts: { viewport?: { width: number; height: number } } = {}): Promise<{ context: import('playwright-core').BrowserContext; close: () => Promise<void> }> {
	const { chromium } = await import('playwright-core');
	const executablePath = process.env.MEDIAX_CHROMIUM ?? '/usr/bin/chromium';
	if (!existsSync(executablePath)) throw new Error(`${executablePath} missing (apt-get install -y chromium)`);
	const profile = mkdtempSync(join(tmpdir(), 'mediax-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		viewport: opts.viewport,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	return {
		context,
		close: async () => {
			await context.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
