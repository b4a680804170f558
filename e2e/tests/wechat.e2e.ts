// WeChat Official Account in real n8n: from files to a published article in one workflow, two n8n processes sharing
// one credential without invalidating each other, and a token revoked mid-batch healed with one refresh.
import { randomUUID } from 'node:crypto';
import { startN8n, type N8nHarness } from '../lib/harness';
import { chainWorkflow, splitItems, type NodeSpec } from '../lib/workflows';

const WECHAT = 'n8n-nodes-mediax.mediaXWeChatOfficialAccount';
const SECRET = 'sim_wechat_secret';

describe(`WeChat Official Account on n8n ${process.env.MEDIAX_N8N_VERSION ?? '2.41.1'}`, () => {
	let h: N8nHarness;
	let cred: { id: string; name: string };
	const log = () => h.sim.log.filter((e) => e.platform === 'wechat');
	const tokenRequests = () => log().filter((e) => e.category === 'token-request');
	const wechat = (name: string, parameters: Record<string, unknown>): NodeSpec => ({ name, type: WECHAT, parameters, credentials: { mediaXWeChatOfficialAccountApi: cred } });
	const download = (name: string, url: string): NodeSpec => ({
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { url, options: { response: { response: { responseFormat: 'file' } } } },
	});

	beforeAll(async () => {
		h = await startN8n();
		const id = await h.createCredential({
			name: 'WeChat OA',
			type: 'mediaXWeChatOfficialAccountApi',
			data: { environment: 'custom', baseUrl: `${h.sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: SECRET },
		});
		cred = { id, name: 'WeChat OA' };
	});
	afterAll(() => h?.stop());

	it('uploads a cover and an inline image, drafts an article using the image URL, publishes it and returns the article URL', async () => {
		await h.sim.platforms.get('wechat')!.admin!('config', { publishPendingPolls: 2 }, h.sim);
		const wf = chainWorkflow('wechat publish', 'wx-publish', [
			download('Download Cover', `${h.sim.baseUrl}/__samples/image.png`),
			wechat('Add Cover', { resource: 'material', operation: 'add', materialType: 'image', binaryPropertyName: 'data' }),
			download('Download Inline Image', `${h.sim.baseUrl}/__samples/image.png`),
			wechat('Upload Inline Image', { resource: 'articleImage', operation: 'upload', binaryPropertyName: 'data' }),
			wechat('Create Draft', {
				resource: 'draft',
				operation: 'create',
				articlesInput: 'fields',
				articles: {
					article: [
						{
							title: 'Hello from n8n',
							author: 'MediaX',
							digest: 'An article published by a workflow',
							content: '=<p>Published by n8n.</p><p><img src="{{ $json.url }}"></p>',
							thumb_media_id: "={{ $('Add Cover').item.json.media_id }}",
						},
					],
				},
			}),
			wechat('Submit', { resource: 'publication', operation: 'submit', mediaId: '={{ $json.media_id }}' }),
			wechat('Wait for Publish', { resource: 'publication', operation: 'getStatus', publishId: '={{ $json.publish_id }}', waitForCompletion: true, pollIntervalSeconds: 1, maxWaitSeconds: 60, onFailure: 'error' }),
		]);
		const workflowId = await h.createWorkflow(wf);
		h.sim.log.length = 0;
		const res = await h.callWebhook('wx-publish', { method: 'POST', body: {} });
		expect(res.status).toBe(200);
		const result = res.body[0];
		const articleUrl = String(result.article_url ?? result.article_urls?.[0] ?? '');
		expect(articleUrl).toContain('/wechat/s/');
		const page = await (await fetch(articleUrl)).text();
		expect(page).toContain('Hello from n8n');

		// every step's own output, from the execution n8n recorded
		const executions = await h.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=1`);
		const runData = executions.body.data[0].data.resultData.runData;
		const out = (node: string) => runData[node][0].data.main[0][0].json;
		expect(out('Add Cover').media_id).toBeTruthy();
		expect(String(out('Add Cover').url)).toContain('/mmbiz/');
		expect(String(out('Upload Inline Image').url)).toContain('/mmbiz/');
		expect(out('Create Draft').media_id).toBeTruthy();
		expect(String(out('Submit').publish_id)).toMatch(/^\d+$/);
		expect(out('Wait for Publish')).toMatchObject({ publish_status: 0 });
		// the inline image URL survived into the stored draft content (WeChat strips foreign images)
		const state = JSON.stringify(await h.sim.platforms.get('wechat')!.admin!('state', {}, h.sim));
		expect(state).toContain(String(out('Submit').publish_id));
		expect(tokenRequests()).toHaveLength(1);
		expect(log().filter((e) => e.path.includes('freepublish/submit'))).toHaveLength(1);
	});

	it('lets two n8n processes share the credential without invalidating each other', async () => {
		// a fresh credential: both processes start without a token and fetch one at the same time
		const fresh = { id: '', name: 'WeChat OA (shared)' };
		fresh.id = await h.createCredential({
			name: fresh.name,
			type: 'mediaXWeChatOfficialAccountApi',
			data: { environment: 'custom', baseUrl: `${h.sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: SECRET },
		});
		const shared = (name: string, parameters: Record<string, unknown>): NodeSpec => ({ name, type: WECHAT, parameters, credentials: { mediaXWeChatOfficialAccountApi: fresh } });
		const manual = {
			name: 'wechat second process',
			nodes: [
				{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: randomUUID(), name: 'Count', type: WECHAT, typeVersion: 1, position: [220, 0], parameters: { resource: 'draft', operation: 'count' }, credentials: { mediaXWeChatOfficialAccountApi: fresh } },
			],
			connections: { Start: { main: [[{ node: 'Count', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		};
		const manualId = await h.createWorkflow(manual, { activate: false });
		await h.createWorkflow(chainWorkflow('wechat first process', 'wx-count', [splitItems, shared('Count', { resource: 'draft', operation: 'count' })]));
		h.sim.log.length = 0;
		const [server, cli] = await Promise.all([
			h.callWebhook('wx-count', { method: 'POST', body: { items: Array.from({ length: 50 }, (_, i) => ({ i })) } }),
			h.cli(['execute', `--id=${manualId}`]),
		]);
		expect(server.status).toBe(200);
		expect(server.body).toHaveLength(50);
		expect(cli).toContain('total_count');
		const counts = log().filter((e) => e.path.includes('draft/count'));
		expect(counts.length).toBe(51);
		// nobody's token was knocked out: no 40001, and at most one token fetch per process, both returning one token
		expect(counts.filter((e) => e.code === 40001)).toHaveLength(0);
		expect(tokenRequests().length).toBeLessThanOrEqual(2);
		expect(tokenRequests().some((e) => e.note === 'force')).toBe(false);
		expect(new Set(counts.filter((e) => e.code === 0).map((e) => e.token)).size).toBe(1);
	});

	it('heals a 40001 mid-batch with one refresh and loses or duplicates no item', async () => {
		await h.createWorkflow(chainWorkflow('wechat batch', 'wx-batch', [splitItems, wechat('Follower', { resource: 'follower', operation: 'getInfo', openids: '={{ $json.openid }}' })]));
		const list = await h.createWorkflow(chainWorkflow('wechat followers', 'wx-followers', [wechat('Followers', { resource: 'follower', operation: 'list', returnAll: false, limit: 60 })]));
		expect(list).toBeTruthy();
		const followers = (await h.callWebhook('wx-followers', { method: 'POST', body: {} })).body as Array<{ openid: string }>;
		expect(followers).toHaveLength(60);
		h.sim.faults.push({ id: 9101, platform: 'wechat', type: 'admin', action: 'revoke', match: '/cgi-bin/user/info', after: 30, count: 1 });
		h.sim.log.length = 0;
		const res = await h.callWebhook('wx-batch', { method: 'POST', body: { items: followers } });
		expect(res.status).toBe(200);
		expect(res.body.map((u: { openid: string }) => u.openid)).toEqual(followers.map((f) => f.openid));
		expect(tokenRequests()).toHaveLength(1);
		expect(log().filter((e) => e.code === 40001)).toHaveLength(1);
	});

	it('has a Test button that reports a non-whitelisted IP with the IP WeChat saw', async () => {
		const data = { environment: 'custom', baseUrl: `${h.sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: SECRET };
		const id = await h.createCredential({ name: 'WeChat OA (test)', type: 'mediaXWeChatOfficialAccountApi', data });
		const test = async () => (await h.rest('POST', '/rest/credentials/test', { credentials: { id, name: 'WeChat OA (test)', type: 'mediaXWeChatOfficialAccountApi', data } })).body.data as { status: string; message: string };
		expect(await test()).toMatchObject({ status: 'OK' });
		await h.sim.platforms.get('wechat')!.admin!('config', { whitelist: ['10.9.8.7'] }, h.sim);
		try {
			const result = await test();
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/40164/);
			expect(result.message).toMatch(/127\.0\.0\.1/);
			expect(result.message).toMatch(/whitelist/i);
		} finally {
			await h.sim.platforms.get('wechat')!.admin!('config', { whitelist: null }, h.sim);
		}
	});

	it('never prints the AppSecret or a token', async () => {
		const stored = await h.exportCredential(cred.id);
		expect(h.output()).not.toContain(SECRET);
		expect(h.output()).not.toContain(String(stored.accessToken));
	});
});
