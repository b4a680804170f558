import { createHash } from 'node:crypto';
import { startSimulator, admin, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const KEY = 'sim_douyin_key';
const SECRET = 'sim_douyin_secret';
const OPEN_ID = 'sim-open-id-0001';
const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

describe('douyin simulator', () => {
	let sim: RunningSimulator;
	let base: string;
	beforeAll(async () => {
		sim = await startSimulator();
		base = `${sim.baseUrl}/douyin`;
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	const form = (fields: Record<string, string>) => ({
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	});
	const jsonPost = (body: unknown, token?: string) => ({
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(token ? { 'access-token': token } : {}) },
		body: JSON.stringify(body),
	});
	const call = async (path: string, init?: RequestInit) => (await fetch(`${base}${path}`, init)).json();
	const userToken = (scope?: string) => admin(sim, '/douyin/issue-user-token', scope ? { scope } : {});
	const get = (path: string, token: string) => call(path, { headers: { 'access-token': token } });
	const lastLog = () => sim.log[sim.log.length - 1];

	async function consentCode(state = 'st-123', scope = 'user_info,video.list.bind'): Promise<URL> {
		const q = new URLSearchParams({ client_key: KEY, response_type: 'code', scope, redirect_uri: REDIRECT, state, client_id: KEY });
		const page = await fetch(`${base}/platform/oauth/connect/?${q}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('抖音授权 — Douyin authorization (simulator)');
		const href = /id="agree" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
		const confirm = await fetch(`${sim.baseUrl}${href}`, { redirect: 'manual' });
		expect(confirm.status).toBe(302);
		return new URL(confirm.headers.get('location')!);
	}

	it('consent page redirects back with code, state and scopes; cancel gives access_denied', async () => {
		const back = await consentCode('my-state');
		expect(back.origin + back.pathname).toBe(REDIRECT);
		expect(back.searchParams.get('state')).toBe('my-state');
		expect(back.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
		expect(back.searchParams.get('scopes')).toBe('user_info,video.list.bind');

		const q = new URLSearchParams({ client_key: KEY, response_type: 'code', scope: 'user_info', redirect_uri: REDIRECT, state: 's' });
		const html = await (await fetch(`${base}/platform/oauth/connect?${q}`)).text();
		const cancel = /id="cancel" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
		const res = await fetch(`${sim.baseUrl}${cancel}`, { redirect: 'manual' });
		expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('access_denied');

		const bad = await fetch(`${base}/platform/oauth/connect/?${new URLSearchParams({ client_key: KEY, response_type: 'code', scope: 'user_info', redirect_uri: 'http://example.com/cb' })}`);
		expect(bad.status).toBe(400);
	});

	it('exchanges a code as form, JSON or query; codes are single use and expire', async () => {
		const variants: Array<(code: string) => Promise<any>> = [
			// n8n's stock OAuth2 client adds redirect_uri and client_id
			(code) => call('/oauth/access_token/', form({ code, grant_type: 'authorization_code', redirect_uri: REDIRECT, client_id: KEY, client_key: KEY, client_secret: SECRET })),
			(code) => call('/oauth/access_token', jsonPost({ client_key: KEY, client_secret: SECRET, code, grant_type: 'authorization_code' })),
			(code) => call(`/oauth/access_token/?${new URLSearchParams({ client_key: KEY, client_secret: SECRET, code, grant_type: 'authorization_code' })}`),
		];
		const notes: string[] = [];
		for (const exchange of variants) {
			const code = (await consentCode()).searchParams.get('code')!;
			const reply = await exchange(code);
			notes.push(lastLog().note!);
			expect(reply.message).toBe('success');
			expect(reply.data).toMatchObject({ error_code: 0, open_id: OPEN_ID, expires_in: 1296000, refresh_expires_in: 2592000, scope: 'user_info,video.list.bind' });
			expect(reply.data.access_token).toMatch(/^act\./);
			expect(reply.data.refresh_token).toMatch(/^rft\./);
			const again = await exchange(code);
			expect(again.data.error_code).toBe(10007);
		}
		expect(notes).toEqual(['variant=form', 'variant=json', 'variant=query']);
		expect(tokenRequests(sim, 'douyin', 'access_token').map((e) => e.code)).toEqual([0, 10007, 0, 10007, 0, 10007]);

		const stale = (await consentCode()).searchParams.get('code')!;
		await admin(sim, '/clock', { advanceSeconds: 601 });
		expect((await call('/oauth/access_token/', form({ client_key: KEY, client_secret: SECRET, code: stale, grant_type: 'authorization_code' }))).data.error_code).toBe(10007);
		const fresh = (await consentCode()).searchParams.get('code')!;
		expect((await call('/oauth/access_token/', form({ client_key: KEY, client_secret: 'nope', code: fresh, grant_type: 'authorization_code' }))).data.error_code).toBe(10013);
		expect((await call('/oauth/access_token/', form({ client_key: 'other', client_secret: SECRET, code: fresh, grant_type: 'authorization_code' }))).data.error_code).toBe(29002002);
	});

	it('refresh keeps a valid access token, replaces an expired or revoked one, and never extends the refresh token', async () => {
		const t = await userToken();
		const refresh = (rt = t.refresh_token) => call('/oauth/refresh_token/', form({ client_key: KEY, grant_type: 'refresh_token', refresh_token: rt }));

		await admin(sim, '/clock', { advanceSeconds: 86400 });
		const same = await refresh();
		expect(same.data).toMatchObject({ access_token: t.access_token, refresh_token: t.refresh_token, expires_in: 1296000 });
		// remaining lifetime, not a fresh 30 days (a second may tick by in real time)
		expect(2592000 - 86400 - same.data.refresh_expires_in).toBeLessThanOrEqual(1);
		expect(lastLog()).toMatchObject({ category: 'token-request', code: 0 });

		await admin(sim, '/douyin/expire', { kind: 'user' });
		expect((await get(`/api/douyin/v1/video/video_list/?open_id=${OPEN_ID}&count=10`, t.access_token)).data.error_code).toBe(28001008);
		expect((await get(`/video/list/?open_id=${OPEN_ID}&count=10`, t.access_token)).data.error_code).toBe(2190008);
		const renewed = await refresh();
		expect(renewed.data.access_token).not.toBe(t.access_token);
		expect((await get(`/api/douyin/v1/video/video_list/?open_id=${OPEN_ID}&count=10`, renewed.data.access_token)).data.error_code).toBe(0);

		await admin(sim, '/douyin/revoke', { kind: 'user' });
		expect((await get(`/api/douyin/v1/video/video_list/?open_id=${OPEN_ID}&count=10`, renewed.data.access_token)).data.error_code).toBe(28001003);
		const afterRevoke = await refresh();
		expect(afterRevoke.data.access_token).not.toBe(renewed.data.access_token);

		expect((await call('/oauth/refresh_token/', form({ client_key: KEY, grant_type: 'refresh_token' }))).data.error_code).toBe(10005);
		// GET-query variant also works
		expect((await call(`/oauth/refresh_token?${new URLSearchParams({ client_key: KEY, grant_type: 'refresh_token', refresh_token: t.refresh_token })}`)).data.error_code).toBe(0);
		await admin(sim, '/clock', { advanceSeconds: 30 * 86400 });
		expect((await refresh()).data.error_code).toBe(10010);
	});

	it('renews the refresh token at most five times', async () => {
		const t = await userToken();
		let rt = t.refresh_token;
		for (let i = 0; i < 5; i++) {
			const reply = await call('/oauth/renew_refresh_token/', form({ client_key: KEY, refresh_token: rt }));
			expect(reply.data).toMatchObject({ error_code: 0, expires_in: 2592000 });
			// the old one is dead at once
			expect((await call('/oauth/refresh_token/', form({ client_key: KEY, grant_type: 'refresh_token', refresh_token: rt }))).data.error_code).toBe(10010);
			rt = reply.data.refresh_token;
		}
		expect((await call('/oauth/renew_refresh_token/', form({ client_key: KEY, refresh_token: rt }))).data.error_code).toBe(10020);
		expect(lastLog()).toMatchObject({ category: 'token-request', code: 10020 });
		await admin(sim, '/douyin/config', { renewPermission: false });
		expect((await call('/oauth/renew_refresh_token/', form({ client_key: KEY, refresh_token: rt }))).data.error_code).toBe(10004);
	});

	it('client_token: previous token keeps a 5-minute grace, only the newest two are valid, wrong secret is 10013', async () => {
		const issue = async () => (await call('/oauth/client_token/', jsonPost({ client_key: KEY, client_secret: SECRET, grant_type: 'client_credential' }))).data;
		const ticket = (token: string) => get('/js/getticket/', token);
		const t1 = await issue();
		expect(t1).toMatchObject({ error_code: 0, expires_in: 7200 });
		expect(t1.access_token).toMatch(/^clt\./);
		const t2 = (await issue()).access_token;
		expect((await ticket(t1.access_token)).data.error_code).toBe(0);
		const t3 = (await issue()).access_token;
		expect((await ticket(t1.access_token)).data.error_code).toBe(28001003);
		expect((await ticket(t2)).data.error_code).toBe(0);
		await admin(sim, '/clock', { advanceSeconds: 301 });
		expect((await ticket(t2)).data.error_code).toBe(28001003);
		expect((await ticket(t3)).data).toMatchObject({ error_code: 0, expires_in: 7200 });
		expect(lastLog()).toMatchObject({ token: t3, tokenKind: 'client', code: 0 });
		await admin(sim, '/clock', { advanceSeconds: 7200 });
		expect((await ticket(t3)).data.error_code).toBe(28001008);

		expect((await call('/oauth/client_token/', jsonPost({ client_key: KEY, client_secret: 'x', grant_type: 'client_credential' }))).data.error_code).toBe(10013);
		expect((await call('/oauth/client_token/', form({ client_key: 'x', client_secret: SECRET, grant_type: 'client_credential' }))).data.error_code).toBe(10003);
		expect(tokenRequests(sim, 'douyin', 'client_token')).toHaveLength(5);

		await admin(sim, '/douyin/config', { clientTokenRateLimit: 2 });
		await issue();
		await issue();
		expect((await issue()).error_code).toBe(10020);
	});

	it('token kinds, open_id and scopes are enforced', async () => {
		const narrow = await userToken('user_info,video.list.bind');
		expect((await get(`/api/douyin/v1/user/fans_data/?open_id=${OPEN_ID}`, narrow.access_token)).data.error_code).toBe(28001012);
		expect((await get(`/api/douyin/v1/video/video_list/?open_id=sim-open-id-9999&count=5`, narrow.access_token)).data.error_code).toBe(28001015);
		const ok = await get(`/api/douyin/v1/video/video_list/?open_id=${OPEN_ID}&count=5`, narrow.access_token);
		expect(ok.data.error_code).toBe(0);
		expect(ok.extra).toMatchObject({ error_code: 0, sub_error_code: 0 });
		expect(typeof ok.extra.logid).toBe('string');
		expect(lastLog()).toMatchObject({ token: narrow.access_token, tokenKind: 'user', code: 0 });

		// userinfo: header, or token and open_id in a form body
		const info = await call('/oauth/userinfo/', { method: 'POST', headers: { 'access-token': narrow.access_token, 'content-type': 'application/json' }, body: JSON.stringify({ open_id: OPEN_ID }) });
		expect(info).toMatchObject({ message: 'success', data: { nickname: 'MediaX 测试账号', open_id: OPEN_ID } });
		const info2 = await call('/oauth/userinfo/', form({ access_token: narrow.access_token, open_id: OPEN_ID }));
		expect(info2.data.error_code).toBe(0);

		const client = (await call('/oauth/client_token/', jsonPost({ client_key: KEY, client_secret: SECRET, grant_type: 'client_credential' }))).data.access_token;
		expect((await get(`/api/douyin/v1/video/video_list/?open_id=${OPEN_ID}&count=5`, client)).data.error_code).toBe(28001003);
		expect(lastLog().tokenKind).toBe('client');
		const schema = await call('/api/douyin/v1/schema/get_user_profile/', jsonPost({ open_id: OPEN_ID, expire_at: Math.floor(sim.now() / 1000) + 3600 }, narrow.access_token));
		expect(schema).toMatchObject({ err_no: 28001003 });
		const schemaOk = await call('/api/douyin/v1/schema/get_user_profile/', jsonPost({ open_id: OPEN_ID, expire_at: Math.floor(sim.now() / 1000) + 3600 }, client));
		expect(schemaOk.err_no).toBe(0);
		expect(schemaOk.data.schema).toMatch(/^snssdk1128:\/\//);

		// legacy query-token style
		const legacy = await call(`/video/list?${new URLSearchParams({ open_id: OPEN_ID, access_token: narrow.access_token, count: '3' })}`);
		expect(legacy.data.list).toHaveLength(3);
	});

	it('paginates the 45 seeded videos with an opaque cursor and rejects count > 20', async () => {
		const t = await userToken();
		const ids: string[] = [];
		let cursor = '0';
		let pages = 0;
		for (;;) {
			const reply = await get(`/api/douyin/v1/video/video_list/?open_id=${OPEN_ID}&cursor=${cursor}&count=20`, t.access_token);
			pages++;
			ids.push(...reply.data.list.map((v: any) => v.item_id));
			if (!reply.data.has_more) break;
			cursor = String(reply.data.cursor);
		}
		expect(pages).toBe(3);
		expect(new Set(ids).size).toBe(45);
		expect((await get(`/api/douyin/v1/video/video_list/?open_id=${OPEN_ID}&count=21`, t.access_token)).data.error_code).toBe(28001007);

		// item ids contain + and / and must be URL-encoded
		const comments = await get(`/item/comment/list/?open_id=${OPEN_ID}&item_id=${encodeURIComponent(ids[0])}&count=10&sort_type=time`, t.access_token);
		expect(comments.data).toMatchObject({ error_code: 0, has_more: true, cursor: 10 });
		const stats = await get(`/data/external/user/fans?open_id=${OPEN_ID}&date_type=7`, t.access_token);
		expect(stats.data.result_list).toHaveLength(7);
	});

	it('uploads a single video, a chunked one, and creates posts with single-use video ids', async () => {
		const t = await userToken();
		const q = `?open_id=${OPEN_ID}`;
		const upload = async (path: string, bytes: Buffer, field = 'video') => {
			const fd = new FormData();
			fd.append(field, new Blob([bytes], { type: 'video/mp4' }), 'clip.mp4');
			return fetch(`${base}${path}`, { method: 'POST', headers: { 'access-token': t.access_token }, body: fd });
		};
		const single = Buffer.alloc(3000, 7);
		const up = await (await upload(`/api/douyin/v1/video/upload_video/${q}`, single)).json();
		expect(up.data.video.video_id).toMatch(/^v0200f/);
		expect((await (await upload(`/api/douyin/v1/video/upload_video/${q}`, single, 'file')).json()).data.error_code).toBe(28001007);

		await admin(sim, '/douyin/config', { singleUploadLimit: 2000, minPartSize: 1000, reviewDelayMs: 60_000 });
		const tooBig = await upload(`/api/douyin/v1/video/upload_video/${q}`, single);
		expect(tooBig.status).toBe(413);
		expect(await tooBig.text()).toContain('413 Request Entity Too Large');

		const whole = Buffer.concat([Buffer.alloc(1000, 1), Buffer.alloc(1000, 2), Buffer.alloc(500, 3)]);
		const init = await call(`/api/douyin/v1/video/init_video_part_upload/${q}`, jsonPost({}, t.access_token));
		const uploadId = encodeURIComponent(init.data.upload_id);
		const part = (n: number, bytes: Buffer) => upload(`/api/douyin/v1/video/upload_video_part/${q}&upload_id=${uploadId}&part_number=${n}`, bytes);
		expect((await (await part(1, whole.subarray(0, 1000))).json()).data.error_code).toBe(0);
		expect(lastLog().range).toBe('1');
		await part(3, whole.subarray(2000));
		const complete = () => call(`/api/douyin/v1/video/complete_video_part_upload/${q}&upload_id=${uploadId}`, jsonPost({}, t.access_token));
		const gap = await complete();
		expect(gap.data).toMatchObject({ error_code: 28001007, description: expect.stringContaining('missing part(s): 2') });
		await part(2, whole.subarray(1000, 1999));
		expect((await complete()).data.description).toContain('part 2 is 999 bytes');
		await part(2, whole.subarray(1000, 2000));
		const done = await complete();
		expect(done.data.video.video_id).toMatch(/^v0200f/);

		const state = await admin(sim, '/douyin/state');
		const assembled = state.uploadedVideos.find((v: any) => v.videoId === done.data.video.video_id);
		expect(assembled).toMatchObject({ size: 2500, via: 'chunked', parts: 3, sha256: createHash('sha256').update(whole).digest('hex') });

		const create = (body: unknown) => call(`/api/douyin/v1/video/create_video/${q}`, jsonPost(body, t.access_token));
		expect((await create({ video_id: done.data.video.video_id, micro_app_id: 'tt1', poi_id: 'p1' })).data.error_code).toBe(28001007);
		const created = await create({ video_id: done.data.video.video_id, text: '新视频 #mediax' });
		expect(created.data.item_id).toMatch(/^@/);
		expect((await create({ video_id: done.data.video.video_id, text: 'again' })).data.error_code).toBe(28001007);
		expect((await create({ video_id: up.data.video.video_id })).data.error_code).toBe(0);

		const first = async () => (await get(`/api/douyin/v1/video/video_list/${q}&count=2`, t.access_token)).data.list;
		expect((await first()).map((v: any) => v.video_status)).toEqual([4, 4]);
		await admin(sim, '/clock', { advanceSeconds: 61 });
		const listed = await first();
		expect(listed.map((v: any) => [v.video_status, v.is_reviewed])).toEqual([[1, true], [1, true]]);
		expect(listed.map((v: any) => v.item_id)).toContain(created.data.item_id);
	});

	it('answers injected faults in the endpoint dialect', async () => {
		const t = await userToken();
		await admin(sim, '/faults', { platform: 'douyin', type: 'rateLimit', match: '/api/douyin/v1/video/video_list', count: 1 });
		const limited = await fetch(`${base}/api/douyin/v1/video/video_list/?open_id=${OPEN_ID}&count=5`, { headers: { 'access-token': t.access_token } });
		expect(limited.status).toBe(200);
		const body = await limited.json();
		expect(body.data.error_code).toBe(28003018);
		expect(body.extra).toMatchObject({ error_code: 28003018 });
		expect(typeof body.extra.now).toBe('number');
		expect(lastLog()).toMatchObject({ code: 28003018, tokenKind: 'user' });

		await admin(sim, '/faults', { platform: 'douyin', type: 'rateLimit', match: '/oauth/client_token', count: 1 });
		const ct = await call('/oauth/client_token/', jsonPost({ client_key: KEY, client_secret: SECRET, grant_type: 'client_credential' }));
		expect(ct).toMatchObject({ data: { error_code: 10020 }, message: 'error' });
		expect(lastLog().category).toBe('token-request');

		await admin(sim, '/faults', { platform: 'douyin', type: 'platformError', code: 28001005, message: '系统繁忙', match: '/api/douyin/v1/schema', count: 1 });
		expect(await call('/api/douyin/v1/schema/get_share/', jsonPost({}))).toMatchObject({ err_no: 28001005, err_msg: '系统繁忙' });

		await admin(sim, '/douyin/config', { numbersAsStrings: true });
		expect((await get(`/api/douyin/v1/video/video_list/?open_id=${OPEN_ID}&count=1`, t.access_token)).data.error_code).toBe('0');
	});
});
