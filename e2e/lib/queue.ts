// n8n in queue mode, as users run it at scale: Redis + PostgreSQL 15 on loopback (own ports, own temp folders),
// one main (e2e/lib/harness.ts startN8n) and N workers (`n8n worker --concurrency 10`) sharing one user folder with
// the packed package installed, one encryption key, one database, a task-broker port per process.
// Everything started here is stopped by stop(), also when starting failed half-way.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../simulator/src/server';
import { freePort, killGroup, liveChildren, n8nEnv, startN8n, type N8nHarness } from './harness';
import { DEFAULT_N8N_VERSION, ensureN8n, n8nRuntime } from './install';
import { buildAndPack } from './package';

export const PG_BIN = process.env.MEDIAX_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const REDIS_SERVER = process.env.MEDIAX_REDIS_SERVER ?? '/usr/bin/redis-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Redis and PostgreSQL from Debian when missing (sudo when not root). */
export function ensureQueueServices(log: (m: string) => void = console.log): void {
	const missing: string[] = [];
	if (!existsSync(REDIS_SERVER)) missing.push('redis-server');
	if (!existsSync(join(PG_BIN, 'postgres')) || !existsSync(join(PG_BIN, 'initdb'))) missing.push('postgresql');
	if (!missing.length) return;
	log(`[queue] apt-get install ${missing.join(' ')}`);
	const sudo = isRoot() ? [] : ['sudo'];
	const run = (args: string[]) => {
		const [cmd, ...rest] = [...sudo, ...args];
		execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	};
	run(['apt-get', 'update']);
	run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
	// Debian starts the packaged services; ours run on their own ports and folders, so theirs are not needed
	spawnSync(sudo[0] ?? 'true', sudo.length ? ['service', 'redis-server', 'stop'] : [], { stdio: 'ignore' });
}

/** Root runs the servers as this unprivileged user (initdb refuses root); it owns their temp folders. */
function serviceUser(preferred: string): string | undefined {
	if (!isRoot()) return undefined;
	const ok = spawnSync('id', ['-u', preferred], { stdio: 'ignore' }).status === 0;
	return ok ? preferred : 'nobody';
}

function uidGid(user: string): { uid: number; gid: number } {
	return { uid: Number(execFileSync('id', ['-u', user]).toString().trim()), gid: Number(execFileSync('id', ['-g', user]).toString().trim()) };
}

interface ServerProcess {
	child: ChildProcess;
	output(): string;
	exited(): boolean;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

function spawnServer(cmd: string, args: string[], opts: { user?: string; cwd?: string; env?: NodeJS.ProcessEnv; logFile?: string }): ServerProcess {
	const [file, argv] = opts.user ? ['runuser', ['-u', opts.user, '--', cmd, ...args]] : [cmd, args];
	const child = spawn(file, argv as string[], { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	liveChildren.add(child);
	let out = '';
	let done = false;
	const onData = (d: Buffer) => {
		out += d;
		if (out.length > 2_000_000) out = out.slice(-1_000_000);
		if (opts.logFile) appendFileSync(opts.logFile, d);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	const exitedP = new Promise<void>((resolve) =>
		child.on('exit', () => {
			done = true;
			liveChildren.delete(child);
			resolve();
		}),
	);
	return {
		child,
		output: () => out,
		exited: () => done,
		async stop(signal = 'SIGTERM') {
			if (!done) {
				killGroup(child, signal);
				const ok = await Promise.race([exitedP.then(() => true), sleep(15_000).then(() => false)]);
				if (!ok) killGroup(child, 'SIGKILL');
				await Promise.race([exitedP, sleep(5_000)]);
			}
			killGroup(child, 'SIGKILL'); // whatever is left in the group (task runners)
		},
	};
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, proc: ServerProcess | undefined, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (proc?.exited()) throw new Error(`${what} exited during startup:\n${proc.output().slice(-3000)}`);
		if (Date.now() > deadline) throw new Error(`${what} not ready in ${timeoutMs} ms:\n${proc?.output().slice(-3000) ?? ''}`);
		await sleep(200);
	}
}

export interface QueueServices {
	redisPort: number;
	pgPort: number;
	pgUser: string;
	database: string;
	/** the n8n environment for these services */
	env: Record<string, string>;
	/** runs SQL through psql and returns its unaligned output */
	psql(sql: string): string;
	/** the whole database as SQL text (pg_dump), for the secrets audit */
	dump(): string;
	stop(): Promise<void>;
}

export async function startQueueServices(log: (m: string) => void = () => undefined): Promise<QueueServices> {
	ensureQueueServices(log);
	const root = mkdtempSync(join(tmpdir(), 'mediax-queue-svc-'));
	chmodSync(root, 0o755); // the service users own their sub-folders and must reach them
	const stops: Array<() => Promise<void> | void> = [() => rmSync(root, { recursive: true, force: true })];
	const stop = async () => {
		for (const f of stops.splice(0).reverse()) await Promise.resolve(f()).catch(() => undefined);
	};
	try {
		// Redis: no persistence, loopback only
		const redisUser = serviceUser('redis');
		const redisDir = join(root, 'redis');
		mkdirSync(redisDir);
		if (redisUser) chownSync(redisDir, uidGid(redisUser).uid, uidGid(redisUser).gid);
		const redisPort = await freePort();
		const redis = spawnServer(REDIS_SERVER, ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
			user: redisUser,
			cwd: redisDir,
		});
		stops.push(() => redis.stop());
		await waitFor('redis-server', () => /Ready to accept connections/.test(redis.output()), redis, 30_000);
		log(`[queue] redis on 127.0.0.1:${redisPort}`);

		// PostgreSQL 15: initdb with trust auth on loopback, socket in its own folder
		const pgUser = serviceUser('postgres');
		const pgRoot = join(root, 'pg');
		mkdirSync(pgRoot);
		if (pgUser) {
			const { uid, gid } = uidGid(pgUser);
			chownSync(pgRoot, uid, gid);
		}
		const dataDir = join(pgRoot, 'data');
		const asPg = (cmd: string, args: string[]) => {
			const [file, argv] = pgUser ? ['runuser', ['-u', pgUser, '--', join(PG_BIN, cmd), ...args]] : [join(PG_BIN, cmd), args];
			return execFileSync(file, argv as string[], { cwd: pgRoot, env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
		};
		asPg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
		const pgPort = await freePort();
		const pg = spawnServer(join(PG_BIN, 'postgres'), ['-D', dataDir, '-p', String(pgPort), '-h', '127.0.0.1', '-k', pgRoot, '-c', 'fsync=off', '-c', 'max_connections=200'], {
			user: pgUser,
			cwd: pgRoot,
			env: { ...process.env, LC_ALL: 'C' },
		});
		// SIGINT = PostgreSQL's fast shutdown
		stops.push(() => pg.stop('SIGINT'));
		const conn = ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres'];
		await waitFor('postgres', () => spawnSync(join(PG_BIN, 'pg_isready'), conn, { stdio: 'ignore' }).status === 0, pg, 60_000);
		const database = 'n8n';
		asPg('createdb', [...conn, database]);
		log(`[queue] postgres 15 on 127.0.0.1:${pgPort}`);
		const psql = (sql: string) => asPg('psql', [...conn, '-d', database, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
		return {
			redisPort,
			pgPort,
			pgUser: 'postgres',
			database,
			env: {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redisPort),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(pgPort),
				DB_POSTGRESDB_DATABASE: database,
				DB_POSTGRESDB_USER: 'postgres',
				DB_POSTGRESDB_PASSWORD: '',
			},
			psql,
			dump: () => asPg('pg_dump', [...conn, '-d', database, '--no-owner', '--data-only']),
			stop,
		};
	} catch (e) {
		await stop();
		throw e;
	}
}

export interface QueueWorker {
	index: number;
	pid: number;
	logFile: string;
	output(): string;
	exited(): boolean;
	/** SIGKILL to the worker (its own PID first, then its group: the task runner) */
	kill(): Promise<void>;
	stop(): Promise<void>;
}

export interface QueueCluster {
	version: string;
	main: N8nHarness;
	workers: QueueWorker[];
	sim: RunningSimulator;
	services: QueueServices;
	userFolder: string;
	/** folder of every process's n8n log file (N8N_LOG_OUTPUT=file, debug level) */
	logDir: string;
	/** every n8n log written so far (main + workers, all restarts) */
	logs(): string;
	/** stops main and workers (not the services), then starts them again on the same database and user folder */
	restart(workers?: number): Promise<void>;
	/** starts one more worker */
	addWorker(): Promise<QueueWorker>;
	stop(): Promise<void>;
}

export interface QueueOptions {
	version?: string;
	workers?: number;
	concurrency?: number;
	sim?: RunningSimulator;
	env?: Record<string, string>;
	log?: (m: string) => void;
}

export async function startQueueCluster(opts: QueueOptions = {}): Promise<QueueCluster> {
	const log = opts.log ?? ((m: string) => console.log(m));
	const version = opts.version ?? process.env.MEDIAX_N8N_VERSION ?? DEFAULT_N8N_VERSION;
	await ensureN8n(version, log);
	const tarball = process.env.MEDIAX_TARBALL ?? buildAndPack(log);
	const ownSim = !opts.sim;
	const sim = opts.sim ?? (await startSimulator({ quiet: true }));
	const services = await startQueueServices(log).catch(async (e) => {
		if (ownSim) await sim.close();
		throw e;
	});
	const userFolder = mkdtempSync(join(tmpdir(), `mediax-queue-n8n-${version}-`));
	const logDir = join(userFolder, 'logs');
	mkdirSync(logDir);
	const key = `mediax-queue-${randomBytes(12).toString('hex')}`;
	let logSeq = 0;
	const envFor = (role: string): Record<string, string> => ({
		...services.env,
		N8N_LOG_LEVEL: 'debug',
		N8N_LOG_OUTPUT: 'console,file',
		N8N_LOG_FILE_LOCATION: join(logDir, `${role}-${++logSeq}.log`),
		N8N_LOG_FILE_SIZE_MAX: '256',
		// binary data must be reachable from every process: in the database, n8n's queue-mode default
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		QUEUE_HEALTH_CHECK_ACTIVE: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		...(opts.env ?? {}),
	});

	let main: N8nHarness | undefined;
	const workers: QueueWorker[] = [];
	let workerSeq = 0;

	const startWorker = async (): Promise<QueueWorker> => {
		const index = ++workerSeq;
		const rt = n8nRuntime(version);
		const extra = envFor(`worker${index}`);
		const env = n8nEnv(version, await freePort(), await freePort(), userFolder, key, extra);
		const proc = spawnServer(rt.node, [rt.n8nBin, 'worker', `--concurrency=${opts.concurrency ?? 10}`], { cwd: userFolder, env });
		await waitFor(`n8n worker ${index}`, () => /n8n worker is now ready/.test(proc.output()), proc, 180_000).catch(async (e) => {
			await proc.stop();
			throw e;
		});
		log(`[queue] worker ${index} ready (pid ${proc.child.pid})`);
		const w: QueueWorker = {
			index,
			pid: proc.child.pid!,
			logFile: extra.N8N_LOG_FILE_LOCATION,
			output: proc.output,
			exited: proc.exited,
			async kill() {
				try {
					process.kill(proc.child.pid!, 'SIGKILL');
				} catch {}
				await waitFor(`worker ${index} exit`, () => proc.exited(), undefined, 10_000).catch(() => undefined);
				killGroup(proc.child, 'SIGKILL');
			},
			stop: () => proc.stop(),
		};
		workers.push(w);
		return w;
	};

	const startAll = async (n: number) => {
		main = await startN8n({ version, sim, tarball, userFolder, encryptionKey: key, env: envFor('main'), log });
		// workers start one after another: on 2 shared cores parallel boots only slow each other down
		for (let i = 0; i < n; i++) await startWorker();
	};
	const stopAll = async () => {
		for (const w of workers.splice(0)) await w.stop().catch(() => undefined);
		await main?.stop().catch(() => undefined);
		main = undefined;
	};

	try {
		await startAll(opts.workers ?? 2);
	} catch (e) {
		await stopAll();
		await services.stop();
		if (ownSim) await sim.close();
		rmSync(userFolder, { recursive: true, force: true });
		throw e;
	}

	const cluster: QueueCluster = {
		version,
		get main() {
			return main!;
		},
		workers,
		sim,
		services,
		userFolder,
		logDir,
		logs() {
			let all = '';
			for (const f of readdirSync(logDir).sort()) {
				const p = join(logDir, f);
				if (statSync(p).isFile()) all += readFileSync(p, 'utf8');
			}
			return all;
		},
		async restart(n = opts.workers ?? 2) {
			await stopAll();
			await startAll(n);
		},
		addWorker: startWorker,
		async stop() {
			await stopAll();
			await services.stop();
			if (ownSim) await sim.close();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
	return cluster;
}
