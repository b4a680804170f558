import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { readBody } from './core/body';
import type { Fault, LogEntry, ParsedBody, PlatformModule, SimContext, SimulatorApi } from './core/types';
import { platformModules } from './platforms';

export interface SimulatorOptions {
	port?: number;
	host?: string;
	/** extra platform modules (tests); the built-in ones are always loaded */
	platforms?: PlatformModule[];
	quiet?: boolean;
}

export interface RunningSimulator extends SimulatorApi {
	port: number;
	close(): Promise<void>;
	platforms: Map<string, PlatformModule>;
	faults: Fault[];
	reset(): void;
	advanceClock(seconds: number): void;
}

/** 1×1 PNG: a real image for demos and tests that upload pictures. */
const SAMPLE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** Sample files for demos: /__samples/video.mp4?mb=N (streamed filler bytes), /__samples/image.png, /__samples/cover.jpg. */
function serveSample(res: ServerResponse, name: string, query: Record<string, string>) {
	if (name === 'video.mp4') {
		const mb = Math.min(4096, Math.max(1, Number(query.mb ?? 3)));
		res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(mb * 1024 * 1024), 'content-disposition': 'attachment; filename="sample.mp4"' });
		const block = Buffer.alloc(1024 * 1024, 0x42);
		let sent = 0;
		const pump = () => {
			while (sent < mb) {
				sent++;
				if (!res.write(block)) return void res.once('drain', pump);
			}
			res.end();
		};
		return pump();
	}
	if (name === 'image.png' || name === 'cover.jpg') {
		const type = name.endsWith('.png') ? 'image/png' : 'image/jpeg';
		res.writeHead(200, { 'content-type': type, 'content-disposition': `attachment; filename="${name}"` });
		return void res.end(SAMPLE_PNG);
	}
	res.writeHead(404, { 'content-type': 'text/plain' });
	res.end('no such sample');
}

/** Starts the platform simulator on loopback. Each platform lives under /<name>/, admin under /__admin/. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
	const host = options.host ?? '127.0.0.1';
	const uploadDir = mkdtempSync(join(tmpdir(), 'mediax-sim-'));
	const modules = new Map<string, PlatformModule>();
	for (const m of [...platformModules(), ...(options.platforms ?? [])]) modules.set(m.name, m);
	const log: LogEntry[] = [];
	let seq = 0;
	let clockOffsetMs = 0;
	let faultSeq = 0;
	const faults: Fault[] = [];
	const sockets = new Set<import('node:net').Socket>();

	const sim: RunningSimulator = {
		port: 0,
		baseUrl: '',
		uploadDir,
		log,
		platforms: modules,
		faults,
		now: () => Date.now() + clockOffsetMs,
		reset() {
			log.length = 0;
			faults.length = 0;
			clockOffsetMs = 0;
			for (const m of modules.values()) m.reset();
		},
		advanceClock(seconds: number) {
			clockOffsetMs += seconds * 1000;
		},
		close: async () => {
			for (const s of sockets) s.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			rmSync(uploadDir, { recursive: true, force: true });
		},
	};

	function takeFault(platform: string, path: string): Fault | undefined {
		for (const f of faults) {
			if (f.platform !== platform && f.platform !== '*') continue;
			if (f.match) {
				const ok = f.match.startsWith('^') ? new RegExp(f.match).test(path) : path.startsWith(f.match);
				if (!ok) continue;
			}
			if (f.after && f.after > 0) {
				f.after--;
				continue;
			}
			if (f.count > 0) f.count--;
			if (f.count === 0) faults.splice(faults.indexOf(f), 1);
			return f;
		}
		return undefined;
	}

	async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, query: Record<string, string>) {
		const reply = (status: number, payload: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(payload));
		};
		let body: any = {};
		if (req.method === 'POST') {
			const parsed = await readBody(req, uploadDir, () => undefined);
			body = parsed.json ?? parsed.form ?? {};
		}
		if (path === '/log' && req.method === 'GET') {
			const since = Number(query.since ?? 0);
			return reply(200, log.filter((e) => e.seq > since && (!query.platform || e.platform === query.platform)));
		}
		if (path === '/log/clear' && req.method === 'POST') {
			log.length = 0;
			return reply(200, { ok: true });
		}
		if (path === '/reset' && req.method === 'POST') {
			sim.reset();
			return reply(200, { ok: true });
		}
		if (path === '/clock' && req.method === 'POST') {
			sim.advanceClock(Number(body.advanceSeconds ?? 0));
			return reply(200, { now: sim.now() });
		}
		if (path === '/faults' && req.method === 'POST') {
			const fault: Fault = { id: ++faultSeq, platform: String(body.platform ?? '*'), type: body.type, count: Number(body.count ?? 1), ...body };
			fault.id = faultSeq;
			faults.push(fault);
			return reply(200, fault);
		}
		if (path === '/faults' && req.method === 'DELETE') {
			faults.length = 0;
			return reply(200, { ok: true });
		}
		if (path === '/faults' && req.method === 'GET') return reply(200, faults);
		const m = /^\/([a-z0-9]+)\/([a-zA-Z0-9-]+)$/.exec(path);
		const mod = m && modules.get(m[1]);
		if (m && mod?.admin) {
			try {
				return reply(200, (await mod.admin(m[2], body, sim)) ?? { ok: true });
			} catch (e) {
				return reply(400, { error: (e as Error).message });
			}
		}
		return reply(404, { error: `unknown admin route ${req.method} ${path}` });
	}

	const server: Server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://sim');
		const query = Object.fromEntries(url.searchParams);
		try {
			if (url.pathname === '/' || url.pathname === '/healthz') {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ ok: true, platforms: [...modules.keys()] }));
				return;
			}
			if (url.pathname.startsWith('/__admin/')) return await handleAdmin(req, res, url.pathname.slice('/__admin'.length), query);
			if (url.pathname.startsWith('/__samples/')) return serveSample(res, url.pathname.slice('/__samples/'.length), query);
			const m = /^\/([a-z0-9]+)(\/.*)?$/.exec(url.pathname);
			const mod = m && modules.get(m[1]);
			if (!m || !mod) {
				res.writeHead(404, { 'content-type': 'text/plain' });
				res.end('no such platform');
				return;
			}
			const path = m[2] ?? '/';
			const entry: LogEntry = {
				seq: ++seq,
				at: sim.now(),
				platform: mod.name,
				method: req.method ?? 'GET',
				path,
				query,
				contentType: req.headers['content-type'] ?? '',
				bytesIn: 0,
			};
			log.push(entry);
			let parsed: Promise<ParsedBody> | undefined;
			const fault = takeFault(mod.name, path);
			if (fault?.type === 'drop') {
				// read part of the body, then cut the connection the way a flaky network does
				const limit = fault.afterBytes ?? 0;
				entry.note = `fault:drop after ${limit} bytes`;
				let seen = 0;
				if (limit <= 0) {
					req.socket.destroy();
					return;
				}
				req.on('data', (c: Buffer) => {
					seen += c.length;
					entry.bytesIn = seen;
					if (seen >= limit) req.socket.destroy();
				});
				req.on('end', () => req.socket.destroy());
				return;
			}
			const ctx: SimContext = {
				req,
				res,
				platform: mod.name,
				method: req.method ?? 'GET',
				path,
				query,
				headers: req.headers,
				contentType: (req.headers['content-type'] ?? '').toLowerCase(),
				log: entry,
				baseUrl: sim.baseUrl,
				remoteAddress: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
				now: sim.now,
				body: () => (parsed ??= readBody(req, uploadDir, (n) => (entry.bytesIn = (entry.bytesIn ?? 0) + n))),
				json(status, payload, headers = {}) {
					entry.status = status;
					res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
					res.end(JSON.stringify(payload));
				},
				send(status, payload, contentType, headers = {}) {
					entry.status = status;
					res.writeHead(status, { 'content-type': contentType, ...headers });
					res.end(payload);
				},
				html(status, html) {
					entry.status = status;
					res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
					res.end(html);
				},
				redirect(location) {
					entry.status = 302;
					res.writeHead(302, { location });
					res.end();
				},
			};
			if (fault?.type === 'admin' && fault.action) {
				// e.g. revoke the platform's tokens exactly at the Nth request of a batch
				entry.note = `fault:admin ${fault.action}`;
				await mod.admin?.(fault.action, fault.body ?? {}, sim);
			} else if (fault?.type === 'slow') {
				entry.note = `fault:slow ${fault.delayMs}ms`;
				await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
			} else if (fault?.type === 'http') {
				entry.note = `fault:http ${fault.status}`;
				await ctx.body().catch(() => undefined);
				const retryAfter = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : undefined;
				ctx.send(fault.status ?? 500, fault.message ?? '<html><body>Internal Server Error</body></html>', 'text/html', retryAfter);
				return;
			} else if (fault && (fault.type === 'rateLimit' || fault.type === 'platformError')) {
				entry.note = `fault:${fault.type}`;
				await ctx.body().catch(() => undefined);
				if (mod.faultResponse) {
					mod.faultResponse(ctx, fault);
					return;
				}
				ctx.json(fault.type === 'rateLimit' ? 429 : 500, { error: fault.type });
				return;
			}
			const handled = await mod.handle(ctx);
			if (!handled && !res.headersSent) {
				entry.status = 404;
				res.writeHead(404, { 'content-type': 'text/plain' });
				res.end(`simulator: no route ${req.method} /${mod.name}${path}`);
			}
		} catch (e) {
			if (!res.headersSent) {
				res.writeHead(500, { 'content-type': 'text/plain' });
				res.end(`simulator error: ${(e as Error).message}`);
			} else res.destroy();
		}
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	sim.port = (server.address() as AddressInfo).port;
	sim.baseUrl = `http://${host}:${sim.port}`;
	return sim;
}
