import { startSimulator, admin, tokenRequests, type RunningSimulator } from '../helpers/simulator';
import { REDBOOK_ERROR_CODES as CODES } from '../../simulator/src/platforms/redbook';

const APP_ID = 4000001;
const SECRET = 'sim_redbook_secret';
const ADV_A = 1234567;
const ADV_B = 7654321;
const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
const ALL_SCOPES = ['report_service', 'ad_query', 'ad_manage', 'account_manage'];

describe('redbook (JuGuang) simulator', () => {
	let sim: RunningSimulator;
	let base: string;
	beforeAll(async () => {
		sim = await startSimulator();
		base = `${sim.baseUrl}/redbook`;
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	const post = async (path: string, body: unknown, token?: string, headers: Record<string, string> = {}) => {
		const res = await fetch(`${base}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(token ? { 'access-token': token } : {}), ...headers },
			body: JSON.stringify(body),
		});
		return res.json();
	};
	const api = (path: string, token: string, body: Record<string, unknown> = {}) => post(`/api/open/jg${path}`, { advertiser_id: ADV_A, ...body }, token);
	const exchange = (authCode: string) => post('/api/open/oauth2/access_token', { app_id: APP_ID, secret: SECRET, auth_code: authCode });
	const refresh = (rt: string) => post('/api/open/oauth2/refresh_token', { app_id: APP_ID, secret: SECRET, refresh_token: rt });
	const issue = (body: Record<string, unknown> = {}) => admin(sim, '/redbook/issue-user-token', body);
	const lastLog = () => sim.log[sim.log.length - 1];

	async function consent(query: Record<string, string>, path = '/auth'): Promise<URL> {
		const page = await fetch(`${base}${path}?${new URLSearchParams(query)}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		const href = /id="agree" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
		const res = await fetch(`${sim.baseUrl}${href}`, { redirect: 'manual' });
		expect(res.status).toBe(302);
		return new URL(res.headers.get('location')!);
	}

	it('consent (camelCase and legacy snake_case) → auth_code and code → token with approval_advertisers; code single use', async () => {
		const back = await consent({ appId: String(APP_ID), redirectUri: REDIRECT, scope: JSON.stringify(['report_service', 'ad_query']), state: 'st-1' });
		expect(back.origin + back.pathname).toBe(REDIRECT);
		expect(back.searchParams.get('state')).toBe('st-1');
		const authCode = back.searchParams.get('auth_code')!;
		expect(back.searchParams.get('code')).toBe(authCode);

		const reply = await exchange(authCode);
		expect(reply).toMatchObject({ code: 0, success: true, msg: '成功' });
		expect(typeof reply.request_id).toBe('string');
		expect(reply.data).toMatchObject({
			access_token_expires_in: 3600,
			refresh_token_expires_in: 2592000,
			app_id: APP_ID,
			approval_advertisers: [
				{ advertiser_id: ADV_A, advertiser_name: '测试广告主 A' },
				{ advertiser_id: ADV_B, advertiser_name: '测试广告主 B' },
			],
		});
		expect(lastLog()).toMatchObject({ category: 'token-request', code: 0 });
		expect((await exchange(authCode)).code).toBe(CODES.authCodeInvalid);
		expect(tokenRequests(sim, 'redbook').map((e) => e.code)).toEqual([0, CODES.authCodeInvalid]);
		expect((await post('/api/open/oauth2/access_token', { app_id: APP_ID, secret: 'wrong', auth_code: 'x' })).code).toBe(CODES.appAuthFailed);

		const legacy = await consent({ app_id: String(APP_ID), redirect_uri: REDIRECT, scope: '["ad_query"]', state: 's2' }, '/aurora/openApiAuth');
		expect(legacy.searchParams.get('auth_code')).toBeTruthy();
		// the granted scope is ad_query only
		const t = (await exchange(legacy.searchParams.get('auth_code')!)).data;
		expect((await api('/campaign/list', t.access_token)).code).toBe(0);
		expect((await api('/data/report/offline/account', t.access_token, { start_date: '2025-01-01', end_date: '2025-01-02' })).code).toBe(CODES.noScope);

		const deny = await fetch(`${base}/auth?${new URLSearchParams({ appId: String(APP_ID), redirectUri: REDIRECT, scope: '["ad_query"]', state: 'd' })}`);
		const denyHref = /id="deny" href="([^"]+)"/.exec(await deny.text())![1].replace(/&amp;/g, '&');
		const denied = new URL((await fetch(`${sim.baseUrl}${denyHref}`, { redirect: 'manual' })).headers.get('location')!);
		expect(denied.searchParams.get('error')).toBe('access_denied');
		expect(denied.searchParams.get('state')).toBe('d');
	});

	it('refresh rotates both tokens and the old pair stops working', async () => {
		const t = await issue();
		await admin(sim, '/clock', { advanceSeconds: 600 });
		const r = await refresh(t.refresh_token);
		expect(r.code).toBe(0);
		expect(r.data.access_token).not.toBe(t.access_token);
		expect(r.data.refresh_token).not.toBe(t.refresh_token);
		expect(r.data.access_token_expires_in).toBe(3600);
		expect(lastLog().category).toBe('token-request');

		expect((await api('/campaign/list', t.access_token)).code).toBe(CODES.tokenInvalid);
		expect(lastLog()).toMatchObject({ token: t.access_token, tokenKind: 'user', code: CODES.tokenInvalid });
		expect((await refresh(t.refresh_token)).code).toBe(CODES.refreshTokenInvalid);
		expect((await api('/campaign/list', r.data.access_token)).code).toBe(0);

		await admin(sim, '/clock', { advanceSeconds: 3600 });
		expect((await api('/campaign/list', r.data.access_token)).code).toBe(CODES.tokenExpired);
		const r2 = await refresh(r.data.refresh_token);
		expect(r2.code).toBe(0);
		await admin(sim, '/clock', { advanceSeconds: 30 * 86400 });
		expect((await refresh(r2.data.refresh_token)).code).toBe(CODES.refreshTokenInvalid);

		const state = await admin(sim, '/redbook/state');
		expect(state.tokensIssued).toMatchObject({ refresh: 2, shortcut: 1 });
	});

	it('token in the Access-Token header only; advertiser and scope checks', async () => {
		const t = await issue({ scope: ['ad_query'], advertiser_ids: [ADV_A] });
		const bearer = await post('/api/open/jg/campaign/list', { advertiser_id: ADV_A }, undefined, { authorization: `Bearer ${t.access_token}` });
		expect(bearer.code).toBe(CODES.tokenInvalid);
		expect(bearer.success).toBe(false);
		expect((await post('/api/open/jg/campaign/list', { advertiser_id: ADV_A })).code).toBe(CODES.tokenInvalid);
		expect((await post('/api/open/jg/campaign/list', { advertiser_id: ADV_B }, t.access_token)).code).toBe(CODES.noAdvertiserPermission);
		expect((await post('/api/open/jg/campaign/list', {}, t.access_token)).code).toBe(CODES.paramError);
		expect((await api('/campaign/status/update', t.access_token, { campaign_ids: [ADV_A * 100 + 1], action_type: 2 })).code).toBe(CODES.noScope);
		const balance = await fetch(`${base}/api/open/jg/account/balance/info?advertiser_id=${ADV_A}`, { headers: { 'access-token': t.access_token } }).then((r) => r.json());
		expect(balance.code).toBe(CODES.noScope);

		const full = await issue();
		const viaGet = await fetch(`${base}/api/open/jg/account/balance/info?advertiser_id=${ADV_B}`, { headers: { 'access-token': full.access_token } }).then((r) => r.json());
		expect(viaGet.code).toBe(0);
		expect(Number.isInteger(viaGet.data.total_balance)).toBe(true);
		expect(viaGet.data.available_balance).toBe(viaGet.data.total_balance - viaGet.data.freeze_balance);
		const viaPost = await api('/account/balance/info', full.access_token);
		expect(viaPost.code).toBe(0);

		await admin(sim, '/redbook/config', { gatewayErrorStyle: true });
		const gw = await post('/api/open/jg/campaign/list', { advertiser_id: ADV_A }, 'bogus');
		expect(gw).toMatchObject({ success: false, errorCode: CODES.tokenInvalid });
		expect(lastLog().tokenKind).toBe('unknown');
	});

	it('pagination dialects: nested page, top-level page/page_size, page_num; batch limits', async () => {
		const t = (await issue()).access_token;
		const first = await api('/campaign/list', t, { page: { page_index: 1, page_size: 20 } });
		expect(first.data.page).toEqual({ page_index: 1, total_count: 30 });
		expect(first.data.base_campaign_dtos).toHaveLength(20);
		const second = await api('/campaign/list', t, { page: { page_index: 2, page_size: 20 } });
		expect(second.data.base_campaign_dtos).toHaveLength(10);
		const ids = new Set([...first.data.base_campaign_dtos, ...second.data.base_campaign_dtos].map((c: any) => c.campaign_id));
		expect(ids.size).toBe(30);
		expect(lastLog().note).toContain('nested');
		// a page of the wrong JSON type is the gateway's HTTP 400 with raw text
		const bad = await fetch(`${base}/api/open/jg/campaign/list`, { method: 'POST', headers: { 'content-type': 'application/json', 'access-token': t }, body: JSON.stringify({ advertiser_id: ADV_A, page: 1 }) });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('required struct');

		const units = await api('/unit/list', t, { page: 2, page_size: 15 });
		expect(units.data.total_count).toBe(20);
		expect(units.data.unit_infos).toHaveLength(5);
		expect((await api('/unit/list', t, { unit_ids: Array.from({ length: 11 }, (_, i) => i + 1) })).code).toBe(CODES.paramError);
		expect((await api('/campaign/status/update', t, { campaign_ids: Array.from({ length: 21 }, (_, i) => ADV_A * 100 + 1 + (i % 30)), action_type: 2 })).code).toBe(CODES.paramError);

		const search = await api('/creativity/search', t, { page: { page_index: 1, page_size: 5 } });
		expect(search.data.page.total_count).toBe(20);
		expect(search.data.creativity_dtos).toHaveLength(5);

		const notes = await api('/note/list', t, { page: 1, page_size: 10 });
		expect(notes.data.total).toBe(12);
		expect(notes.data.notes).toHaveLength(10);
		expect((await api('/note/list', t, { page_size: 101 })).code).toBe(CODES.paramError);
	});

	it('campaign, unit and creativity lifecycle with fen budgets and both unit-status paths', async () => {
		const t = (await issue()).access_token;
		const created = await api('/campaign/create', t, { campaign_name: '新计划', marketing_target: 4, placement: 1, bidding_strategy: 2, limit_day_budget: 1, campaign_day_budget: 50000 });
		expect(created.code).toBe(0);
		const campaignId = created.data.campaign_id;
		expect((await api('/campaign/create', t, { campaign_name: 'x'.repeat(51), marketing_target: 4, placement: 1, bidding_strategy: 2 })).code).toBe(CODES.paramError);
		expect((await api('/campaign/create', t, { campaign_name: '低预算', marketing_target: 4, placement: 1, bidding_strategy: 2, limit_day_budget: 1, campaign_day_budget: 9999 })).code).toBe(CODES.paramError);
		expect((await api('/campaign/update', t, { campaign_id: campaignId, campaign_day_budget: 120000 })).code).toBe(0);
		expect((await api('/data/check/name/dup', t, { name: '新计划' })).data.is_duplicate).toBe(true);

		const unit = await api('/unit/create', t, { campaign_id: campaignId, unit_name: '新单元', event_bid: 150 });
		expect(unit.code).toBe(0);
		const unitId = unit.data.unit_id;
		expect((await api('/unit/update/status', t, { unit_ids: [unitId], status: 2 })).code).toBe(0);
		expect((await api('/unit/list', t, { unit_ids: [unitId] })).data.unit_infos[0]).toMatchObject({ enable: 0, unit_filter_state: 0 });
		expect((await api('/unit/status/update', t, { unit_ids: [unitId], status: 3 })).code).toBe(0);
		expect(lastLog().note).toContain('/api/open/jg/unit/status/update');
		expect((await api('/unit/list', t, { unit_ids: [unitId] })).data.unit_infos[0].unit_filter_state).toBe(1);

		const unit2 = (await api('/unit/create', t, { campaign_id: campaignId, unit_name: '单元二' })).data.unit_id;
		const creative = await api('/creativity/create', t, { unit_id: unit2, note_id: `64sim${ADV_A}000001` });
		expect(creative.code).toBe(0);
		expect((await api('/creativity/create', t, { unit_id: unit2, note_id: 'nope' })).code).toBe(CODES.notFound);
		expect((await api('/creativity/status/update', t, { creativity_ids: [creative.data.creativity_id], action_type: 2 })).code).toBe(0);
		const paused = await api('/creativity/search', t, { unit_id: unit2, status: 3 });
		expect(paused.data.creativity_dtos.map((c: any) => c.creativity_id)).toEqual([creative.data.creativity_id]);

		expect((await api('/campaign/status/update', t, { campaign_ids: [campaignId], action_type: 3 })).code).toBe(0);
		const deleted = await api('/campaign/list', t, { status: 3 });
		expect(deleted.data.base_campaign_dtos.map((c: any) => c.campaign_id)).toEqual([campaignId]);
		expect((await api('/campaign/update', t, { campaign_id: 42 })).code).toBe(CODES.notFound);
	});

	it('offline reports clamp to T-1, page by page_num, support time_unit and both creative spellings', async () => {
		const t = (await issue()).access_token;
		const today = new Date(sim.now() + 8 * 3600_000).toISOString().slice(0, 10);
		const sevenAgo = new Date(sim.now() + 8 * 3600_000 - 7 * 86400_000).toISOString().slice(0, 10);
		const acct = await api('/data/report/offline/account', t, { start_date: sevenAgo, end_date: today });
		expect(acct.code).toBe(0);
		expect(acct.data.total_count).toBe(7);
		expect(acct.data.data_list.map((r: any) => r.time)).not.toContain(today);
		expect(lastLog().note).toContain('clamped');
		expect(Number.isInteger(acct.data.data_list[0].fee)).toBe(true);
		// deterministic
		expect((await api('/data/report/offline/account', t, { start_date: sevenAgo, end_date: today })).data.data_list).toEqual(acct.data.data_list);

		const campaigns = await api('/data/report/offline/campaign', t, { start_date: '2025-03-01', end_date: '2025-03-02', page_num: 2, page_size: 50 });
		expect(campaigns.data.total_count).toBe(60);
		expect(campaigns.data.data_list).toHaveLength(10);
		const summary = await api('/data/report/offline/campaign', t, { start_date: '2025-03-01', end_date: '2025-03-02', time_unit: 'SUMMARY', sort_column: 'fee', sort: 'desc' });
		expect(summary.data.total_count).toBe(30);
		expect(summary.data.data_list[0].fee).toBeGreaterThanOrEqual(summary.data.data_list[1].fee);
		expect((await api('/data/report/offline/unit', t, { start_date: '2025-03-01', end_date: '2025-03-01', time_unit: 'HOUR' })).data.total_count).toBe(20 * 24);
		const creative = await api('/data/report/offline/creative', t, { start_date: '2025-03-01', end_date: '2025-03-01' });
		const creativity = await api('/data/report/offline/creativity', t, { start_date: '2025-03-01', end_date: '2025-03-01' });
		expect(creativity.data).toEqual(creative.data);
		expect(creative.data.data_list[0]).toHaveProperty('creativity_id');
		expect((await api('/data/report/offline/keyword', t, { start_date: '2025-03-01', end_date: '2025-03-01' })).data.data_list[0]).toHaveProperty('keyword');
		expect((await api('/data/report/offline/account', t, { start_date: '2025-03-01', end_date: '2025-03-01', time_unit: 'WEEK' })).code).toBe(CODES.paramError);

		await admin(sim, '/redbook/config', { metricsAsStrings: true });
		const strings = await api('/data/report/offline/account', t, { start_date: '2025-03-01', end_date: '2025-03-01' });
		expect(strings.data.data_list[0].ctr).toMatch(/%$/);
	});

	it('real-time reports put the lists at the top level and under data; tools answer', async () => {
		const t = (await issue()).access_token;
		const today = new Date(sim.now() + 8 * 3600_000).toISOString().slice(0, 10);
		const camp = await api('/data/report/realtime/campaign', t, { start_date: today, end_date: today, page_num: 1, page_size: 10 });
		expect(camp.code).toBe(0);
		expect(camp.campaign_dtos).toHaveLength(10);
		expect(camp.data.campaign_dtos).toEqual(camp.campaign_dtos);
		expect(camp.page.total_count).toBe(30);
		expect(camp.total_data).toHaveProperty('fee');
		const acct = await api('/data/report/realtime/account', t, { start_date: today, end_date: today, need_hourly_data: true });
		expect(acct.data.data.fee).toBe(acct.data.fee);
		expect(acct.hourly_data).toHaveLength(24);
		for (const level of ['unit', 'creativity']) expect((await api(`/data/report/realtime/${level}`, t, { start_date: today, end_date: today }))[`${level}_dtos`].length).toBeGreaterThan(0);

		expect((await api('/keyword/common/recommend', t, { keyword: '防晒' })).data.word_list[0].keyword).toBe('防晒');
		expect((await api('/target/get_available_target_info', t, { marketing_target: 4 })).data).toHaveProperty('industry_interest');

		await fetch(`${sim.baseUrl}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'redbook', type: 'rateLimit', count: 1 }) });
		expect((await api('/campaign/list', t)).code).toBe(CODES.rateLimited);
		expect((await api('/campaign/list', t)).code).toBe(0);
	});
});
