/**
 * Fault matrix (docs/reliability.md "Fault matrix"): every platform × every fault switch of the simulator, generated
 * from one table. n8n's `sleep` is recorded instead of waited, so the test checks the delays asked for, not durations.
 */
const slept: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => void slept.push(ms)),
}));

import type { INodeExecutionData } from 'n8n-workflow';
import { fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type LogEntry, type RunningSimulator } from '../helpers/simulator';
import { PLATFORMS, type Connected, type PlatformCase } from './platforms';

interface FaultCase {
	name: string;
	applies?: (p: PlatformCase) => boolean;
	run(p: PlatformCase, t: Tools): Promise<void>;
}

interface Tools {
	sim: RunningSimulator;
	c: Connected;
	run(parameters: Record<string, unknown>, extra?: Record<string, unknown>): Promise<INodeExecutionData[]>;
	fail(parameters: Record<string, unknown>, extra?: Record<string, unknown>): Promise<{ message: string; description: string; text: string }>;
	calls(path: string): LogEntry[];
	noSecret(text: string): void;
}

const fault = (sim: RunningSimulator, body: Record<string, unknown>) => admin(sim, '/faults', body);

const FAULTS: FaultCase[] = [
	{
		name: "the platform's rate-limit code once → retried after a backoff, then succeeds",
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'rateLimit', match: p.read.path, count: 1 });
			await t.run(p.read.parameters);
			expect(t.calls(p.read.path)).toHaveLength(2);
			expect(slept).toEqual([1000]);
		},
	},
	{
		name: "the platform's rate-limit code on a write → the refused write is sent again, then succeeds",
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'rateLimit', match: p.write.path, count: 1 });
			await t.run(p.write.parameters, { items: p.write.items?.() });
			expect(t.calls(p.write.path)).toHaveLength(2);
			expect(slept).toEqual([1000]);
		},
	},
	{
		name: "the platform's rate-limit code on every call → 3 retries with backoff, then an error with the code and what to do",
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'rateLimit', match: p.read.path, count: -1 });
			const error = await t.fail(p.read.parameters);
			expect(t.calls(p.read.path)).toHaveLength(4);
			expect(slept).toEqual([1000, 2000, 4000]);
			expect(error.text).toContain(p.rateLimitCode);
			expect(error.description).toMatch(/Rate limited: retried 3 times/);
			expect(error.description).toMatch(/Requests in Parallel/);
			t.noSecret(error.text);
		},
	},
	{
		name: 'HTTP 429 with Retry-After → retried after the given seconds, then succeeds',
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'http', status: 429, retryAfter: 7, match: p.read.path, count: 1 });
			await t.run(p.read.parameters);
			expect(t.calls(p.read.path).map((e) => e.status)).toEqual([429, 200]);
			expect(slept).toEqual([7000]);
		},
	},
	{
		name: 'HTTP 429 with a Retry-After longer than a run waits → no retry, an error that says how long to wait',
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'http', status: 429, retryAfter: 3600, match: p.read.path, count: 1 });
			const error = await t.fail(p.read.parameters);
			expect(t.calls(p.read.path)).toHaveLength(1);
			expect(slept).toEqual([]);
			expect(error.text).toMatch(/429/);
			expect(error.description).toMatch(/asked to wait 3600 s \(Retry-After\)/);
		},
	},
	{
		name: 'HTTP 503 on a read → retried with backoff, then succeeds',
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'http', status: 503, match: p.read.path, count: 1 });
			await t.run(p.read.parameters);
			expect(t.calls(p.read.path).map((e) => e.status)).toEqual([503, 200]);
			expect(slept).toEqual([500]);
		},
	},
	{
		name: 'HTTP 502 on a read every time → 2 retries, then an error with the status',
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'http', status: 502, match: p.read.path, count: -1 });
			const error = await t.fail(p.read.parameters);
			expect(t.calls(p.read.path)).toHaveLength(3);
			expect(slept).toEqual([500, 1000]);
			expect(error.text).toMatch(/502/);
			expect(error.description).toMatch(/read was retried 2 times/);
		},
	},
	{
		name: 'HTTP 500 on a write → sent once, never resent, and the error says so',
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'http', status: 500, match: p.write.path, count: 1 });
			const error = await t.fail(p.write.parameters, { items: p.write.items?.() });
			expect(t.calls(p.write.path)).toHaveLength(1);
			expect(slept).toEqual([]);
			expect(error.text).toMatch(/500/);
			expect(error.description).toMatch(/write was not resent/);
		},
	},
	{
		name: 'a write slower than the Request Timeout → a timeout error naming the option, not resent',
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'slow', delayMs: 2500, match: p.write.path, count: 1 });
			const error = await t.fail({ ...p.write.parameters, requestTimeout: 1 }, { items: p.write.items?.() });
			expect(t.calls(p.write.path)).toHaveLength(1);
			expect(error.message).toMatch(/timed out after 1 s/);
			expect(error.description).toMatch(/"Request Timeout \(Seconds\)"/);
			expect(error.description).toMatch(/not resent/);
		},
	},
	{
		name: 'a read slower than the Request Timeout once → retried, then succeeds',
		async run(p, t) {
			await fault(t.sim, { platform: p.sim, type: 'slow', delayMs: 2500, match: p.read.path, count: 1 });
			await t.run({ ...p.read.parameters, requestTimeout: 1 });
			expect(t.calls(p.read.path)).toHaveLength(2);
		},
	},
	{
		name: 'the connection dropped mid-upload → only that part is sent again, the upload completes',
		applies: (p) => !!p.upload,
		async run(p, t) {
			const upload = p.upload!;
			await upload.prepare?.(t.sim);
			// the second request to the part path loses its connection after 100 000 bytes
			await fault(t.sim, { platform: p.sim, type: 'drop', match: upload.partPath, after: 1, afterBytes: 100_000, count: 1 });
			const [out] = await t.run(upload.parameters, { items: upload.items() });
			expect(out.json).toBeTruthy();
			const parts = t.calls(upload.partPath);
			const dropped = parts.filter((e) => e.note?.startsWith('fault:drop'));
			expect(dropped).toHaveLength(1);
			if (p.name === 'youtube') {
				// resumable: the session is asked what it kept, and only the rest of that chunk goes out again
				expect((out.json.upload as { bytesResent: number }).bytesResent).toBeLessThanOrEqual(1024 * 1024);
				expect((out.json.upload as { resumes: number }).resumes).toBe(1);
			} else {
				const numbers = parts.map((e) => e.query.part_number);
				const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
				expect(repeated).toEqual([dropped[0].query.part_number]);
			}
		},
	},
	{
		name: 'a revoked refresh token → one refresh attempt, then "reconnect this credential"',
		applies: (p) => !!p.revokeRefresh,
		async run(p, t) {
			await p.revokeRefresh!(t.sim);
			const error = await t.fail(p.read.parameters);
			expect(tokenRequests(t.sim, p.sim)).toHaveLength(1);
			expect(t.calls(p.read.path)).toHaveLength(1);
			expect(error.text).toMatch(/[Rr]econnect|paste (it|a new|the)|new authori[sz]ation code/);
			t.noSecret(error.text);
		},
	},
	{
		name: 'the token endpoint down (HTTP 503) → an error naming the credential and the status, no secret',
		async run(p, t) {
			await p.tokenEndpoint.needToken(t.sim, t.c);
			await fault(t.sim, { platform: p.sim, type: 'http', status: 503, match: p.tokenEndpoint.match, count: -1 });
			const error = await t.fail(p.read.parameters);
			const tokenCalls = t.sim.log.filter((e) => e.platform === p.sim && new RegExp(p.tokenEndpoint.match).test(e.path));
			expect(tokenCalls.map((e) => e.status)).toContain(503);
			expect(tokenCalls.length).toBeLessThanOrEqual(3);
			expect(error.text).toMatch(/503/);
			expect(error.text).toMatch(/credential/);
			t.noSecret(error.text);
		},
	},
];

describe('fault matrix', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	async function tools(p: PlatformCase): Promise<Tools> {
		sim.reset();
		const c = await p.connect(sim);
		const run = async (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
			const ctx = fakeContext({ store: c.store, attached: c.attached, parameters, ...extra, items: (extra.items as INodeExecutionData[] | undefined) ?? [{ json: {} }] });
			ctx.helpers.prepareBinaryData = async (data: Buffer, fileName: string, mimeType: string) => ({ data: data.toString('base64'), fileName, mimeType });
			const [out] = await p.node().execute!.call(ctx);
			return out;
		};
		// warm up: the first run fetches or learns the tokens (and may wait on the renewal lease); faults start after it
		await run(p.read.parameters);
		sim.log.length = 0;
		slept.length = 0;
		return {
			sim,
			c,
			run,
			async fail(parameters, extra) {
				const error = await run(parameters, extra).then(
					() => undefined,
					(e: Error & { description?: string }) => e,
				);
				if (!error) throw new Error('expected the node to fail');
				const description = String(error.description ?? '');
				return { message: error.message, description, text: `${error.message} ${description} ${JSON.stringify(error)}` };
			},
			calls: (path) => sim.log.filter((e) => e.platform === p.sim && e.path.startsWith(path) && e.category !== 'token-request'),
			noSecret(text) {
				for (const secret of c.secrets) expect(text).not.toContain(secret);
			},
		};
	}

	for (const p of PLATFORMS) {
		it(`${p.name}: baseline → the read and the write succeed without faults`, async () => {
			const t = await tools(p);
			await t.run(p.read.parameters);
			await t.run(p.write.parameters, { items: p.write.items?.() });
		});
		for (const f of FAULTS) {
			if (f.applies && !f.applies(p)) continue;
			it(`${p.name}: ${f.name}`, async () => {
				const t = await tools(p);
				await f.run(p, t);
			});
		}
	}
});
