// Per-item cost of one read operation in real n8n, beside n8n's own HTTP Request node on the same simulator endpoint
// (WeChat Material → Count, GET /cgi-bin/material/get_materialcount, stable token), in one sitting:
//   (a) a plain HTTP loop from this process, token fetched once;
//   (b) n8n's HTTP Request node, token fetched once by a first HTTP Request node and sent as a query parameter;
//   (c) the MediaX WeChat node, sequential;
//   (d) the MediaX WeChat node with 8 requests in parallel (if the installed package has that option).
// Per-item time is the Count node's own executionTime from the execution record / items (the execution's
// startedAt→stoppedAt per item is printed beside it). Rounds interleave the four, after one small warm-up round;
// each MediaX run gets a fresh credential, so its token requests are those of one burst from an empty credential.
//   npx tsx bench/per-item.ts [--version 2.41.1] [--runs 3] [--items 2000] [--parallel 8] [--latency 0]
// (--latency N: the simulator answers each Count N ms later, as a platform across a network would)
import { readFileSync } from 'node:fs';
import { startN8n, type N8nHarness } from '../e2e/lib/harness';
import { chainWorkflow, type NodeSpec } from '../e2e/lib/workflows';
import { arg, runAlone, machine, median, type BenchRow } from './table';

const WECHAT = 'n8n-nodes-mediax.mediaXWeChatOfficialAccount';
const CREDENTIAL = 'mediaXWeChatOfficialAccountApi';
const APPID = 'wxsim0000000001';
const SECRET = 'sim_wechat_secret';
const COUNT_PATH = '/cgi-bin/material/get_materialcount';

export interface PerItemOptions {
	version?: string;
	runs?: number;
	items?: number;
	parallel?: number;
	/** the simulator answers every Count this much later, like a platform across a network (0: loopback as is) */
	latencyMs?: number;
	/** items of the warm-up round that is not measured (0: none) */
	warmupItems?: number;
	log?: (msg: string) => void;
}

type Scenario = 'loop' | 'httpNode' | 'mediax' | 'mediaxParallel';

interface RunFigures {
	/** the measured work's own time: the Count node's executionTime, or the loop's wall time */
	nodeMs: number;
	/** the whole execution, startedAt → stoppedAt (undefined for the loop) */
	executionMs?: number;
	/** CPU time of the n8n main process during the run (not the task runner that runs the Code node) */
	cpuMs?: number;
	tokenRequests: number;
}

export interface ScenarioResult {
	label: string;
	/** why it was not measured */
	missing?: string;
	runs: RunFigures[];
	msPerItem: number;
	executionMsPerItem?: number;
	cpuMsPerItem?: number;
	/** median over rounds of this scenario's time / the HTTP Request node's time in the same round */
	pairedRatio?: number;
	tokenRequests: number[];
}

export interface PerItemResult {
	version: string;
	items: number;
	runs: number;
	parallel: number;
	/** where the parallel option sits in the node's parameters, e.g. "options.requestsInParallel" */
	parallelParameter?: string;
	scenarios: Record<Scenario, ScenarioResult>;
	rows: BenchRow[];
	report: string;
}

/** Finds a property named `name` in a node description, nested in collections; returns its parameter path. */
export function findParameterPath(properties: any[], name: string, prefix = ''): string | undefined {
	for (const p of properties ?? []) {
		if (p?.name === name) return `${prefix}${name}`;
		if (p?.type === 'collection' || p?.type === 'fixedCollection') {
			const nested = p.type === 'collection' ? findParameterPath(p.options, name, `${prefix}${p.name}.`) : undefined;
			if (nested) return nested;
		}
	}
	return undefined;
}

function setPath(target: Record<string, any>, path: string, value: unknown): Record<string, any> {
	const keys = path.split('.');
	let at = target;
	for (const k of keys.slice(0, -1)) at = at[k] ??= {};
	at[keys[keys.length - 1]] = value;
	return target;
}

/** user + system CPU time of a process in ms, from /proc (clock ticks of 10 ms) */
function cpuMsOf(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function parallelParameter(h: N8nHarness): Promise<string | undefined> {
	const types = await h.rest('GET', '/types/nodes.json');
	const wechat = (types.body as any[]).find((t) => t.name === WECHAT);
	if (!wechat) throw new Error(`${WECHAT} is not loaded`);
	return findParameterPath(wechat.properties, 'requestsInParallel');
}

const generator = (withToken: boolean): NodeSpec => ({
	name: 'Items',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: withToken
			? "const n = $('Webhook').first().json.body.n;\nconst token = $input.first().json.access_token;\nreturn Array.from({ length: n }, (_, i) => ({ json: { i, access_token: token } }));"
			: "const n = $('Webhook').first().json.body.n;\nreturn Array.from({ length: n }, (_, i) => ({ json: { i } }));",
	},
});

function httpNodeChain(base: string): NodeSpec[] {
	return [
		{
			name: 'Get Token',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${base}/cgi-bin/stable_token`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: SECRET }),
				options: {},
			},
		},
		generator(true),
		{
			name: 'Count',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				url: `${base}${COUNT_PATH}`,
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'access_token', value: '={{ $json.access_token }}' }] },
				options: {},
			},
		},
	];
}

export async function perItem(opts: PerItemOptions = {}): Promise<PerItemResult> {
	const version = opts.version ?? '2.41.1';
	const runs = opts.runs ?? 3;
	const items = opts.items ?? 2000;
	const parallel = opts.parallel ?? 8;
	const latencyMs = opts.latencyMs ?? 0;
	const warmupItems = opts.warmupItems ?? Math.min(100, items);
	const log = opts.log ?? ((m: string) => console.log(m));

	const h = await startN8n({ version, log });
	try {
		const base = `${h.sim.baseUrl}/wechat`;
		const wechatLog = () => h.sim.log.filter((e) => e.platform === 'wechat');
		const parallelPath = await parallelParameter(h);
		if (latencyMs > 0) h.sim.faults.push({ id: 1, platform: 'wechat', type: 'slow', match: COUNT_PATH, count: -1, delayMs: latencyMs });
		log(`[per-item] n8n ${version}; parallel option: ${parallelPath ?? 'missing'}`);

		const httpWorkflow = await h.createWorkflow(chainWorkflow('bench per-item http node', 'bench-http-node', httpNodeChain(base)));
		let seq = 0;
		/** a fresh credential and workflow, so the run starts without a token like a first burst */
		const mediaxWorkflow = async (inParallel: number | undefined) => {
			const n = ++seq;
			const name = `WeChat bench ${n}`;
			const id = await h.createCredential({ name, type: CREDENTIAL, data: { environment: 'custom', baseUrl: base, appId: APPID, appSecret: SECRET } });
			const parameters: Record<string, any> = { resource: 'material', operation: 'count' };
			if (inParallel !== undefined) setPath(parameters, parallelPath!, inParallel);
			const path = `bench-mediax-${n}`;
			const workflowId = await h.createWorkflow(
				chainWorkflow(`bench per-item mediax ${n}`, path, [generator(false), { name: 'Count', type: WECHAT, parameters, credentials: { [CREDENTIAL]: { id, name } } }]),
			);
			return { path, workflowId };
		};

		const checkWire = (n: number, what: string) => {
			const counts = wechatLog().filter((e) => e.path === COUNT_PATH);
			const bad = counts.filter((e) => e.code !== 0);
			if (counts.length !== n || bad.length) throw new Error(`${what}: ${counts.length} count requests for ${n} items, ${bad.length} failed (codes ${[...new Set(bad.map((e) => e.code))].join(', ')})`);
			return wechatLog().filter((e) => e.category === 'token-request').length;
		};

		const seenExecutions = new Set<string>();
		const runWorkflow = async (path: string, workflowId: string, n: number, what: string): Promise<RunFigures> => {
			h.sim.log.length = 0;
			const cpu0 = cpuMsOf(h.pid);
			const res = await h.callWebhook(path, { method: 'POST', body: { n } });
			const cpuMs = cpuMsOf(h.pid) - cpu0;
			if (res.status !== 200 || !Array.isArray(res.body) || res.body.length !== n) throw new Error(`${what}: webhook ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
			const tokenRequests = checkWire(n, what);
			// the record is saved around the time the webhook answers: wait for this run's own, finished one
			let record: any;
			for (let tries = 0; tries < 50; tries++) {
				const ex = await h.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=1`);
				record = ex.body?.data?.[0];
				if (record && !seenExecutions.has(String(record.id)) && record.stoppedAt) break;
				record = undefined;
				await new Promise((r) => setTimeout(r, 200));
			}
			if (!record) throw new Error(`${what}: no new finished execution of workflow ${workflowId}`);
			seenExecutions.add(String(record.id));
			const count = record?.data?.resultData?.runData?.Count?.[0];
			if (record?.status !== 'success' || !count || count.data.main[0].length !== n) throw new Error(`${what}: execution ${record?.id} ${record?.status}, Count output ${count?.data?.main?.[0]?.length}`);
			return { nodeMs: count.executionTime, executionMs: Date.parse(record.stoppedAt) - Date.parse(record.startedAt), cpuMs, tokenRequests };
		};

		const runLoop = async (n: number): Promise<RunFigures> => {
			h.sim.log.length = 0;
			const t0 = performance.now();
			const tokenReply = await fetch(`${base}/cgi-bin/stable_token`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: SECRET }),
			});
			const token = ((await tokenReply.json()) as { access_token: string }).access_token;
			for (let i = 0; i < n; i++) {
				const r = await fetch(`${base}${COUNT_PATH}?access_token=${encodeURIComponent(token)}`);
				const body = (await r.json()) as { errcode?: number };
				if (body.errcode) throw new Error(`plain loop: errcode ${body.errcode}`);
			}
			const nodeMs = performance.now() - t0;
			return { nodeMs, tokenRequests: checkWire(n, 'plain loop') };
		};

		const scenarios: Record<Scenario, ScenarioResult> = {
			loop: { label: 'plain HTTP loop (fetch, token once)', runs: [], msPerItem: NaN, tokenRequests: [] },
			httpNode: { label: "n8n's HTTP Request node (token as query parameter; it sends all items' requests at once)", runs: [], msPerItem: NaN, tokenRequests: [] },
			mediax: { label: 'MediaX WeChat node, sequential', runs: [], msPerItem: NaN, tokenRequests: [] },
			mediaxParallel: {
				label: `MediaX WeChat node, ${parallel} in parallel`,
				missing: parallelPath ? undefined : 'n/a (option missing)',
				runs: [],
				msPerItem: NaN,
				tokenRequests: [],
			},
		};
		const once = async (s: Scenario, n: number): Promise<RunFigures | undefined> => {
			if (s === 'loop') return runLoop(n);
			if (s === 'httpNode') return runWorkflow('bench-http-node', httpWorkflow, n, 'HTTP Request node');
			if (s === 'mediaxParallel' && !parallelPath) return undefined;
			const wf = await mediaxWorkflow(s === 'mediax' ? undefined : parallel);
			return runWorkflow(wf.path, wf.workflowId, n, scenarios[s].label);
		};

		const order: Scenario[] = ['loop', 'httpNode', 'mediax', 'mediaxParallel'];
		if (warmupItems > 0) {
			log(`[per-item] warm-up round, ${warmupItems} items`);
			for (const s of order) await once(s, warmupItems);
		}
		for (let r = 1; r <= runs; r++) {
			for (const s of order) {
				const f = await once(s, items);
				if (!f) continue;
				scenarios[s].runs.push(f);
				log(`[per-item] round ${r}/${runs} ${scenarios[s].label}: ${(f.nodeMs / items).toFixed(3)} ms/item, ${f.tokenRequests} token request(s)`);
			}
		}
		for (const s of Object.values(scenarios)) {
			if (!s.runs.length) continue;
			s.msPerItem = median(s.runs.map((f) => f.nodeMs)) / items;
			const ex = s.runs.map((f) => f.executionMs).filter((x): x is number => x !== undefined);
			s.executionMsPerItem = ex.length ? median(ex) / items : undefined;
			const cpu = s.runs.map((f) => f.cpuMs).filter((x): x is number => x !== undefined);
			s.cpuMsPerItem = cpu.length ? median(cpu) / items : undefined;
			s.tokenRequests = s.runs.map((f) => f.tokenRequests);
			// on a loaded machine rounds drift; a ratio within one round compares like with like
			s.pairedRatio = median(s.runs.map((f, r) => f.nodeMs / scenarios.httpNode.runs[r].nodeMs));
		}

		const http = scenarios.httpNode.msPerItem;
		const rows: BenchRow[] = [
			{ figure: `per item, plain HTTP loop (${items} items)`, value: scenarios.loop.msPerItem, unit: 'ms', baseline: http, baselineLabel: 'HTTP Request node', target: 'reference' },
			{ figure: `per item, HTTP Request node (${items} items)`, value: http, unit: 'ms', target: 'baseline' },
			{ figure: `per item, MediaX sequential (${items} items)`, value: scenarios.mediax.msPerItem, unit: 'ms', baseline: http, baselineLabel: 'HTTP Request node', target: '≤ 1.0×', met: scenarios.mediax.msPerItem <= http },
			{
				figure: `n8n CPU per item, MediaX sequential (${items} items)`,
				value: scenarios.mediax.cpuMsPerItem ?? NaN,
				unit: 'ms',
				baseline: scenarios.httpNode.cpuMsPerItem,
				baselineLabel: 'HTTP Request node',
				target: '≤ 1.0× (CPU, robust to load)',
				met: (scenarios.mediax.cpuMsPerItem ?? Infinity) <= (scenarios.httpNode.cpuMsPerItem ?? 0),
			},
			{
				figure: `per item, MediaX ${parallel} in parallel (${items} items)`,
				value: scenarios.mediaxParallel.msPerItem,
				unit: 'ms',
				baseline: http,
				baselineLabel: 'HTTP Request node',
				target: '≤ 0.25× (≥ 4× faster)',
				met: scenarios.mediaxParallel.missing ? undefined : scenarios.mediaxParallel.msPerItem * 4 <= http,
			},
			...(['mediax', 'mediaxParallel'] as const)
				.filter((s) => !scenarios[s].missing)
				.map((s) => ({
					figure: `token requests per run of ${items} items, ${scenarios[s].label.replace('MediaX WeChat node, ', 'MediaX ')}`,
					value: Math.max(...scenarios[s].tokenRequests),
					unit: '',
					baseline: Math.max(...scenarios.httpNode.tokenRequests),
					baselineLabel: 'HTTP Request node workflow',
					target: '1 per burst',
					met: scenarios[s].tokenRequests.every((t) => t === 1),
				})),
		];
		return { version, items, runs, parallel, parallelParameter: parallelPath, scenarios, rows, report: report(version, items, runs, latencyMs, scenarios) };
	} finally {
		await h.stop();
	}
}

function report(version: string, items: number, runs: number, latencyMs: number, scenarios: Record<Scenario, ScenarioResult>): string {
	const http = scenarios.httpNode.msPerItem;
	const head = ['', 'ms/item (node)', 'ms/item (execution)', 'n8n CPU ms/item', '× HTTP Request node', '× same round', 'token requests per run', 'runs (ms/item)'];
	const body = Object.values(scenarios).map((s) =>
		s.missing
			? [s.label, s.missing, '', '', '', '', '', '']
			: [
					s.label,
					s.msPerItem.toFixed(3),
					s.executionMsPerItem === undefined ? '—' : s.executionMsPerItem.toFixed(3),
					s.cpuMsPerItem === undefined ? '—' : s.cpuMsPerItem.toFixed(3),
					(s.msPerItem / http).toFixed(2),
					s.pairedRatio === undefined ? '—' : s.pairedRatio.toFixed(2),
					s.tokenRequests.join(', '),
					s.runs.map((f) => (f.nodeMs / items).toFixed(3)).join(', '),
				],
	);
	const all = [head, ...body];
	const widths = head.map((_, c) => Math.max(...all.map((l) => l[c].length)));
	const line = (l: string[]) => `| ${l.map((x, c) => x.padEnd(widths[c])).join(' | ')} |`;
	return [
		`Per-item cost, WeChat Material → Count, n8n ${version}, ${items} items, median of ${runs} run(s)${latencyMs ? `, simulator answers after ${latencyMs} ms` : ', loopback'}`,
		`Machine: ${machine()}`,
		line(head),
		`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
		...body.map(line),
	].join('\n');
}

if (require.main === module) runAlone(perItem({ version: arg('version', '2.41.1'), runs: Number(arg('runs', '3')), items: Number(arg('items', '2000')), parallel: Number(arg('parallel', '8')), latencyMs: Number(arg('latency', '0')) }));
