// RedBook (JuGuang) in real n8n: connecting the way a person does it (the node's authorization URL, the consent page,
// the auth_code pasted into the credential and exchanged by its Test), one read and one write, and an access token
// that expires mid-batch healed with one refresh whose rotated tokens are persisted.
import { startN8n, parseConsentPage, type N8nHarness } from '../lib/harness';
import { chainWorkflow, splitItems, type NodeSpec } from '../lib/workflows';

const REDBOOK = 'n8n-nodes-mediax.mediaXRedBook';
const CRED_TYPE = 'mediaXRedBookOAuth2Api';
const SECRET = 'sim_redbook_secret';
const ADVERTISER = '1234567';
/** the seeded campaigns of advertiser 1234567: 123456701 … 123456730 */
const SEEDED = Array.from({ length: 30 }, (_, i) => 123456701 + i);
/** registered redirect URI; nothing listens there, the code is read from the redirect itself */
const REDIRECT_URI = 'http://127.0.0.1:9/juguang/callback';

describe(`RedBook JuGuang on n8n ${process.env.MEDIAX_N8N_VERSION ?? '2.41.1'}`, () => {
	let h: N8nHarness;
	let cred: { id: string; name: string };
	const webhookBodies: string[] = [];
	const authCodes: string[] = [];
	const seenTokens = new Set<string>();
	const log = () => h.sim.log.filter((e) => e.platform === 'redbook');
	const tokenRequests = () => log().filter((e) => e.category === 'token-request');
	const redbook = (name: string, parameters: Record<string, unknown>): NodeSpec => ({ name, type: REDBOOK, parameters, credentials: { [CRED_TYPE]: cred } });
	const call = async (path: string, body: unknown = {}) => {
		const res = await h.callWebhook(path, { method: 'POST', body });
		webhookBodies.push(JSON.stringify(res.body));
		return res;
	};
	const stored = async () => {
		const data = await h.exportCredential(cred.id);
		for (const t of [data.accessToken, data.refreshToken]) if (t) seenTokens.add(String(t));
		return data;
	};
	const simGrant = async (refreshToken: string) => {
		const state = (await h.sim.platforms.get('redbook')!.admin!('state', {}, h.sim)) as { grants: Array<{ accessToken: string; refreshToken: string; advertiserIds: number[] }> };
		return state.grants.find((g) => g.refreshToken === refreshToken);
	};

	beforeAll(async () => {
		h = await startN8n();
		cred = { id: '', name: 'JuGuang advertisers' };
		cred.id = await h.createCredential({
			name: cred.name,
			type: CRED_TYPE,
			data: {
				environment: 'custom',
				baseUrl: `${h.sim.baseUrl}/redbook`,
				appId: '4000001',
				secret: SECRET,
				redirectUri: REDIRECT_URI,
				requestedScopes: ['report_service', 'ad_query', 'ad_manage', 'account_manage'],
			},
		});
	});
	afterAll(() => h?.stop());

	it('connects as a person does: Get Authorization URL, Agree on the consent page, paste auth_code, Test exchanges it', async () => {
		await h.createWorkflow(chainWorkflow('redbook authorize', 'rb-auth', [redbook('Authorize', { resource: 'authorization', operation: 'getAuthorizationUrl', state: '' })]));
		const res = await call('rb-auth');
		expect(res.status).toBe(200);
		const out = res.body[0] as { url: string; state: string; redirect_uri: string; scopes: string[] };
		expect(out.url.startsWith(`${h.sim.baseUrl}/redbook/auth?`)).toBe(true);
		expect(out.redirect_uri).toBe(REDIRECT_URI);
		expect(out.state).toMatch(/^[0-9a-f]{16}$/);
		expect(out.scopes).toEqual(['report_service', 'ad_query', 'ad_manage', 'account_manage']);

		// the browser: consent page → Agree → redirect to the registered URI with ?auth_code=…
		const page = await fetch(out.url);
		expect(page.status).toBe(200);
		const agree = parseConsentPage(await page.text(), out.url);
		const decision = await fetch(agree.url, { method: agree.method, redirect: 'manual' });
		expect(decision.status).toBeGreaterThanOrEqual(300);
		expect(decision.status).toBeLessThan(400);
		const landing = new URL(decision.headers.get('location')!);
		expect(`${landing.origin}${landing.pathname}`).toBe(REDIRECT_URI);
		expect(landing.searchParams.get('state')).toBe(out.state);
		const authCode = landing.searchParams.get('auth_code')!;
		expect(authCode).toBeTruthy();
		authCodes.push(authCode);

		// the credential form: opened (secrets redacted), code pasted, saved — as the editor does it
		const opened = await h.rest('GET', `/rest/credentials/${cred.id}?includeData=true`);
		expect(opened.status).toBe(200);
		const form = opened.body.data as { name: string; type: string; data: Record<string, unknown> };
		expect(form.data.secret).not.toBe(SECRET);
		const data = { ...form.data, authCode };
		const saved = await h.rest('PATCH', `/rest/credentials/${cred.id}`, { name: form.name, type: form.type, data });
		expect(saved.status).toBe(200);

		h.sim.log.length = 0;
		const test = await h.rest('POST', '/rest/credentials/test', { credentials: { id: cred.id, name: form.name, type: form.type, data } });
		expect(test.status).toBe(200);
		expect(test.body.data).toMatchObject({ status: 'OK' });
		// the Test exchanged the code once, then listed notes with the new token
		expect(tokenRequests().map((e) => [e.path, e.code])).toEqual([['/api/open/oauth2/access_token', 0]]);

		const c = await stored();
		expect(c.accessToken).toMatch(/^rb_at_/);
		expect(c.refreshToken).toMatch(/^rb_rt_/);
		expect(c.authCode ?? '').toBe('');
		expect(c.usedAuthCode).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.parse(c.advertisers).map((a: { advertiser_id: number }) => a.advertiser_id)).toEqual([1234567, 7654321]);
		expect(c.expiresAt).toBeGreaterThan(Date.now());
		const grant = await simGrant(c.refreshToken);
		expect(grant).toMatchObject({ accessToken: c.accessToken, advertiserIds: [1234567, 7654321] });
		const noteList = log().find((e) => e.path === '/api/open/jg/note/list');
		expect(noteList).toMatchObject({ code: 0, token: c.accessToken });
	});

	it('reads every campaign across pages with Return All, presenting the stored token', async () => {
		await h.createWorkflow(chainWorkflow('redbook list', 'rb-list', [redbook('Campaigns', { resource: 'campaign', operation: 'list', advertiserId: ADVERTISER, returnAll: true, filters: {} })]));
		h.sim.log.length = 0;
		const res = await call('rb-list');
		expect(res.status).toBe(200);
		expect(res.body.map((c: { campaign_id: number }) => c.campaign_id).sort()).toEqual(SEEDED);
		expect(res.body[0].campaign_day_budget_yuan).toBe(res.body[0].campaign_day_budget / 100);
		const c = await stored();
		const pages = log().filter((e) => e.path === '/api/open/jg/campaign/list');
		expect(pages).toHaveLength(2); // 20 + 10
		expect(pages.every((e) => e.code === 0 && e.token === c.accessToken)).toBe(true);
		expect(tokenRequests()).toHaveLength(0);
	});

	it('creates a campaign and pauses it in one run', async () => {
		await h.createWorkflow(
			chainWorkflow('redbook create and pause', 'rb-write', [
				redbook('Create Campaign', {
					resource: 'campaign',
					operation: 'create',
					advertiserId: ADVERTISER,
					campaignName: '={{ $json.body.name }}',
					marketingTarget: 4,
					placement: 1,
					biddingStrategy: 2,
					dailyBudget: 150,
					enable: true,
					additionalFields: {},
				}),
				redbook('Pause Campaign', { resource: 'campaign', operation: 'changeStatus', advertiserId: ADVERTISER, campaignIds: '={{ $json.campaign_id }}', statusAction: 2 }),
			]),
		);
		h.sim.log.length = 0;
		const res = await call('rb-write', { name: 'MediaX e2e 种草计划' });
		expect(res.status).toBe(200);
		const out = res.body[0] as { campaign_ids: number[]; action: string; requests: number; advertiser_id: number };
		expect(out).toMatchObject({ action: 'pause', action_type: 2, requests: 1, advertiser_id: 1234567 });
		expect(out.campaign_ids).toHaveLength(1);
		const state = (await h.sim.platforms.get('redbook')!.admin!('state', {}, h.sim)) as { campaigns: Array<Record<string, unknown>> };
		expect(state.campaigns.find((x) => x.campaign_id === out.campaign_ids[0])).toMatchObject({
			advertiser_id: 1234567,
			campaign_name: 'MediaX e2e 种草计划',
			status: 2,
			campaign_day_budget: 15000,
		});
		const c = await stored();
		const writes = log().filter((e) => e.path === '/api/open/jg/campaign/create' || e.path === '/api/open/jg/campaign/status/update');
		expect(writes.map((e) => [e.path, e.code, e.token === c.accessToken])).toEqual([
			['/api/open/jg/campaign/create', 0, true],
			['/api/open/jg/campaign/status/update', 0, true],
		]);
	});

	it('heals an access token that expires mid-batch with one refresh and persists the rotated tokens', async () => {
		await h.createWorkflow(chainWorkflow('redbook batch', 'rb-batch', [splitItems, redbook('Get Campaign', { resource: 'campaign', operation: 'get', advertiserId: ADVERTISER, campaignId: '={{ $json.id }}' })]));
		const before = await stored();
		// JuGuang expires the access token just before the 16th read of the batch
		h.sim.faults.push({ id: 9301, platform: 'redbook', type: 'admin', action: 'expire', body: { kind: 'access' }, match: '/api/open/jg/campaign/list', after: 15, count: 1 });
		h.sim.log.length = 0;
		const res = await call('rb-batch', { items: SEEDED.map((id) => ({ id })) });
		expect(res.status).toBe(200);
		expect(res.body.map((c: { campaign_id: number }) => c.campaign_id)).toEqual(SEEDED);

		expect(tokenRequests().map((e) => [e.path, e.code])).toEqual([['/api/open/oauth2/refresh_token', 0]]);
		const reads = log().filter((e) => e.path === '/api/open/jg/campaign/list');
		expect(reads).toHaveLength(31);
		expect(reads.filter((e) => e.code !== 0).map((e) => e.code)).toEqual([40102]);
		expect(reads[15]).toMatchObject({ code: 40102, token: before.accessToken });

		const after = await stored();
		expect(after.accessToken).not.toBe(before.accessToken);
		expect(after.refreshToken).not.toBe(before.refreshToken);
		// the persisted pair is the simulator's current one (the old refresh token was rotated away)
		expect(await simGrant(after.refreshToken)).toMatchObject({ accessToken: after.accessToken });
		expect(await simGrant(before.refreshToken)).toBeUndefined();
		expect(reads.slice(16).every((e) => e.code === 0 && e.token === after.accessToken)).toBe(true);
		expect(reads.slice(0, 15).every((e) => e.token === before.accessToken)).toBe(true);
	});

	it('never shows the secret, a token or the authorization code in n8n\'s log or in webhook output', async () => {
		await stored();
		const secrets = [SECRET, ...authCodes, ...seenTokens];
		expect(seenTokens.size).toBeGreaterThanOrEqual(4);
		for (const s of secrets) {
			expect(h.output()).not.toContain(s);
			for (const body of webhookBodies) expect(body).not.toContain(s);
		}
	});
});
