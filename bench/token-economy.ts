// Token economy in real n8n: per credential type, E concurrent executions × N items through one read operation, and
// the token requests the simulator logged (LogEntry.category 'token-request'). Beside it, in the same run, the
// baseline a common community node gives: a workflow that fetches a token per execution with n8n's HTTP Request node,
// then sends the read with it (HTTP Request node again, every item).
//   npx tsx bench/token-economy.ts [--version 2.41.1] [--executions 20] [--items 1000] [--only douyin-client,wechat]
// MediaX starts each burst the way a token lifetime starts: the app-token types (Douyin client token, WeChat stable
// token, Google service account) from an empty credential; the user-token types (Douyin user, Bilibili, RedBook) with
// their stored access token expired on the platform (simulator admin `expire`), so the burst has to renew it once.
import { serviceAccountAssertion } from '../nodes/shared/platforms/google';
import { SIM_OPEN_ID } from '../simulator/src/platforms/douyin/store';
import { SIM_BLOG_ID } from '../simulator/src/platforms/google/store';
import { parseConsentPage, startN8n, type N8nHarness } from '../e2e/lib/harness';
import { chainWorkflow, type NodeSpec } from '../e2e/lib/workflows';
import { redbookAuthorizeUrl } from '../nodes/shared/platforms/redbook';
import { arg, runAlone, type BenchRow } from './table';

export interface TokenEconomyOptions {
	version?: string;
	executions?: number;
	items?: number;
	/** case keys to run (default: all) */
	only?: string[];
	log?: (m: string) => void;
}

interface CaseSetup {
	/** the MediaX node, its credential attached */
	node: NodeSpec;
	/** the baseline's chain after the webhook: token request, item generator with the token, the read */
	baseline: NodeSpec[];
}

interface Case {
	key: string;
	label: string;
	platform: string;
	/** what the read is, and the simulator path it hits (to count reads that succeeded) */
	read: string;
	readPath: RegExp;
	setup(h: N8nHarness): Promise<CaseSetup>;
	/** right before the MediaX burst: the stored token's lifetime ends (user tokens); nothing for app tokens */
	beforeBurst?(h: N8nHarness): Promise<void>;
}

const http = (name: string, parameters: Record<string, unknown>): NodeSpec => ({ name, type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: { options: {}, ...parameters } });

/** Code node: the webhook's `n` items, each carrying the token the previous node fetched (when there is one). */
const items = (withToken: boolean, extra = ''): NodeSpec => ({
	name: 'Items',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: withToken
			? `const n = $('Webhook').first().json.body.n;\nconst t = $input.first().json;\nconst token = t.access_token ?? (t.data ?? {}).access_token;\nif (!token) throw new Error('no token in ' + JSON.stringify(t).slice(0, 300));\n${extra || 'return Array.from({ length: n }, (_, i) => ({ json: { i, token } }));'}`
			: "const n = $('Webhook').first().json.body.n;\nreturn Array.from({ length: n }, (_, i) => ({ json: { i } }));",
	},
});

const json = (o: unknown) => JSON.stringify(o);
const mediax = (type: string, credentialType: string, id: string, name: string, parameters: Record<string, unknown>): NodeSpec => ({
	name: 'Read',
	type: `n8n-nodes-mediax.${type}`,
	parameters,
	credentials: { [credentialType]: { id, name } },
});

const admin = (h: N8nHarness, platform: string, action: string, body: unknown = {}) => h.sim.platforms.get(platform)!.admin!(action, body, h.sim) as any;

/** RedBook's pasted-code Connect, as a person does it (see e2e/tests/redbook.e2e.ts): consent → auth_code → save → Test */
async function connectRedBook(h: N8nHarness, id: string, data: Record<string, unknown>): Promise<void> {
	const url = redbookAuthorizeUrl(data as never, 'bench');
	const page = await fetch(url);
	const agree = parseConsentPage(await page.text(), url);
	const decision = await fetch(agree.url, { method: agree.method, redirect: 'manual', headers: agree.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}, body: agree.body });
	const authCode = new URL(decision.headers.get('location')!).searchParams.get('auth_code');
	if (!authCode) throw new Error(`RedBook consent gave no auth_code (${decision.status})`);
	const opened = await h.rest('GET', `/rest/credentials/${id}?includeData=true`);
	const form = opened.body.data as { name: string; type: string; data: Record<string, unknown> };
	const saved = await h.rest('PATCH', `/rest/credentials/${id}`, { name: form.name, type: form.type, data: { ...form.data, authCode } });
	if (saved.status !== 200) throw new Error(`RedBook credential save: ${saved.status}`);
	const test = await h.rest('POST', '/rest/credentials/test', { credentials: { id, name: form.name, type: form.type, data: { ...form.data, authCode } } });
	if (test.body?.data?.status !== 'OK') throw new Error(`RedBook credential test: ${JSON.stringify(test.body)}`);
}

/** Bilibili's member-host signature (nodes/shared/platforms/bilibili.ts signBilibiliRequest) as a Code node would write it */
const BILIBILI_SIGN = `const crypto = require('crypto');
const md5 = crypto.createHash('md5').update('').digest('hex');
return Array.from({ length: n }, (_, i) => {
  const signed = { 'x-bili-accesskeyid': 'sim_bili_client', 'x-bili-content-md5': md5, 'x-bili-signature-method': 'HMAC-SHA256', 'x-bili-signature-nonce': crypto.randomUUID(), 'x-bili-signature-version': '2.0', 'x-bili-timestamp': String(Math.floor(Date.now() / 1000)) };
  const canonical = Object.keys(signed).sort().map((k) => k + ':' + signed[k]).join('\\n');
  return { json: { i, token, ...signed, authorization: crypto.createHmac('sha256', 'sim_bili_secret').update(canonical).digest('hex') } };
});`;

const CASES: Case[] = [
	{
		key: 'douyin-client',
		label: 'Douyin client token',
		platform: 'douyin',
		read: 'Tool → Get Share ID',
		readPath: /^\/share-id\/?$/,
		async setup(h) {
			const base = `${h.sim.baseUrl}/douyin`;
			const id = await h.createCredential({ name: 'Douyin app (bench)', type: 'mediaXDouyinClientCredentialsApi', data: { environment: 'custom', baseUrl: base, clientKey: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' } });
			return {
				node: mediax('mediaXDouyin', 'mediaXDouyinClientCredentialsApi', id, 'Douyin app (bench)', { resource: 'tool', operation: 'getShareId' }),
				baseline: [
					http('Get Token', { method: 'POST', url: `${base}/oauth/client_token/`, sendBody: true, specifyBody: 'json', jsonBody: json({ client_key: 'sim_douyin_key', client_secret: 'sim_douyin_secret', grant_type: 'client_credential' }) }),
					items(true),
					http('Read', { url: `${base}/share-id/`, sendHeaders: true, headerParameters: { parameters: [{ name: 'access-token', value: '={{ $json.token }}' }] } }),
				],
			};
		},
	},
	{
		key: 'douyin-user',
		label: 'Douyin user token',
		platform: 'douyin',
		read: 'User → Get Info',
		readPath: /^\/oauth\/userinfo\/?$/,
		async setup(h) {
			const base = `${h.sim.baseUrl}/douyin`;
			const id = await h.createCredential({ name: 'Douyin account (bench)', type: 'mediaXDouyinOAuth2Api', data: { environment: 'custom', baseUrl: base, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' } });
			await h.connectOAuth2(id);
			// the baseline's own authorisation (a refresh token of the same user), so the two never share a token
			const grant = admin(h, 'douyin', 'issue-user-token');
			return {
				node: mediax('mediaXDouyin', 'mediaXDouyinOAuth2Api', id, 'Douyin account (bench)', { resource: 'user', operation: 'getInfo' }),
				baseline: [
					http('Get Token', { method: 'POST', url: `${base}/oauth/refresh_token/`, sendBody: true, specifyBody: 'json', jsonBody: json({ client_key: 'sim_douyin_key', grant_type: 'refresh_token', refresh_token: grant.refresh_token }) }),
					items(true),
					http('Read', {
						method: 'POST',
						url: `${base}/oauth/userinfo/`,
						sendQuery: true,
						queryParameters: { parameters: [{ name: 'open_id', value: SIM_OPEN_ID }] },
						sendHeaders: true,
						headerParameters: { parameters: [{ name: 'access-token', value: '={{ $json.token }}' }] },
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '{}',
					}),
				],
			};
		},
		async beforeBurst(h) {
			admin(h, 'douyin', 'expire', { kind: 'user' });
		},
	},
	{
		key: 'wechat',
		label: 'WeChat stable token',
		platform: 'wechat',
		read: 'Material → Count',
		readPath: /^\/cgi-bin\/material\/get_materialcount$/,
		async setup(h) {
			const base = `${h.sim.baseUrl}/wechat`;
			const id = await h.createCredential({ name: 'WeChat OA (bench)', type: 'mediaXWeChatOfficialAccountApi', data: { environment: 'custom', baseUrl: base, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret' } });
			return {
				node: mediax('mediaXWeChatOfficialAccount', 'mediaXWeChatOfficialAccountApi', id, 'WeChat OA (bench)', { resource: 'material', operation: 'count' }),
				baseline: [
					http('Get Token', { method: 'POST', url: `${base}/cgi-bin/stable_token`, sendBody: true, specifyBody: 'json', jsonBody: json({ grant_type: 'client_credential', appid: 'wxsim0000000001', secret: 'sim_wechat_secret' }) }),
					items(true),
					http('Read', { url: `${base}/cgi-bin/material/get_materialcount`, sendQuery: true, queryParameters: { parameters: [{ name: 'access_token', value: '={{ $json.token }}' }] } }),
				],
			};
		},
	},
	{
		key: 'bilibili',
		label: 'Bilibili user token',
		platform: 'bilibili',
		read: 'User → Get Info (signed)',
		readPath: /^\/arcopen\/fn\/user\/account\/info\/?$/,
		async setup(h) {
			const base = `${h.sim.baseUrl}/bilibili`;
			const id = await h.createCredential({
				name: 'Bilibili UP (bench)',
				type: 'mediaXBilibiliOAuth2Api',
				data: { environment: 'custom', baseUrl: base, clientId: 'sim_bili_client', clientSecret: 'sim_bili_secret', redirectUrl: `${h.baseUrl}/rest/oauth2-credential/callback` },
			});
			await h.connectOAuth2(id);
			const grant = admin(h, 'bilibili', 'issue-user-token');
			return {
				node: mediax('mediaXBilibili', 'mediaXBilibiliOAuth2Api', id, 'Bilibili UP (bench)', { resource: 'user', operation: 'getInfo' }),
				baseline: [
					http('Get Token', {
						method: 'POST',
						url: `${base}/x/account-oauth2/v1/refresh_token`,
						sendQuery: true,
						queryParameters: {
							parameters: [
								{ name: 'client_id', value: 'sim_bili_client' },
								{ name: 'client_secret', value: 'sim_bili_secret' },
								{ name: 'grant_type', value: 'refresh_token' },
								{ name: 'refresh_token', value: grant.refresh_token },
							],
						},
					}),
					items(true, BILIBILI_SIGN),
					http('Read', {
						url: `${base}/arcopen/fn/user/account/info`,
						sendHeaders: true,
						headerParameters: {
							parameters: [
								...['x-bili-accesskeyid', 'x-bili-content-md5', 'x-bili-signature-method', 'x-bili-signature-nonce', 'x-bili-signature-version', 'x-bili-timestamp', 'authorization'].map((k) => ({ name: k, value: `={{ $json["${k}"] }}` })),
								{ name: 'access-token', value: '={{ $json.token }}' },
								{ name: 'content-type', value: 'application/json' },
								{ name: 'accept', value: 'application/json' },
							],
						},
					}),
				],
			};
		},
		async beforeBurst(h) {
			admin(h, 'bilibili', 'expire', { kind: 'access' });
		},
	},
	{
		key: 'redbook',
		label: 'RedBook user token',
		platform: 'redbook',
		read: 'Campaign → Get',
		readPath: /^\/api\/open\/jg\/campaign\/list\/?$/,
		async setup(h) {
			const base = `${h.sim.baseUrl}/redbook`;
			const data = { environment: 'custom', baseUrl: base, appId: '4000001', secret: 'sim_redbook_secret', redirectUri: `${h.sim.baseUrl}/redbook/oauth-callback`, requestedScopes: ['report_service', 'ad_query', 'ad_manage', 'account_manage'] };
			const id = await h.createCredential({ name: 'JuGuang (bench)', type: 'mediaXRedBookOAuth2Api', data });
			await connectRedBook(h, id, data);
			const grant = admin(h, 'redbook', 'issue-user-token');
			const campaigns = (admin(h, 'redbook', 'state').campaigns ?? []) as Array<{ campaign_id: number; advertiser_id: number }>;
			const campaign = campaigns.find((c) => c.advertiser_id === 1234567)?.campaign_id ?? campaigns[0]?.campaign_id;
			if (!campaign) throw new Error('the RedBook simulator has no campaign to read');
			return {
				node: mediax('mediaXRedBook', 'mediaXRedBookOAuth2Api', id, 'JuGuang (bench)', { resource: 'campaign', operation: 'get', advertiserId: '1234567', campaignId: String(campaign) }),
				baseline: [
					http('Get Token', { method: 'POST', url: `${base}/api/open/oauth2/refresh_token`, sendBody: true, specifyBody: 'json', jsonBody: json({ app_id: 4000001, secret: 'sim_redbook_secret', refresh_token: grant.refresh_token }) }),
					items(true),
					http('Read', {
						method: 'POST',
						url: `${base}/api/open/jg/campaign/list`,
						sendHeaders: true,
						headerParameters: { parameters: [{ name: 'Access-Token', value: '={{ $json.token }}' }] },
						sendBody: true,
						specifyBody: 'json',
						jsonBody: json({ advertiser_id: 1234567, campaign_ids: [campaign], status: 6, page: { page_index: 1, page_size: 1 } }),
					}),
				],
			};
		},
		async beforeBurst(h) {
			admin(h, 'redbook', 'expire', { kind: 'access' });
		},
	},
	{
		key: 'google-sa',
		label: 'Google service account',
		platform: 'google',
		read: 'Blogger Blog → Get',
		readPath: new RegExp(`^/blogger/v3/blogs/${SIM_BLOG_ID}$`),
		async setup(h) {
			const base = `${h.sim.baseUrl}/google`;
			const key = admin(h, 'google', 'service-account') as { client_email: string; private_key: string };
			const data = { environment: 'custom', baseUrl: base, email: key.client_email, privateKey: key.private_key };
			const id = await h.createCredential({ name: 'Service account (bench)', type: 'mediaXGoogleServiceAccountApi', data });
			// the baseline posts a JWT assertion signed once here (valid for an hour, as long as the run)
			const assertion = serviceAccountAssertion({ ...data, scopes: ['https://www.googleapis.com/auth/blogger'] } as never, `${base}/token`, Math.floor(Date.now() / 1000));
			return {
				node: mediax('mediaXBlogger', 'mediaXGoogleServiceAccountApi', id, 'Service account (bench)', { resource: 'blog', operation: 'get', blogId: SIM_BLOG_ID }),
				baseline: [
					http('Get Token', {
						method: 'POST',
						url: `${base}/token`,
						sendBody: true,
						contentType: 'form-urlencoded',
						bodyParameters: { parameters: [{ name: 'grant_type', value: 'urn:ietf:params:oauth:grant-type:jwt-bearer' }, { name: 'assertion', value: assertion }] },
					}),
					items(true),
					http('Read', { url: `${base}/blogger/v3/blogs/${SIM_BLOG_ID}`, sendHeaders: true, headerParameters: { parameters: [{ name: 'Authorization', value: '=Bearer {{ $json.token }}' }] } }),
				],
			};
		},
	},
];

interface BurstResult {
	tokenRequests: number;
	/** token requests the platform accepted */
	tokenRequestsOk: number;
	reads: number;
	readsOk: number;
	executionsOk: number;
	seconds: number;
}

async function burst(h: N8nHarness, c: Case, path: string, executions: number, n: number): Promise<BurstResult> {
	h.sim.log.length = 0;
	const t0 = Date.now();
	const replies = await Promise.all(Array.from({ length: executions }, () => h.callWebhook(path, { method: 'POST', body: { n } })));
	const seconds = (Date.now() - t0) / 1000;
	const log = h.sim.log.filter((e) => e.platform === c.platform);
	const tokens = log.filter((e) => e.category === 'token-request');
	const reads = log.filter((e) => c.readPath.test(e.path));
	const ok = (e: { status?: number; code?: number | string }) => (e.status ?? 200) < 400 && (e.code === undefined || Number(e.code) === 0);
	return {
		tokenRequests: tokens.length,
		tokenRequestsOk: tokens.filter(ok).length,
		reads: reads.length,
		readsOk: reads.filter(ok).length,
		executionsOk: replies.filter((r) => r.status === 200 && Array.isArray(r.body) && r.body.length === n && !r.body.some((x: any) => x?.error)).length,
		seconds,
	};
}

export async function tokenEconomy(opts: TokenEconomyOptions = {}): Promise<{ rows: BenchRow[]; report: string }> {
	const version = opts.version ?? '2.41.1';
	const executions = opts.executions ?? 20;
	const n = opts.items ?? 1000;
	const log = opts.log ?? ((m: string) => console.log(m));
	const cases = CASES.filter((c) => !opts.only?.length || opts.only.includes(c.key));
	// the Bilibili baseline signs its reads in a Code node, which needs node:crypto
	const h = await startN8n({ version, env: { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto' }, log });
	const rows: BenchRow[] = [];
	const lines = [
		`n8n ${version}; ${executions} concurrent executions × ${n} items per credential type; token requests = simulator log entries with category 'token-request'`,
		'credential type | read | MediaX token requests (accepted) | MediaX reads ok | MediaX executions ok | s | baseline token requests (accepted) | baseline reads ok | baseline executions ok | s',
	];
	try {
		for (const c of cases) {
			const s = await setupCase(h, c);
			await c.beforeBurst?.(h);
			const m = await burst(h, c, `bench-te-${c.key}`, executions, n);
			const b = await burst(h, c, `bench-te-${c.key}-baseline`, executions, n);
			const line = `${c.label} | ${c.read} | ${m.tokenRequests} (${m.tokenRequestsOk}) | ${m.readsOk}/${m.reads} | ${m.executionsOk}/${executions} | ${m.seconds.toFixed(0)} | ${b.tokenRequests} (${b.tokenRequestsOk}) | ${b.readsOk}/${b.reads} | ${b.executionsOk}/${executions} | ${b.seconds.toFixed(0)}`;
			lines.push(line);
			log(`[token-economy] ${line}`);
			void s;
			const complete = m.executionsOk === executions && m.readsOk >= executions * n;
			rows.push({
				figure: `token requests, ${executions} concurrent executions × ${n} items, ${c.label} (${c.read})${complete ? '' : ` — MediaX: only ${m.executionsOk}/${executions} executions succeeded`}`,
				value: m.tokenRequests,
				unit: '',
				baseline: b.tokenRequests,
				baselineLabel: `HTTP Request node, token per execution${b.executionsOk < executions ? `; ${b.executionsOk}/${executions} executions succeeded` : ''}`,
				target: '1 per token lifetime',
				met: complete && m.tokenRequests <= 1,
			});
		}
	} finally {
		await h.stop();
	}
	return { rows, report: lines.join('\n') };
}

async function setupCase(h: N8nHarness, c: Case): Promise<CaseSetup> {
	let s: CaseSetup;
	for (let attempt = 1; ; attempt++) {
		try {
			s = await c.setup(h);
			break;
		} catch (e) {
			// after a burst of 20,000 items n8n's database can answer 503 "Database is not ready!" for a while
			if (attempt >= 5 || !/Database is not ready/.test(String((e as Error).message))) throw e;
			await new Promise((r) => setTimeout(r, 3000 * attempt));
		}
	}
	await h.createWorkflow(chainWorkflow(`bench token economy ${c.key}`, `bench-te-${c.key}`, [items(false), s.node]));
	await h.createWorkflow(chainWorkflow(`bench token economy ${c.key} baseline`, `bench-te-${c.key}-baseline`, s.baseline));
	return s;
}

if (require.main === module)
	runAlone(
		tokenEconomy({
			version: arg('version', '2.41.1'),
			executions: Number(arg('executions', '20')),
			items: Number(arg('items', '1000')),
			only: arg('only', '') ? arg('only', '').split(',') : undefined,
		}),
	);
