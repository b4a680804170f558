import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { startSimulator, admin, tokenRequests, type RunningSimulator } from '../helpers/simulator';
import { BILIBILI_ERROR_CODES as CODES } from '../../simulator/src/platforms/bilibili';

const CLIENT_ID = 'sim_bili_client';
const SECRET = 'sim_bili_secret';
const OPENID = 'sim-bili-openid-0001';
const GOURL = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const md5 = (s: string | Buffer) => createHash('md5').update(s).digest('hex');

/**
 * Request signing per research §5.3: the six x-bili-* headers sorted by name, `name:value` joined with "\n"
 * (no trailing newline), HMAC-SHA256 keyed with the App_Secret, lowercase hex in Authorization.
 */
function sign(body: string, nowMs: number, overrides: Record<string, string> = {}): Record<string, string> {
	const headers: Record<string, string> = {
		'x-bili-accesskeyid': CLIENT_ID,
		'x-bili-content-md5': md5(body),
		'x-bili-signature-method': 'HMAC-SHA256',
		'x-bili-signature-nonce': randomUUID(),
		'x-bili-signature-version': '2.0',
		'x-bili-timestamp': String(Math.floor(nowMs / 1000)),
		...overrides,
	};
	const canonical = Object.keys(headers)
		.sort()
		.map((k) => `${k}:${headers[k]}`)
		.join('\n');
	return { ...headers, authorization: createHmac('sha256', SECRET).update(canonical).digest('hex') };
}

describe('bilibili simulator', () => {
	let sim: RunningSimulator;
	let base: string;
	beforeAll(async () => {
		sim = await startSimulator();
		base = `${sim.baseUrl}/bilibili`;
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	const lastLog = () => sim.log[sim.log.length - 1];
	const issue = (body: Record<string, unknown> = {}) => admin(sim, '/bilibili/issue-user-token', body);
	const clock = (seconds: number) => admin(sim, '/clock', { advanceSeconds: seconds });

	async function signedGet(path: string, token: string, extra: Record<string, string> = {}) {
		// Content-Type is required on every signed request, GETs included (接口签名实现标准)
		const res = await fetch(`${base}${path}`, { headers: { accept: 'application/json', 'content-type': 'application/json', 'access-token': token, ...sign('', sim.now()), ...extra } });
		return res.json();
	}
	async function signedPost(path: string, token: string, body: unknown, extra: Record<string, string> = {}) {
		const text = body === undefined ? '' : JSON.stringify(body);
		const res = await fetch(`${base}${path}`, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json', 'access-token': token, ...sign(text, sim.now()), ...extra }, body: text || undefined });
		return res.json();
	}
	async function signedMultipart(path: string, token: string, fileBytes: Buffer, type: string, filename: string, fields: Record<string, string> = {}) {
		const form = new FormData();
		form.append('file', new Blob([fileBytes], { type }), filename);
		for (const [k, v] of Object.entries(fields)) form.append(k, v);
		// multipart bodies are signed with the MD5 of the empty string
		const res = await fetch(`${base}${path}`, { method: 'POST', headers: { accept: 'application/json', 'access-token': token, ...sign('', sim.now()) }, body: form });
		return res.json();
	}
	/** text fields only, as the article add/edit pages' curl --form examples */
	async function signedForm(path: string, token: string, fields: Record<string, unknown>) {
		const form = new FormData();
		for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
		const res = await fetch(`${base}${path}`, { method: 'POST', headers: { accept: 'application/json', 'access-token': token, ...sign('', sim.now()) }, body: form });
		return res.json();
	}
	const rawPost = async (path: string, bytes: Buffer) => (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes })).json();

	async function consentCode(state = 'st-1'): Promise<URL> {
		const page = await fetch(`${base}/account/pc/account-pc/auth/oauth?${new URLSearchParams({ client_id: CLIENT_ID, gourl: GOURL, state })}`);
		expect(page.status).toBe(200);
		const href = /id="agree" href="([^"]+)"/.exec(await page.text())![1].replace(/&amp;/g, '&');
		const res = await fetch(`${sim.baseUrl}${href}`, { redirect: 'manual' });
		expect(res.status).toBe(302);
		return new URL(res.headers.get('location')!);
	}

	it('consent → code → token (query or form), absolute expires_in, single-use code', async () => {
		const back = await consentCode('abc');
		expect(back.origin + back.pathname).toBe(GOURL);
		expect(back.searchParams.get('state')).toBe('abc');
		const code = back.searchParams.get('code')!;
		const q = new URLSearchParams({ client_id: CLIENT_ID, client_secret: SECRET, grant_type: 'authorization_code', code });
		const reply = await (await fetch(`${base}/x/account-oauth2/v1/token?${q}`, { method: 'POST' })).json();
		expect(reply).toMatchObject({ code: 0, message: '0', ttl: 1 });
		const nowSec = Math.floor(sim.now() / 1000);
		expect(reply.data.expires_in).toBeGreaterThan(nowSec + 29 * 86400);
		expect(reply.data.expires_in).toBeLessThanOrEqual(nowSec + 30 * 86400 + 1);
		expect(reply.data.scopes).toEqual(['USER_INFO', 'ARC_BASE', 'ATC_BASE', 'ATC_DATA']);
		expect(lastLog()).toMatchObject({ category: 'token-request', code: 0, note: 'params=query' });
		const again = await (await fetch(`${base}/x/account-oauth2/v1/token?${q}`, { method: 'POST' })).json();
		expect(again.code).toBe(CODES.authCodeInvalid);

		const code2 = (await consentCode()).searchParams.get('code')!;
		const viaForm = await (
			await fetch(`${base}/x/account-oauth2/v1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: CLIENT_ID, client_secret: SECRET, grant_type: 'authorization_code', code: code2 }) })
		).json();
		expect(viaForm.code).toBe(0);
		expect(lastLog().note).toBe('params=form');
		expect(tokenRequests(sim, 'bilibili').map((e) => e.code)).toEqual([0, CODES.authCodeInvalid, 0]);

		const info = await signedGet('/arcopen/fn/user/account/info', viaForm.data.access_token);
		expect(info).toMatchObject({ code: 0, message: '0', data: { openid: OPENID } });
		expect(lastLog()).toMatchObject({ token: viaForm.data.access_token, tokenKind: 'user', code: 0 });

		const token = async (clientId: string, secret: string) =>
			(await fetch(`${base}/x/account-oauth2/v1/token?${new URLSearchParams({ client_id: clientId, client_secret: secret, grant_type: 'authorization_code', code: 'c' })}`, { method: 'POST' })).json();
		// published OAuth2 codes: 122000 client_id错误, 122001 client_secret 错误, 122002 code未找到
		expect((await token(CLIENT_ID, 'x')).code).toBe(122001);
		expect((await token('someone_else', SECRET)).code).toBe(122000);
		expect(CODES.authCodeInvalid).toBe(122002);
		const deny = await fetch(`${base}/account/pc/account-pc/auth/oauth?${new URLSearchParams({ client_id: CLIENT_ID, gourl: 'http://evil.example.com/cb' })}`);
		expect(deny.status).toBe(400);
	});

	it('refresh returns a new pair and the old pair stops working; expiry gives the expired code', async () => {
		const t = await issue();
		const refresh = async (rt: string) => (await fetch(`${base}/x/account-oauth2/v1/refresh_token?${new URLSearchParams({ client_id: CLIENT_ID, client_secret: SECRET, grant_type: 'refresh_token', refresh_token: rt })}`, { method: 'POST' })).json();
		const r = await refresh(t.refresh_token);
		expect(r.code).toBe(0);
		expect(r.data.access_token).not.toBe(t.access_token);
		expect(r.data.refresh_token).not.toBe(t.refresh_token);
		expect(lastLog().category).toBe('token-request');
		expect((await signedGet('/arcopen/fn/user/account/info', t.access_token)).code).toBe(CODES.tokenInvalid);
		expect((await refresh(t.refresh_token)).code).toBe(CODES.refreshTokenInvalid);
		expect((await signedGet('/arcopen/fn/user/account/info', r.data.access_token)).code).toBe(0);
		await admin(sim, '/bilibili/expire', { kind: 'access' });
		expect((await signedGet('/arcopen/fn/user/account/info', r.data.access_token)).code).toBe(CODES.tokenExpired);
		await admin(sim, '/bilibili/revoke', {});
		expect((await refresh(r.data.refresh_token)).code).toBe(CODES.refreshTokenInvalid);
	});

	it('accepts a correct signature and rejects tampered bodies, headers, stale timestamps and replays', async () => {
		const { access_token: token } = await issue();
		const body = JSON.stringify({ name: 'a.mp4', utype: 0 });
		const post = (headers: Record<string, string>, sent = body) =>
			fetch(`${base}/arcopen/fn/archive/video/init`, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json', 'access-token': token, ...headers }, body: sent }).then((r) => r.json());

		const good = sign(body, sim.now());
		expect((await post(good)).code).toBe(0);
		expect(lastLog().note).toContain('signature-version=2.0');
		// the same nonce again
		expect((await post(good)).code).toBe(CODES.nonceReplayed);
		// body changed after signing
		expect((await post(sign(body, sim.now()), JSON.stringify({ name: 'b.mp4', utype: 0 }))).code).toBe(CODES.signatureInvalid);
		// a signed header changed after signing
		const tampered = { ...sign(body, sim.now()), 'x-bili-signature-nonce': randomUUID() };
		expect((await post(tampered)).code).toBe(CODES.signatureInvalid);
		// signature over a canonical string with a trailing newline
		const h = sign(body, sim.now());
		const canonical = Object.keys(h).filter((k) => k.startsWith('x-bili-')).sort().map((k) => `${k}:${h[k]}`).join('\n');
		const trailing = { ...h, authorization: createHmac('sha256', SECRET).update(`${canonical}\n`).digest('hex') };
		const trailingReply = await post(trailing);
		expect(trailingReply.code).toBe(CODES.signatureInvalid);
		expect(trailingReply.message).toContain('trailing newline');
		// uppercase hex is not the documented form
		expect((await post({ ...h, 'x-bili-signature-nonce': h['x-bili-signature-nonce'], authorization: h.authorization.toUpperCase() })).code).toBe(CODES.signatureInvalid);
		// timestamp outside the window (signed correctly, just old)
		// the signature page allows 10 minutes
		expect((await post(sign(body, sim.now() - 599_000))).code).toBe(0);
		const stale = await post(sign(body, sim.now() - 601_000));
		expect(stale).toMatchObject({ code: CODES.timestampExpired, message: expect.stringContaining('x-bili-timestamp') });
		// an unknown client: 127004 client_id验证错误
		const wrongKey = sign(body, sim.now(), { 'x-bili-accesskeyid': 'someone_else' });
		expect((await post(wrongKey)).code).toBe(127004);
		// legacy query-parameter auth: 127000 缺少鉴权参数
		const legacy = await fetch(`${base}/arcopen/fn/user/account/info?client_id=${CLIENT_ID}&access_token=${token}`).then((r) => r.json());
		expect(legacy.code).toBe(127000);
		// Content-Type and Accept are required signed-request headers; a missing one is 127000, a wrong type 127012
		const headersWithout = (name: string) =>
			fetch(`${base}/arcopen/fn/archive/video/init`, {
				method: 'POST',
				headers: Object.fromEntries(Object.entries({ accept: 'application/json', 'content-type': 'application/json', 'access-token': token, ...sign(body, sim.now()) }).filter(([k]) => k !== name)),
				body,
			}).then((r) => r.json());
		expect(await headersWithout('accept')).toMatchObject({ code: 127000, message: expect.stringContaining('Accept') });
		const noType = await fetch(`${base}/arcopen/fn/user/account/info`, { headers: { accept: 'application/json', 'access-token': token, ...sign('', sim.now()) } }).then((r) => r.json());
		expect(noType).toMatchObject({ code: 127000, message: expect.stringContaining('Content-Type') });
		expect((await post({ ...sign(body, sim.now()), 'content-type': 'text/plain' })).code).toBe(127012);
		expect([CODES.signatureInvalid, CODES.nonceReplayed]).toEqual([127012, 127012]);
		// version 1.0 is accepted by default and noted
		expect((await post(sign(body, sim.now(), { 'x-bili-signature-version': '1.0' }))).code).toBe(0);
		expect(lastLog().note).toContain('signature-version=1.0');

		// configurable window and codes; checks can be switched off
		const cfg = await admin(sim, '/bilibili/config', { timestampWindowSeconds: 1000, codes: { signatureInvalid: 99001 } });
		expect(cfg.effectiveCodes.signatureInvalid).toBe(99001);
		expect((await post(sign(body, sim.now() - 900_000))).code).toBe(0);
		expect((await post({ ...sign(body, sim.now()), authorization: 'x' })).code).toBe(99001);
		await admin(sim, '/bilibili/config', { signatureChecks: false });
		expect((await post({})).code).toBe(0);
	});

	it('permission 127007 (app) and 127011 (user), throttling 127009 and missing token', async () => {
		const limited = await issue({ scopes: ['USER_INFO'] });
		// the app holds ARC_BASE, the user did not tick it: 127011 该接口用户未授权
		expect((await signedGet('/arcopen/fn/archive/type/list', limited.access_token)).code).toBe(127011);
		await admin(sim, '/bilibili/config', { appScopes: ['USER_INFO'] });
		// the app itself lacks it: 127007 应用无该接口权限
		expect((await signedGet('/arcopen/fn/archive/type/list', limited.access_token)).code).toBe(127007);
		expect((await signedGet('/arcopen/fn/user/account/scopes', limited.access_token)).data).toMatchObject({ openid: OPENID, open_id: OPENID, scopes: ['USER_INFO'] });
		expect((await signedGet('/arcopen/fn/user/account/info', '')).code).toBe(127000);
		await fetch(`${sim.baseUrl}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'bilibili', type: 'rateLimit', match: '/arcopen/', count: 1 }) });
		const throttled = await signedGet('/arcopen/fn/user/account/info', limited.access_token);
		expect(throttled).toMatchObject({ code: 127009, ttl: 1 });
		expect((await signedGet('/arcopen/fn/user/account/info', limited.access_token)).code).toBe(0);
	});

	it('multipart upload: init → 3 parts → complete (gaps rejected) → cover → submit → visible after review', async () => {
		const { access_token: token } = await issue();
		const tree = await signedGet('/arcopen/fn/archive/type/list', token);
		expect(tree.data.find((p: any) => p.id === 160).children.map((c: any) => c.id)).toContain(21);

		expect((await signedPost('/arcopen/fn/archive/video/init', token, { name: 'noext', utype: 0 })).code).toBe(127102);
		const init = await signedPost('/arcopen/fn/archive/video/init', token, { name: 'demo.mp4', utype: '0' });
		expect(init.code).toBe(0);
		const ut = init.data.upload_token;
		const parts = [randomBytes(300_000), randomBytes(300_000), randomBytes(123_456)];
		const upload = (n: number) => rawPost(`/upos/video/v2/part/upload?upload_token=${ut}&part_number=${n}`, parts[n - 1]);
		expect((await upload(1)).data.etag).toMatch(/^[0-9a-f]{32}$/);
		expect(lastLog().range).toBe('1');
		await upload(3);
		const gap = await signedPost(`/arcopen/fn/archive/video/complete?upload_token=${ut}`, token, undefined);
		expect(gap.code).toBe(CODES.paramError);
		expect(gap.message).toContain('missing parts: 2');
		await upload(2);
		expect(lastLog()).toMatchObject({ range: '2', code: 0 });
		expect((await signedPost(`/arcopen/fn/archive/video/complete?upload_token=${ut}`, token, undefined)).code).toBe(0);

		const cover = await signedMultipart('/arcopen/fn/archive/cover/upload', token, PNG, 'image/png', 'cover.png');
		expect(cover.code).toBe(0);
		expect(cover.data.url).toMatch(/^https:\/\/archive\.biliimg\.com\/bfs\/archive\/.+\.png$/);
		expect((await signedMultipart('/arcopen/fn/archive/cover/upload', token, Buffer.from('not an image'), 'image/png', 'x.png')).code).toBe(127102);

		const submission = { title: '模拟投稿', cover: cover.data.url, tid: 21, tag: '测试,模拟', desc: '简介', copyright: 1, no_reprint: 1 };
		expect((await signedPost(`/arcopen/fn/archive/add-by-utoken?upload_token=${ut}`, token, { ...submission, title: '长'.repeat(80) })).code).toBe(CODES.titleInvalid);
		expect((await signedPost(`/arcopen/fn/archive/add-by-utoken?upload_token=${ut}`, token, { ...submission, copyright: 2 })).code).toBe(CODES.paramError);
		expect((await signedPost(`/arcopen/fn/archive/add-by-utoken?upload_token=${ut}`, token, { ...submission, tid: 160 })).code).toBe(127207);
		const added = await signedPost(`/arcopen/fn/archive/add-by-utoken?upload_token=${ut}`, token, submission);
		expect(added.code).toBe(0);
		const bv = added.data.resource_id;
		expect(bv).toMatch(/^BV1[1-9A-HJ-NP-Za-km-z]{9}$/);
		expect((await signedPost(`/arcopen/fn/archive/add-by-utoken?upload_token=${ut}`, token, submission)).code).toBe(CODES.paramError);

		const state = await admin(sim, '/bilibili/state');
		const session = state.uploads.find((u: any) => u.upload_token === ut);
		expect(session).toMatchObject({ completed: true, via: 'parts', size: 723_456, resource_id: bv });
		expect(session.sha256).toBe(createHash('sha256').update(Buffer.concat(parts)).digest('hex'));

		const view = await signedGet(`/arcopen/fn/archive/view?resource_id=${bv}`, token);
		expect(view.data).toMatchObject({ resource_id: bv, title: '模拟投稿', tid: 21, addit_info: { state: -30 } });
		const ids = async (status: string) => (await signedGet(`/arcopen/fn/archive/viewlist?pn=1&ps=10&status=${status}`, token)).data.list.map((a: any) => a.resource_id);
		expect(await ids('is_pubing')).toEqual([bv]);
		expect(await ids('pubed')).not.toContain(bv);
		// edits are locked while the archive is processed
		expect((await signedPost('/arcopen/fn/archive/edit', token, { resource_id: bv, title: '改' })).code).toBe(CODES.archiveProcessing);
		await clock(60);
		expect(await ids('pubed')).toContain(bv);
		const list = await signedGet('/arcopen/fn/archive/viewlist?pn=1&ps=2&status=all', token);
		expect(list.data.page).toEqual({ pn: 1, ps: 2, total: 4 });
		expect(await ids('not_pubed')).toHaveLength(1);

		const stat = await signedGet(`/arcopen/fn/data/arc/stat?resource_id=${bv}`, token);
		expect(stat.data).toHaveProperty('view');
		expect((await signedGet('/arcopen/fn/data/user/stat', token)).data.arc_passed_total).toBe(3);
		expect((await signedGet(`/arcopen/fn/data/arc/inc-stats?resource_id=${bv}`, token)).data).toHaveProperty('inc_click');

		expect((await signedPost('/arcopen/fn/archive/edit', token, { resource_id: bv, title: '改过的标题' })).code).toBe(0);
		expect((await signedGet(`/arcopen/fn/archive/view?resource_id=${bv}`, token)).data.addit_info.state).toBe(-30);
		await clock(60);
		expect((await signedPost('/arcopen/fn/archive/delete', token, { resource_id: bv })).code).toBe(0);
		// published: 127107 稿件已经被删除, 127124 不存在该稿件
		expect((await signedGet(`/arcopen/fn/archive/view?resource_id=${bv}`, token)).code).toBe(127107);
		expect((await signedGet('/arcopen/fn/archive/view?resource_id=BV1nothere11', token)).code).toBe(127124);
	});

	it('small-file path and the daily submission cap', async () => {
		const { access_token: token } = await issue();
		await admin(sim, '/bilibili/config', { dailySubmitCap: 2, processingLockSeconds: 0 });
		const submit = async (i: number) => {
			const ut = (await signedPost('/arcopen/fn/archive/video/init', token, { name: `small${i}.mp4`, utype: 1 })).data.upload_token;
			expect((await rawPost(`/upos/video/v2/upload?upload_token=${ut}`, randomBytes(50_000))).code).toBe(0);
			return signedPost(`/arcopen/fn/archive/add-by-utoken?upload_token=${ut}`, token, { title: `小文件 ${i}`, tid: 95, tag: 'x', copyright: 1 });
		};
		expect((await submit(1)).code).toBe(0);
		expect((await submit(2)).code).toBe(0);
		expect((await submit(3)).code).toBe(CODES.dailySubmitLimit);
		await clock(86400);
		expect((await submit(4)).code).toBe(0);

		// the small path refuses multi-part sessions
		const multi = (await signedPost('/arcopen/fn/archive/video/init', token, { name: 'big.mkv' })).data.upload_token;
		expect((await rawPost(`/upos/video/v2/upload?upload_token=${multi}`, randomBytes(10))).code).toBe(CODES.paramError);
		expect((await rawPost('/upos/video/v2/part/upload?upload_token=nope&part_number=1', randomBytes(10))).code).toBe(127022);
	});

	it('articles: categories (both spellings), add, detail, list by group, image upload, stats, delete', async () => {
		const { access_token: token } = await issue();
		const cats = await signedGet('/arcopen/fn/article/categories', token);
		expect(cats.data).toEqual((await signedGet('/arcopen/fn/article/category', token)).data);
		expect(lastLog().note).toContain('path=/arcopen/fn/article/category');

		const image = await signedMultipart('/arcopen/fn/article/upload/image', token, PNG, 'image/png', 'a.png', { watermark: '0' });
		expect(image.data.url).toMatch(/^https:\/\/i0\.hdslb\.com\/bfs\/article\//);
		const article = { title: '模拟专栏', category: 41, template_id: 4, summary: '摘要', content: `<p>${'正文'.repeat(120)}</p>`, banner_url: image.data.url, original: 1, tags: '数码,评测' };
		// 文章提交 documents a multipart/form-data body: JSON is refused
		const asJson = await signedPost('/arcopen/fn/article/add', token, article);
		expect(asJson).toMatchObject({ code: CODES.paramError, message: expect.stringContaining('multipart/form-data') });
		expect((await signedForm('/arcopen/fn/article/add', token, { ...article, content: '<p>太短</p>' })).code).toBe(CODES.paramError);
		expect((await signedForm('/arcopen/fn/article/add', token, { ...article, top_video_bvid: 'BV1xx411c7mD' })).code).toBe(CODES.paramError);
		expect((await signedForm('/arcopen/fn/article/add', token, { ...article, title: '长'.repeat(41) })).code).toBe(129005);
		const added = await signedForm('/arcopen/fn/article/add', token, article);
		expect(added.code).toBe(0);
		const id = added.data.id;
		expect((await signedGet(`/arcopen/fn/article/detail?id=${id}`, token)).data).toMatchObject({ id, title: '模拟专栏', state: 1, tags: ['数码', '评测'] });
		const group = async (g: number) => (await signedGet(`/arcopen/fn/article/list?pn=1&ps=10&group=${g}`, token)).data.list.map((a: any) => a.id);
		expect(await group(1)).toEqual([id]);
		await clock(60);
		expect(await group(2)).toContain(id);
		expect((await signedGet(`/arcopen/fn/data/art/stat?ids=${id},5000001`, token)).data.list).toHaveLength(2);
		// 文章编辑 wants every field (unchanged ones with their values), as multipart too
		expect((await signedPost('/arcopen/fn/article/edit', token, { ...article, id, title: '改名' })).code).toBe(CODES.paramError);
		expect((await signedForm('/arcopen/fn/article/edit', token, { id, title: '改名' })).code).toBe(CODES.paramError);
		expect((await signedForm('/arcopen/fn/article/edit', token, { ...article, id, title: '改名' })).code).toBe(0);
		expect((await signedGet(`/arcopen/fn/article/detail?id=${id}`, token)).data).toMatchObject({ title: '改名', summary: '摘要', state: 1 });
		expect((await signedPost('/arcopen/fn/article/delete', token, { id: String(id) })).code).toBe(0);
		expect((await signedGet(`/arcopen/fn/article/detail?id=${id}`, token)).code).toBe(CODES.notFound);
	});
});
