import type { INodeExecutionData } from 'n8n-workflow';
import { MediaXRedBookOAuth2Api } from '../../credentials/MediaXRedBookOAuth2Api.credentials';
import { accountFigures, realTimeRows } from '../../nodes/MediaXRedBook/actions/report/realTime.operation';
import { MediaXRedBook } from '../../nodes/MediaXRedBook/MediaXRedBook.node';
import { getAdvertisers } from '../../nodes/MediaXRedBook/methods/loadOptions';
import { REDBOOK_ERROR_CODES as CODES } from '../../simulator/src/platforms/redbook';
import { CredentialStore, fakeContext, httpRequest, resolveExpression } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const CRED = 'mediaXRedBookOAuth2Api';
const APP_ID = '4000001';
const SECRET = 'sim_redbook_secret';
const ADV_A = 1234567;
const ADV_B = 7654321;
const REDIRECT = 'https://example.com/juguang/callback';

/** Asia/Shanghai calendar day, n days ago */
const cnDay = (daysAgo = 0) => new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

describe('MediaX RedBook node', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	let seen: string[];

	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	function setup(data: Record<string, unknown> = {}) {
		sim.reset();
		store = new CredentialStore({ [CRED]: new MediaXRedBookOAuth2Api() });
		store.add({
			id: 'rb1',
			name: 'JuGuang',
			type: CRED,
			data: { environment: 'custom', baseUrl: `${sim.baseUrl}/redbook`, appId: APP_ID, secret: SECRET, redirectUri: REDIRECT, scopes: ['report_service', 'ad_query', 'ad_manage', 'account_manage'], ...data },
		});
		seen = [];
	}

	/** a connected credential, as if a code had been exchanged: the issue-user-token shortcut stored as n8n would */
	async function connected(body: Record<string, unknown> = {}) {
		setup();
		const t = await admin(sim, '/redbook/issue-user-token', body);
		store.write('rb1', {
			...store.read('rb1').data,
			accessToken: t.access_token,
			expiresAt: Date.now() + t.access_token_expires_in * 1000,
			tokenFor: `${sim.baseUrl}/redbook|${APP_ID}`,
			refreshToken: t.refresh_token,
			refreshExpiresAt: Date.now() + t.refresh_token_expires_in * 1000,
			advertisers: JSON.stringify(t.approval_advertisers),
			userId: t.user_id,
			grantedScope: t.scope,
		});
		sim.log.length = 0;
		return t;
	}

	const context = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => fakeContext({ store, attached: { [CRED]: 'rb1' }, parameters, ...extra });

	async function run(parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<INodeExecutionData[]> {
		try {
			const [out] = await new MediaXRedBook().execute.call(context(parameters, extra));
			seen.push(JSON.stringify(out));
			return out;
		} catch (error) {
			seen.push(JSON.stringify(error), String((error as Error).message), String((error as { description?: string }).description));
			throw error;
		}
	}

	const json = (out: INodeExecutionData[]) => out.map((o) => o.json as Record<string, any>);
	const calls = (pathPart: string) => sim.log.filter((e) => e.path.includes(pathPart));
	const loadAdvertisers = () => getAdvertisers.call({ getCredentials: (type: string) => context({}).getCredentials(type) } as never);

	afterEach(() => {
		// no output or error ever carries the secret or a token the simulator saw
		const tokens = new Set(sim.log.map((e) => e.token).filter((t): t is string => !!t && t.length > 6));
		const data = store.read('rb1').data;
		for (const key of ['accessToken', 'refreshToken']) if (data[key]) tokens.add(String(data[key]));
		const text = seen.join('\n');
		expect(text).not.toContain(SECRET);
		for (const token of tokens) expect(text).not.toContain(token);
	});

	it('builds the authorization URL, exchanges the pasted code once, and lists the authorized advertisers', async () => {
		setup();
		expect(await loadAdvertisers()).toEqual([expect.objectContaining({ value: '', name: expect.stringMatching(/save the authorization code/i) })]);

		const [auth] = json(await run({ resource: 'authorization', operation: 'getAuthorizationUrl', state: 'st-42' }));
		expect(sim.log).toEqual([]); // builds a link, calls nothing
		expect(auth).toMatchObject({ redirect_uri: REDIRECT, state: 'st-42', scopes: ['report_service', 'ad_query', 'ad_manage', 'account_manage'] });
		expect(auth.next_step).toContain('auth_code');
		const url = new URL(auth.url);
		expect(url.origin + url.pathname).toBe(`${sim.baseUrl}/redbook/auth`);
		expect(url.searchParams.get('appId')).toBe(APP_ID);

		// the person approves on the consent page and copies the code from the redirect
		const page = await (await fetch(auth.url)).text();
		const href = /id="agree" href="([^"]+)"/.exec(page)![1].replace(/&amp;/g, '&');
		const back = new URL((await fetch(`${sim.baseUrl}${href}`, { redirect: 'manual' })).headers.get('location')!);
		expect(back.searchParams.get('state')).toBe('st-42');
		const code = back.searchParams.get('auth_code')!;
		store.write('rb1', { ...store.read('rb1').data, authCode: code });
		sim.log.length = 0;

		const [balance] = json(await run({ resource: 'account', operation: 'getBalance', advertiserId: String(ADV_A) }, { items: [{ json: {} }, { json: {} }, { json: {} }] }));
		expect(balance.advertiser_id).toBe(ADV_A);
		expect(balance.cash_balance_yuan).toBe(balance.cash_balance / 100);
		expect(balance.available_balance_yuan).toBe(balance.available_balance / 100);
		const [info] = json(await run({ resource: 'account', operation: 'getInfo', advertiserId: String(ADV_B) }));
		expect(info).toMatchObject({ advertiser_id: ADV_B, advertiser_name: '测试广告主 B', in_authorization: true, granted_scopes: expect.arrayContaining(['ad_manage']) });
		expect(info.balance.total_balance_yuan).toBe(info.balance.total_balance / 100);

		expect(tokenRequests(sim, 'redbook')).toHaveLength(1);
		expect(tokenRequests(sim, 'redbook', 'access_token')).toHaveLength(1);
		const stored = store.read('rb1').data;
		expect(stored.authCode).toBe('');
		expect(stored.usedAuthCode).toMatch(/^[0-9a-f]{64}$/);
		expect(String(stored.refreshToken)).toMatch(/^rb_rt_/);
		expect(await loadAdvertisers()).toEqual([
			{ name: '测试广告主 A (1234567)', value: '1234567' },
			{ name: '测试广告主 B (7654321)', value: '7654321' },
		]);
		// every API call carried the one exchanged token
		expect(new Set(calls('/api/open/jg/').map((e) => e.token))).toEqual(new Set([stored.accessToken]));
	});

	it('the credential Test exchanges a newly pasted code and checks the first advertiser that exchange stored', async () => {
		setup();
		const page = await (await fetch(`${sim.baseUrl}/redbook/auth?appId=${APP_ID}&scope=${encodeURIComponent('["ad_query"]')}&redirectUri=${encodeURIComponent(REDIRECT)}`)).text();
		const href = /id="agree" href="([^"]+)"/.exec(page)![1].replace(/&amp;/g, '&');
		const code = new URL((await fetch(`${sim.baseUrl}${href}`, { redirect: 'manual' })).headers.get('location')!).searchParams.get('auth_code')!;
		const cred = new MediaXRedBookOAuth2Api();
		const data: Record<string, any> = { ...store.read('rb1').data, authCode: code, accessToken: '', advertisers: '[]' };
		// n8n's order: the Test's request is built from the credential as saved (no advertisers yet), then
		// preAuthentication exchanges the code, then authenticate signs the request with what the exchange returned
		const { request } = cred.test;
		const body = Object.fromEntries(Object.entries(request.body as Record<string, unknown>).map(([k, v]) => [k, resolveExpression(v, data)]));
		Object.assign(data, await cred.preAuthentication.call({ helpers: { httpRequest } } as never, data as never));
		const signed = await cred.authenticate(data as never, { method: 'POST', url: `${String(resolveExpression(request.baseURL, data))}${request.url}`, body, json: true });
		expect(signed.headers).toMatchObject({ 'Access-Token': data.accessToken });
		expect(signed.body).toMatchObject({ advertiser_id: ADV_A });
		const reply = await httpRequest(signed);
		expect(reply).toMatchObject({ code: 0, success: true });
		expect(calls('/api/open/jg/note/list').map((e) => [e.code, e.token])).toEqual([[0, data.accessToken]]);
		// a node's own advertiser is never replaced
		const own = await cred.authenticate(data as never, { method: 'POST', url: 'x', body: { advertiser_id: ADV_B } });
		expect(own.body).toEqual({ advertiser_id: ADV_B });
	});

	it('lists campaigns with Return All across nested pages, and with a Limit in one request', async () => {
		await connected();
		const all = json(await run({ resource: 'campaign', operation: 'list', advertiserId: String(ADV_A), returnAll: true, filters: {} }));
		expect(all).toHaveLength(30);
		expect(new Set(all.map((c) => c.campaign_id)).size).toBe(30);
		expect(all[0].campaign_day_budget_yuan).toBe(all[0].campaign_day_budget / 100);
		expect(calls('/campaign/list')).toHaveLength(2);

		sim.log.length = 0;
		const some = json(await run({ resource: 'campaign', operation: 'list', advertiserId: String(ADV_A), returnAll: false, limit: 7, filters: { status: 2 } }));
		expect(some.length).toBeGreaterThan(0);
		expect(some.every((c) => c.campaign_filter_state === 2)).toBe(true);
		expect(calls('/campaign/list')).toHaveLength(1);

		sim.log.length = 0;
		const limited = json(await run({ resource: 'campaign', operation: 'list', advertiserId: String(ADV_B), returnAll: false, limit: 25, filters: {} }));
		expect(limited).toHaveLength(25);
		expect(calls('/campaign/list')).toHaveLength(2);

		const [one] = json(await run({ resource: 'campaign', operation: 'get', advertiserId: String(ADV_A), campaignId: String(ADV_A * 100 + 3) }));
		expect(one.campaign_name).toBe('模拟计划 03');
		await expect(run({ resource: 'campaign', operation: 'get', advertiserId: String(ADV_A), campaignId: '999' })).rejects.toThrow(/Campaign 999 was not found under advertiser 1234567/);
	});

	it('creates a campaign in yuan, pauses it and finds it in the paused list; validates the budget before sending', async () => {
		await connected();
		await expect(
			run({ resource: 'campaign', operation: 'create', advertiserId: String(ADV_A), campaignName: 'x', marketingTarget: 4, placement: 1, biddingStrategy: 2, dailyBudget: 50 }),
		).rejects.toThrow(/Daily Budget must be between 100 and 999999 yuan/);
		expect(sim.log).toEqual([]);

		const [created] = json(
			await run({ resource: 'campaign', operation: 'create', advertiserId: String(ADV_A), campaignName: '夏季防晒', marketingTarget: 4, placement: 2, biddingStrategy: 3, dailyBudget: 150.5, startDate: '2025-06-01T00:00:00', endDate: '2025-08-31', enable: true }),
		);
		expect(created).toMatchObject({ campaign_name: '夏季防晒', campaign_day_budget: 15050, campaign_day_budget_yuan: 150.5, time_type: 1, start_time: '2025-06-01', expire_time: '2025-08-31' });
		const id = created.campaign_id;
		expect(id).toBeGreaterThan(0);

		const [updated] = json(await run({ resource: 'campaign', operation: 'update', advertiserId: String(ADV_A), campaignId: String(id), updateFields: { daily_budget: 300, campaign_name: '夏季防晒 2' } }));
		expect(updated).toMatchObject({ campaign_id: id, campaign_day_budget: 30000, updated: true });

		const [status] = json(await run({ resource: 'campaign', operation: 'changeStatus', advertiserId: String(ADV_A), campaignIds: String(id), statusAction: 2 }));
		expect(status).toMatchObject({ action: 'pause', campaign_ids: [id], requests: 1 });
		const paused = json(await run({ resource: 'campaign', operation: 'list', advertiserId: String(ADV_A), returnAll: true, filters: { status: 2 } }));
		const mine = paused.find((c) => c.campaign_id === id);
		expect(mine).toMatchObject({ campaign_name: '夏季防晒 2', campaign_filter_state: 2, campaign_day_budget_yuan: 300 });

		// more than 20 IDs go in batches of 20
		sim.log.length = 0;
		const ids = Array.from({ length: 25 }, (_, k) => ADV_A * 100 + 1 + k);
		const [batched] = json(await run({ resource: 'campaign', operation: 'changeStatus', advertiserId: String(ADV_A), campaignIds: ids.join(', '), statusAction: 1 }));
		expect(batched).toMatchObject({ action: 'enable', requests: 2 });
		expect(batched.campaign_ids).toEqual(ids);
		expect(calls('/campaign/status/update')).toHaveLength(2);
	});

	it('units and note creatives: create, get, pause, search', async () => {
		await connected();
		const campaignId = ADV_A * 100 + 2;
		const units = json(await run({ resource: 'unit', operation: 'list', advertiserId: String(ADV_A), returnAll: true, filters: {} }));
		expect(units).toHaveLength(20);
		expect(calls('/unit/list')).toHaveLength(1);
		expect(units[0].event_bid_yuan).toBe(units[0].event_bid / 100);

		const [unit] = json(await run({ resource: 'unit', operation: 'create', advertiserId: String(ADV_A), campaignId: String(campaignId), unitName: '单元 N', eventBid: 1.2, additionalFields: { target_config: '{"target_gender":"female"}' } }));
		expect(unit).toMatchObject({ event_bid: 120, event_bid_yuan: 1.2, target_config: { target_gender: 'female' } });
		const [got] = json(await run({ resource: 'unit', operation: 'get', advertiserId: String(ADV_A), unitId: String(unit.unit_id) }));
		expect(got).toMatchObject({ unit_name: '单元 N', campaign_id: campaignId });

		const [notes] = [json(await run({ resource: 'note', operation: 'list', advertiserId: String(ADV_A), noteType: 1, returnAll: true }))];
		expect(notes.length).toBeGreaterThan(0);
		const [creative] = json(await run({ resource: 'creative', operation: 'create', advertiserId: String(ADV_A), unitId: String(unit.unit_id), noteId: notes[0].note_id, additionalFields: { click_urls: 'https://t.example.com/c' } }));
		expect(creative.creativity_id).toBeGreaterThan(0);
		await run({ resource: 'creative', operation: 'changeStatus', advertiserId: String(ADV_A), creativeIds: String(creative.creativity_id), statusAction: 2 });
		const [c] = json(await run({ resource: 'creative', operation: 'get', advertiserId: String(ADV_A), creativeId: String(creative.creativity_id) }));
		expect(c).toMatchObject({ note_id: notes[0].note_id, creativity_filter_state: 3, click_urls: ['https://t.example.com/c'] });
		const found = json(await run({ resource: 'creative', operation: 'search', advertiserId: String(ADV_A), returnAll: true, filters: { unit_id: String(unit.unit_id) } }));
		expect(found.map((x) => x.creativity_id)).toEqual([creative.creativity_id]);

		await run({ resource: 'unit', operation: 'changeStatus', advertiserId: String(ADV_A), unitIds: String(unit.unit_id), statusAction: 2 });
		const pausedUnits = json(await run({ resource: 'unit', operation: 'list', advertiserId: String(ADV_A), returnAll: true, filters: { status: 2 } }));
		expect(pausedUnits.map((u) => u.unit_id)).toEqual([unit.unit_id]);
		// 21 units now: Return All takes a second top-level page
		sim.log.length = 0;
		expect(json(await run({ resource: 'unit', operation: 'list', advertiserId: String(ADV_A), returnAll: true, filters: {} }))).toHaveLength(21);
		expect(calls('/unit/list').map((e) => e.note)).toHaveLength(2);
	});

	it('offline report: one item per row, money in yuan too, later days clamped to yesterday with a notice', async () => {
		await connected();
		const start = cnDay(3);
		const rows = json(await run({ resource: 'report', operation: 'offline', advertiserId: String(ADV_A), level: 'campaign', startDate: start, endDate: cnDay(0), timeUnit: 'DAY', returnAll: true, options: { sort_column: 'fee', sort: 'desc' } }));
		expect(rows).toHaveLength(30 * 3); // three days up to yesterday
		const body = calls('/data/report/offline/campaign');
		expect(body).toHaveLength(1);
		expect(rows[0]).toMatchObject({ campaign_id: expect.any(Number), impression: expect.any(Number) });
		expect(rows[0].fee_yuan).toBe(rows[0].fee / 100);
		expect(rows[0].fee).toBeGreaterThanOrEqual(rows[1].fee);
		expect(rows.every((r) => r.notice?.includes(cnDay(1)))).toBe(true);
		expect(new Set(rows.map((r) => r.time))).toEqual(new Set([cnDay(3), cnDay(2), cnDay(1)]));

		// a limit pages with page_num/page_size; metrics that come as text become numbers
		await admin(sim, '/redbook/config', { metricsAsStrings: true });
		sim.log.length = 0;
		const limited = json(await run({ resource: 'report', operation: 'offline', advertiserId: String(ADV_A), level: 'account', startDate: cnDay(10), endDate: cnDay(1), timeUnit: 'DAY', returnAll: false, limit: 4 }));
		expect(limited).toHaveLength(4);
		expect(calls('/data/report/offline/account')).toHaveLength(1);
		expect(typeof limited[0].impression).toBe('number');
		expect(typeof limited[0].ctr).toBe('number');
		expect(limited[0].notice).toBeUndefined();

		await expect(run({ resource: 'report', operation: 'offline', advertiserId: String(ADV_A), level: 'unit', startDate: cnDay(0), timeUnit: 'DAY', returnAll: true })).rejects.toThrow(
			/Offline reports end yesterday/,
		);
	});

	it('real-time report: account figures and one item per campaign, read from the top level or data', async () => {
		await connected();
		const [account] = json(await run({ resource: 'report', operation: 'realTime', advertiserId: String(ADV_A), level: 'account', hourly: true }));
		expect(account).toMatchObject({ advertiser_id: ADV_A, start_date: cnDay(0), end_date: cnDay(0), impression: expect.any(Number) });
		expect(account.fee_yuan).toBe(account.fee / 100);
		expect(account.hourly_data).toHaveLength(24);

		const campaigns = json(await run({ resource: 'report', operation: 'realTime', advertiserId: String(ADV_A), level: 'campaign', returnAll: true, options: {} }));
		expect(campaigns).toHaveLength(30);
		expect(campaigns[0]).toMatchObject({ campaign_id: expect.any(Number), campaign_name: expect.any(String), click: expect.any(Number) });
		const creatives = json(await run({ resource: 'report', operation: 'realTime', advertiserId: String(ADV_A), level: 'creative', returnAll: false, limit: 3, options: {} }));
		expect(creatives).toHaveLength(3);
		expect(calls('/data/report/realtime/creativity')).toHaveLength(1);

		// either placement of the list is read
		const dto = { base_unit_dto: { unit_id: 5, unit_name: 'u' }, data: { fee: '1,200', ctr: '2.50%' } };
		const top = realTimeRows({ code: 0, unit_dtos: [dto], page: { total_count: 1 } }, 'unit_dtos');
		const nested = realTimeRows({ code: 0, data: { unit_dtos: [dto], page: { total_count: 1 } } }, 'unit_dtos');
		expect(top).toEqual(nested);
		expect(top.rows[0]).toEqual({ unit_id: 5, unit_name: 'u', fee: 1200, fee_yuan: 12, ctr: 2.5 });
		expect(accountFigures({ code: 0, data: { data: { fee: 100 } }, hourly_data: [{ fee: 1 }] })).toEqual({ fee: 100, fee_yuan: 1, hourly_data: [{ fee: 1, fee_yuan: 0.01 }] });
		expect(accountFigures({ code: 0, data: { fee: 100 } })).toEqual({ fee: 100, fee_yuan: 1 });
	});

	it('heals an access token expired mid-batch with exactly one refresh, persists the rotated refresh token, and heals again with it', async () => {
		const issued = await connected();
		const items = Array.from({ length: 5 }, () => ({ json: {} }));
		// the simulator expires every access token just before the third balance request
		await admin(sim, '/faults', { platform: 'redbook', type: 'admin', match: '/api/open/jg/account/balance', after: 2, count: 1, action: 'expire', body: { kind: 'access' } });
		const first = json(await run({ resource: 'account', operation: 'getBalance', advertiserId: String(ADV_A) }, { items }));
		expect(first).toHaveLength(5);
		expect(first.every((b) => b.advertiser_id === ADV_A)).toBe(true);
		expect(tokenRequests(sim, 'redbook')).toHaveLength(1);
		expect(tokenRequests(sim, 'redbook', 'refresh_token')).toHaveLength(1);
		expect(calls('/account/balance').map((e) => e.code)).toEqual([0, 0, CODES.tokenExpired, 0, 0, 0]);
		const afterFirst = store.read('rb1').data;
		const state = await admin(sim, '/redbook/state');
		expect(afterFirst.refreshToken).not.toBe(issued.refresh_token);
		expect(afterFirst.refreshToken).toBe(state.grants[0].refreshToken);
		expect(afterFirst.accessToken).toBe(state.grants[0].accessToken);

		// second expiry: only the rotated refresh token works now, and it is the one used
		sim.log.length = 0;
		await admin(sim, '/redbook/expire', { kind: 'access' });
		const second = json(await run({ resource: 'campaign', operation: 'list', advertiserId: String(ADV_A), returnAll: false, limit: 3, filters: {} }, { items: [{ json: {} }, { json: {} }] }));
		expect(second).toHaveLength(6);
		expect(tokenRequests(sim, 'redbook', 'refresh_token')).toHaveLength(1);
		expect(tokenRequests(sim, 'redbook')[0].code).toBe(0);
		const afterSecond = store.read('rb1').data;
		expect(afterSecond.refreshToken).not.toBe(afterFirst.refreshToken);
		expect(afterSecond.refreshToken).toBe((await admin(sim, '/redbook/state')).grants[0].refreshToken);
	});

	it('names the advertiser the authorization does not cover, with the hint', async () => {
		await connected({ advertiser_ids: [ADV_A] });
		expect((await loadAdvertisers()).map((o) => o.value)).toEqual([String(ADV_A)]);
		const error = await run({ resource: 'campaign', operation: 'list', advertiserId: String(ADV_B), returnAll: true, filters: {} }).catch((e) => e);
		expect(error.message).toContain(String(ADV_B));
		expect(error.message).toContain(String(CODES.noAdvertiserPermission));
		expect(error.description).toMatch(/not among the accounts the authorization covers/);
		expect(tokenRequests(sim, 'redbook')).toHaveLength(0);

		const out = json(await run({ resource: 'account', operation: 'getBalance', advertiserId: String(ADV_B) }, { continueOnFail: true }));
		expect(out[0].error).toContain(String(ADV_B));
		await expect(run({ resource: 'account', operation: 'getBalance', advertiserId: '' })).rejects.toThrow(/Choose an advertiser/);
	});

	it('tools: keyword recommendations, targeting options, name duplicate check', async () => {
		await connected();
		const words = json(await run({ resource: 'tool', operation: 'keywordRecommendations', advertiserId: String(ADV_A), keyword: '防晒' }));
		expect(words.length).toBeGreaterThan(1);
		expect(words[0].recommend_bid_yuan).toBe(words[0].recommend_bid / 100);
		const [targets] = json(await run({ resource: 'tool', operation: 'targetingOptions', advertiserId: String(ADV_A), marketingTarget: 4 }));
		expect(targets.gender).toBeDefined();
		const [dup] = json(await run({ resource: 'tool', operation: 'checkNameDuplicate', advertiserId: String(ADV_A), name: '模拟计划 01', nameType: 1 }));
		expect(dup.is_duplicate).toBe(true);
		const [free] = json(await run({ resource: 'tool', operation: 'checkNameDuplicate', advertiserId: String(ADV_A), name: '新计划', nameType: 1 }));
		expect(free.is_duplicate).toBe(false);
	});

	it('masks the secret and the refresh token even when JuGuang echoes them in an error', async () => {
		const issued = await connected();
		store.write('rb1', { ...store.read('rb1').data, accessToken: '' });
		await admin(sim, '/faults', { platform: 'redbook', type: 'platformError', match: '/api/open/oauth2/refresh_token', count: 1, code: 50001, message: `bad request {"secret":"${SECRET}","refresh_token":"${issued.refresh_token}"}` });
		const error = await run({ resource: 'account', operation: 'getBalance', advertiserId: String(ADV_A) }).catch((e) => e);
		expect(error.message).toMatch(/token refresh failed: JuGuang error 50001/);
		expect(error.message).toContain('***');
	});

	it('a wrong secret fails the code exchange with the code and hint, without echoing the secret', async () => {
		setup({ secret: 'not_the_secret_123', authCode: 'whatever-code' });
		const error = await run({ resource: 'account', operation: 'getBalance', advertiserId: String(ADV_A) }).catch((e) => e);
		expect(String(error.message)).toMatch(/authorization-code exchange failed/);
		expect(JSON.stringify(error)).not.toContain('not_the_secret_123');
		expect(`${error.message} ${error.description}`).not.toContain('not_the_secret_123');
	});
});
