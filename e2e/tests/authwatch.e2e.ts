// The authorization lifecycle in real n8n: a Douyin account connected through n8n's OAuth2 callback, whose refresh
// token the simulator issues with 3 days left and whose app may not renew it (Douyin 10004), so the first run records
// "renewals used up, re-consent in 3 days"; Get Authorization Status reads that without a platform call; the
// MediaX Authorization Watch emits it once (its activation poll), not again on the next poll, and emits again when
// Douyin refuses the refresh (10010).
import { randomUUID } from 'node:crypto';
import { startN8n, type N8nHarness } from '../lib/harness';
import { chainWorkflow, type NodeSpec } from '../lib/workflows';

const DOUYIN = 'n8n-nodes-mediax.mediaXDouyin';
const WATCH = 'n8n-nodes-mediax.mediaXAuthorizationWatch';
const DAY_S = 86400;

describe(`Authorization Watch on n8n ${process.env.MEDIAX_N8N_VERSION ?? '2.41.1'}`, () => {
	let h: N8nHarness;
	let creds: Record<string, { id: string; name: string }>;
	let watchId: string;
	const douyinNode = (name: string, parameters: Record<string, unknown>): NodeSpec => ({ name, type: DOUYIN, parameters, credentials: creds });
	const douyinCalls = () => h.sim.log.filter((e) => e.platform === 'douyin');

	async function executions(workflowId: string): Promise<any[]> {
		const r = await h.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=50`);
		return r.body.data ?? [];
	}
	/** the executions of the watch, once n8n has finished writing `count` of them */
	async function watchExecutions(count: number): Promise<any[]> {
		for (let i = 0; i < 100; i++) {
			const list = (await executions(watchId)).filter((e) => e.finished || e.status === 'success');
			if (list.length >= count) return list;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		return executions(watchId);
	}
	const emitted = (execution: any) => execution.data.resultData.runData.Watch[0].data.main[0].map((i: any) => i.json);
	async function reactivateWatch() {
		expect((await h.api('POST', `/workflows/${watchId}/deactivate`)).status).toBeLessThan(300);
		// activation runs one poll before it answers (n8n-core active-workflow-triggers: executePollTrigger(true))
		expect((await h.api('POST', `/workflows/${watchId}/activate`)).status).toBeLessThan(300);
	}

	beforeAll(async () => {
		h = await startN8n();
		// Douyin's rules with a short refresh token: the first run finds it inside the 5-day renewal window, and the
		// app lacks the renew_refresh_token permission (10004), so no renewal is possible
		await h.sim.platforms.get('douyin')!.admin!('config', { refreshTokenTtl: 3 * DAY_S, renewPermission: false }, h.sim);
		const id = await h.createCredential({
			name: 'Douyin account',
			type: 'mediaXDouyinOAuth2Api',
			data: { environment: 'custom', baseUrl: `${h.sim.baseUrl}/douyin`, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' },
		});
		creds = { mediaXDouyinOAuth2Api: { id, name: 'Douyin account' } };
		await h.connectOAuth2(id, { browser: false });
		await h.createWorkflow(chainWorkflow('douyin account', 'aw-account', [douyinNode('Account', { resource: 'user', operation: 'getInfo' })]));
		await h.createWorkflow(chainWorkflow('douyin authorization status', 'aw-status', [douyinNode('Status', { resource: 'authorization', operation: 'getAuthorizationStatus' })]));
	});
	afterAll(async () => {
		await h?.stop();
	});

	it('the first run records the expiry facts; Get Authorization Status reports them without calling Douyin', async () => {
		const account = await h.callWebhook('aw-account', { method: 'POST', body: {} });
		expect(account.status).toBe(200);
		const stored = await h.exportCredential(creds.mediaXDouyinOAuth2Api.id);
		expect(stored.oauthTokenData.mediax).toMatchObject({ renew_count: 5 });
		expect(stored.oauthTokenData.mediax.refresh_expires_at).toBeGreaterThan(Date.now());

		h.sim.log.length = 0;
		const res = await h.callWebhook('aw-status', { method: 'POST', body: {} });
		expect(res.status).toBe(200);
		expect(douyinCalls()).toEqual([]);
		const [status] = res.body;
		expect(status).toMatchObject({
			platform: 'douyin',
			credentialName: 'Douyin account',
			account: { open_id: 'sim-open-id-0001' },
			state: 'expiring',
			renewalsUsed: 5,
			renewalsLeft: 0,
			refusedRefresh: null,
			reconsentNeededAt: new Date(stored.oauthTokenData.mediax.refresh_expires_at).toISOString(),
		});
		expect(status.daysLeft).toBeGreaterThan(2.9);
		expect(status.daysLeft).toBeLessThanOrEqual(3);
		expect(status.reconnect).toContain('Open the credential "Douyin account" and click "Connect" or "Reconnect"');
		expect(JSON.stringify(res.body)).not.toContain(stored.oauthTokenData.data.refresh_token);
	});

	it('the watch emits the expiring authorization once: on its first poll, not on the next', async () => {
		watchId = await h.createWorkflow({
			name: 'authorization watch',
			nodes: [
				{
					id: randomUUID(),
					name: 'Watch',
					type: WATCH,
					typeVersion: 1,
					position: [0, 0],
					// hourly, so only the polls this test starts (each activation polls once) run during it
					parameters: { pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] } },
					credentials: creds,
				},
			],
			connections: {},
		});
		const first = await watchExecutions(1);
		expect(first).toHaveLength(1);
		expect(emitted(first[0])).toEqual([expect.objectContaining({ platform: 'douyin', state: 'expiring', renewalsLeft: 0, credentialName: 'Douyin account' })]);

		await reactivateWatch(); // a second poll: the same condition, nothing to emit
		const workflow = await h.api('GET', `/workflows/${watchId}`);
		expect(JSON.stringify(workflow.body.staticData)).toContain('expiring|');
		expect(await watchExecutions(1)).toHaveLength(1);
	});

	it('a refused refresh is recorded, reported as refused, and emitted once by the watch', async () => {
		const sim = h.sim.platforms.get('douyin')!;
		await sim.admin!('expire', { kind: 'refresh' }, h.sim);
		await sim.admin!('revoke', { kind: 'user' }, h.sim);
		h.sim.log.length = 0;
		const account = await h.callWebhook('aw-account', { method: 'POST', body: {} });
		expect(account.status).toBeGreaterThanOrEqual(500);
		expect(douyinCalls().filter((e) => e.path.startsWith('/oauth/refresh_token')).map((e) => e.code)).toEqual([10010]);

		h.sim.log.length = 0;
		const [status] = (await h.callWebhook('aw-status', { method: 'POST', body: {} })).body;
		expect(douyinCalls()).toEqual([]);
		expect(status).toMatchObject({ state: 'refused', refusedRefresh: { code: 10010 } });

		await reactivateWatch();
		const list = await watchExecutions(2);
		expect(list).toHaveLength(2);
		const latest = list.sort((a, b) => Number(b.id) - Number(a.id))[0];
		expect(emitted(latest)).toEqual([expect.objectContaining({ state: 'refused', refusedRefresh: expect.objectContaining({ code: 10010 }) })]);
		await reactivateWatch();
		expect(await watchExecutions(2)).toHaveLength(2);
	});
});
