import { startSimulator, admin, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const APPID = 'wxsim0000000001';
const SECRET = 'sim_wechat_secret';

describe('WeChat Official Account simulator', () => {
	let sim: RunningSimulator;
	const url = (path: string) => `${sim.baseUrl}/wechat${path}`;

	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	async function stable(force = false, overrides: Record<string, unknown> = {}): Promise<any> {
		const res = await fetch(url('/cgi-bin/stable_token'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: SECRET, force_refresh: force, ...overrides }),
		});
		expect(res.status).toBe(200);
		return res.json();
	}
	async function classic(query = `grant_type=client_credential&appid=${APPID}&secret=${SECRET}`): Promise<any> {
		return (await fetch(url(`/cgi-bin/token?${query}`))).json();
	}
	async function call(path: string, token: string, body?: unknown, method = 'POST'): Promise<any> {
		const sep = path.includes('?') ? '&' : '?';
		const res = await fetch(url(`${path}${sep}access_token=${encodeURIComponent(token)}`), {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		expect(res.status).toBe(200);
		return res.json();
	}
	async function upload(path: string, token: string, file: { bytes: number | Buffer; name: string; type: string }, fields: Record<string, string> = {}, part = 'media'): Promise<any> {
		const form = new FormData();
		for (const [k, v] of Object.entries(fields)) form.append(k, v);
		const data = typeof file.bytes === 'number' ? Buffer.alloc(file.bytes, 7) : file.bytes;
		form.append(part, new Blob([data], { type: file.type }), file.name);
		const sep = path.includes('?') ? '&' : '?';
		return (await fetch(url(`${path}${sep}access_token=${token}`), { method: 'POST', body: form })).json();
	}
	const clock = (advanceSeconds: number) => admin(sim, '/clock', { advanceSeconds });
	const token = async () => (await stable()).access_token as string;

	describe('stable token', () => {
		it('returns the same token while valid and rotates in the last 300 s with overlap', async () => {
			const first = await stable();
			expect(first.expires_in).toBe(7200);
			await clock(1000);
			const again = await stable();
			expect(again.access_token).toBe(first.access_token);
			expect(again.expires_in).toBe(6200);
			expect(again.expires_in).toBeLessThan(first.expires_in);
			await clock(6000); // 200 s left
			const rotated = await stable();
			expect(rotated.access_token).not.toBe(first.access_token);
			expect(rotated.expires_in).toBe(7200);
			expect((await call('/cgi-bin/draft/count', first.access_token, undefined, 'GET')).total_count).toBe(3);
			await clock(200);
			expect((await call('/cgi-bin/draft/count', first.access_token, undefined, 'GET')).errcode).toBe(42001);
			expect((await call('/cgi-bin/draft/count', rotated.access_token, undefined, 'GET')).total_count).toBe(3);
			expect(tokenRequests(sim, 'wechat', 'stable_token').map((e) => e.tokenKind)).toEqual(['stable', 'stable', 'stable']);
		});

		it('force_refresh kills the old token, is a no-op within 30 s, and is capped per day', async () => {
			await admin(sim, '/wechat/config', { forceDailyLimit: 2 });
			const original = await stable();
			const forced = await stable(true);
			expect(forced.access_token).not.toBe(original.access_token);
			expect((await call('/cgi-bin/draft/count', original.access_token, undefined, 'GET')).errcode).toBe(40001);
			await clock(10);
			expect((await stable(true)).access_token).toBe(forced.access_token);
			await clock(30);
			const second = await stable(true);
			expect(second.access_token).not.toBe(forced.access_token);
			await clock(30);
			expect((await stable(true)).errcode).toBe(45009);
			const forcedLog = sim.log.filter((e) => e.note === 'force');
			expect(forcedLog).toHaveLength(4);
			expect(forcedLog.every((e) => e.category === 'token-request' && e.tokenKind === 'stable')).toBe(true);
			expect(forcedLog.map((e) => e.code)).toEqual([0, 0, 0, 45009]);
		});

		it('is POST + JSON only and checks credentials', async () => {
			expect((await (await fetch(url('/cgi-bin/stable_token'))).json()).errcode).toBe(43002);
			const form = await fetch(url('/cgi-bin/stable_token'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credential&appid=${APPID}&secret=${SECRET}` });
			expect((await form.json()).errcode).toBe(47001);
			expect((await stable(false, { appid: 'wxnope' })).errcode).toBe(40013);
			expect((await stable(false, { secret: 'wrong' })).errcode).toBe(40125);
			expect((await stable(false, { grant_type: 'password' })).errcode).toBe(40002);
			expect((await stable(false, { appid: undefined })).errcode).toBe(41002);
			const missingSecret = await stable(false, { secret: undefined });
			expect(missingSecret.errcode).toBe(41004);
			expect(missingSecret.errmsg).toMatch(/ rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
		});
	});

	describe('classic token', () => {
		it('issues a new token per call; the previous works 5 more minutes then 40001; stable tokens are untouched', async () => {
			const st = await token();
			const a = await classic();
			const b = await classic();
			expect(b.access_token).not.toBe(a.access_token);
			expect(a.access_token.length).toBeGreaterThan(100);
			await clock(299);
			expect((await call('/cgi-bin/draft/count', a.access_token, undefined, 'GET')).total_count).toBe(3);
			await clock(2);
			expect((await call('/cgi-bin/draft/count', a.access_token, undefined, 'GET')).errcode).toBe(40001);
			expect((await call('/cgi-bin/draft/count', b.access_token, undefined, 'GET')).total_count).toBe(3);
			expect((await call('/cgi-bin/draft/count', st, undefined, 'GET')).total_count).toBe(3);
			await clock(7200);
			expect((await call('/cgi-bin/draft/count', b.access_token, undefined, 'GET')).errcode).toBe(42001);
			expect(tokenRequests(sim, 'wechat', '/cgi-bin/token').map((e) => e.tokenKind)).toEqual(['classic', 'classic']);
		});

		it('enforces the daily quota and credential errors', async () => {
			await admin(sim, '/wechat/config', { classicDailyLimit: 2 });
			await classic();
			await classic();
			expect((await classic()).errcode).toBe(45009);
			expect((await classic(`grant_type=client_credential&appid=${APPID}&secret=bad`)).errcode).toBe(40125);
			expect((await classic(`grant_type=client_credential&secret=${SECRET}`)).errcode).toBe(41002);
		});
	});

	it('answers 40164 with the caller IP when the whitelist is on', async () => {
		const t = await token();
		const cfg = await admin(sim, '/wechat/config', { whitelist: ['10.1.2.3'] });
		expect(cfg.whitelist).toEqual(['10.1.2.3']);
		const denied = await stable();
		expect(denied.errcode).toBe(40164);
		expect(denied.errmsg).toMatch(/^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist rid: /);
		expect((await classic()).errcode).toBe(40164);
		expect((await call('/cgi-bin/draft/count', t, undefined, 'GET')).total_count).toBe(3);
		await admin(sim, '/wechat/config', { whitelistAllApis: true });
		expect((await call('/cgi-bin/draft/count', t, undefined, 'GET')).errcode).toBe(40164);
		await admin(sim, '/wechat/config', { whitelist: ['127.0.0.1'] });
		expect((await call('/cgi-bin/draft/count', t, undefined, 'GET')).total_count).toBe(3);
	});

	it('checks access tokens on APIs: 41001, 40014, revoke → 40001, expire → 42001', async () => {
		const t = await token();
		const missing = await (await fetch(url('/cgi-bin/draft/count'))).json();
		expect(missing.errcode).toBe(41001);
		expect((await call('/cgi-bin/draft/count', 'garbage', undefined, 'GET')).errcode).toBe(40014);
		const entry = sim.log[sim.log.length - 1];
		expect(entry).toMatchObject({ token: 'garbage', tokenKind: 'unknown', code: 40014, status: 200 });
		await admin(sim, '/wechat/revoke');
		expect((await call('/cgi-bin/draft/count', t, undefined, 'GET')).errcode).toBe(40001);
		const fresh = await token();
		expect(fresh).not.toBe(t);
		await admin(sim, '/wechat/expire');
		expect((await call('/cgi-bin/draft/count', fresh, undefined, 'GET')).errcode).toBe(42001);
		expect(sim.log[sim.log.length - 1]).toMatchObject({ tokenKind: 'stable', code: 42001 });
		expect((await call('/cgi-bin/draft/count', await token(), undefined, 'POST')).total_count).toBe(3);
		expect((await call('/cgi-bin/draft/add', await token(), undefined, 'GET')).errcode).toBe(43002);
	});

	describe('material', () => {
		it('adds images (with url served back) and videos with a description; checks type, size and part name', async () => {
			const t = await token();
			const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
			const image = await upload('/cgi-bin/material/add_material?type=image', t, { bytes: png, name: 'a.png', type: 'image/png' });
			expect(image.media_id).toEqual(expect.any(String));
			const served = await fetch(image.url);
			expect(served.headers.get('content-type')).toBe('image/png');
			expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

			const bytes = await fetch(url(`/cgi-bin/material/get_material?access_token=${t}`), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `media_id=${image.media_id}` });
			expect(bytes.headers.get('content-type')).toBe('image/png');
			expect((await bytes.arrayBuffer()).byteLength).toBe(png.length);

			const video = await upload('/cgi-bin/material/add_material?type=video', t, { bytes: 2048, name: 'v.mp4', type: 'video/mp4' }, { description: JSON.stringify({ title: '视频', introduction: 'intro' }) });
			expect(video).toEqual({ media_id: expect.any(String) });
			const got = await call('/cgi-bin/material/get_material', t, { media_id: video.media_id });
			expect(got).toMatchObject({ title: '视频', description: 'intro', down_url: expect.stringContaining('/wechat/mmbiz/') });
			expect((await upload('/cgi-bin/material/add_material?type=video', t, { bytes: 10, name: 'v.mp4', type: 'video/mp4' })).errcode).toBe(47001);

			expect((await upload('/cgi-bin/material/add_material?type=thumb', t, { bytes: 65 * 1024, name: 't.jpg', type: 'image/jpeg' })).errcode).toBe(40009);
			expect((await upload('/cgi-bin/material/add_material?type=voice', t, { bytes: 2 * 1024 * 1024 + 1, name: 'a.mp3', type: 'audio/mpeg' })).errcode).toBe(45001);
			expect((await upload('/cgi-bin/material/add_material?type=image', t, { bytes: 10, name: 'a.exe', type: 'application/octet-stream' })).errcode).toBe(40005);
			expect((await upload('/cgi-bin/material/add_material?type=pdf', t, { bytes: 10, name: 'a.png', type: 'image/png' })).errcode).toBe(40004);
			expect((await upload('/cgi-bin/material/add_material?type=image', t, { bytes: 10, name: 'a.png', type: 'image/png' }, {}, 'file')).errcode).toBe(41005);

			const count = await call('/cgi-bin/material/get_materialcount', t, undefined, 'GET');
			expect(count).toEqual({ voice_count: 1, video_count: 2, image_count: 4, news_count: 0 });
			const list = await call('/cgi-bin/material/batchget_material', t, { type: 'image', offset: 0, count: 2 });
			expect(list).toMatchObject({ total_count: 4, item_count: 2 });
			expect(list.item[0].media_id).toBe(image.media_id);
			expect((await call('/cgi-bin/material/batchget_material', t, { type: 'image', offset: 0, count: 21 })).errcode).toBe(47003);
			expect(await call('/cgi-bin/material/del_material', t, { media_id: image.media_id })).toEqual({ errcode: 0, errmsg: 'ok' });
			expect((await call('/cgi-bin/material/get_material', t, { media_id: image.media_id })).errcode).toBe(40007);
		});

		it('uploadimg takes jpg/png under 1 MB and serves the image back', async () => {
			const t = await token();
			const ok = await upload('/cgi-bin/media/uploadimg', t, { bytes: 1000, name: 'b.jpg', type: 'image/jpeg' });
			expect(ok.url).toMatch(new RegExp(`^${sim.baseUrl}/wechat/mmbiz/`));
			const served = await fetch(ok.url);
			expect(served.headers.get('content-type')).toBe('image/jpeg');
			expect((await served.arrayBuffer()).byteLength).toBe(1000);
			expect((await upload('/cgi-bin/media/uploadimg', t, { bytes: 100, name: 'b.gif', type: 'image/gif' })).errcode).toBe(40005);
			expect((await upload('/cgi-bin/media/uploadimg', t, { bytes: 1024 * 1024 + 1, name: 'b.png', type: 'image/png' })).errcode).toBe(40009);
		});

		it('temporary media expire after 3 days and are not valid draft covers', async () => {
			const t = await token();
			const temp = await upload('/cgi-bin/media/upload?type=image', t, { bytes: 500, name: 'c.jpg', type: 'image/jpeg' });
			expect(temp).toMatchObject({ type: 'image', media_id: expect.any(String), created_at: expect.any(Number) });
			const got = await fetch(url(`/cgi-bin/media/get?access_token=${t}&media_id=${temp.media_id}`));
			expect(got.headers.get('content-type')).toBe('image/jpeg');
			const draft = await call('/cgi-bin/draft/add', t, { articles: [{ title: 't', content: '<p>x</p>', thumb_media_id: temp.media_id }] });
			expect(draft.errcode).toBe(40007);
			await clock(3 * 86400 + 1);
			const t2 = await token();
			expect((await call(`/cgi-bin/media/get?media_id=${temp.media_id}`, t2, undefined, 'GET')).errcode).toBe(40007);
		});
	});

	describe('drafts and publishing', () => {
		it('adds drafts with cover rules and strips foreign images; update takes an object and a 0-based index', async () => {
			const t = await token();
			const body = await upload('/cgi-bin/media/uploadimg', t, { bytes: 100, name: 'in.png', type: 'image/png' });
			const article = {
				title: '标题',
				author: 'me',
				content: `<p>Hi</p><img src="${body.url}"><img src="https://example.com/x.png"><script>alert(1)</script>`,
				thumb_media_id: 'wxsim_thumb_0001',
			};
			expect((await call('/cgi-bin/draft/add', t, { articles: [{ ...article, thumb_media_id: undefined }] })).errcode).toBe(40007);
			expect((await call('/cgi-bin/draft/add', t, { articles: [{ ...article, thumb_media_id: 'wxsim_voice_0001' }] })).errcode).toBe(40007);
			expect((await call('/cgi-bin/draft/add', t, { articles: [{ ...article, title: 'x'.repeat(33) }] })).errcode).toBe(45003);
			const added = await call('/cgi-bin/draft/add', t, { articles: [article, { ...article, title: '第二篇', thumb_media_id: 'wxsim_image_0001' }] });
			expect(added.media_id).toEqual(expect.any(String));
			const got = await call('/cgi-bin/draft/get', t, { media_id: added.media_id });
			expect(got.news_item).toHaveLength(2);
			expect(got.news_item[0].content).toBe(`<p>Hi</p><img src="${body.url}">`);
			expect(got.news_item[0]).toMatchObject({ title: '标题', thumb_media_id: 'wxsim_thumb_0001', thumb_url: expect.stringContaining('/wechat/mmbiz/'), show_cover_pic: 0 });

			expect((await call('/cgi-bin/draft/update', t, { media_id: added.media_id, index: 1, articles: [article] })).errcode).toBe(47001);
			expect((await call('/cgi-bin/draft/update', t, { media_id: added.media_id, index: 2, articles: article })).errcode).toBe(47003);
			expect((await call('/cgi-bin/draft/update', t, { media_id: 'nope', index: 0, articles: article })).errcode).toBe(40007);
			expect(await call('/cgi-bin/draft/update', t, { media_id: added.media_id, index: 1, articles: { ...article, title: '改过的' } })).toEqual({ errcode: 0, errmsg: 'ok' });
			const updated = await call('/cgi-bin/draft/get', t, { media_id: added.media_id });
			expect(updated.news_item.map((n: any) => n.title)).toEqual(['标题', '改过的']);

			expect((await call('/cgi-bin/draft/count', t, undefined, 'GET')).total_count).toBe(4);
			const list = await call('/cgi-bin/draft/batchget', t, { offset: 0, count: 20, no_content: 1 });
			expect(list).toMatchObject({ total_count: 4, item_count: 4 });
			expect(list.item[0].media_id).toBe(added.media_id);
			expect(list.item[0].content.news_item[0].content).toBeUndefined();
			expect((await call('/cgi-bin/draft/batchget', t, { offset: 0, count: 0 })).errcode).toBe(47003);
			expect(await call('/cgi-bin/draft/delete', t, { media_id: added.media_id })).toEqual({ errcode: 0, errmsg: 'ok' });
			expect((await call('/cgi-bin/draft/count', t, undefined, 'GET')).total_count).toBe(3);
		});

		it('submit → get answers 1 for the pending polls then 0 with an article page; delete uses 1-based indexes', async () => {
			const t = await token();
			const submitted = await call('/cgi-bin/freepublish/submit', t, { media_id: 'wxsim_draft_0002' });
			expect(submitted).toMatchObject({ errcode: 0, errmsg: 'ok', publish_id: '100000002', msg_data_id: expect.any(Number) });
			expect((await call('/cgi-bin/draft/count', t, undefined, 'GET')).total_count).toBe(2);
			expect((await call('/cgi-bin/draft/get', t, { media_id: 'wxsim_draft_0002' })).errcode).toBe(40007);

			const poll = () => call('/cgi-bin/freepublish/get', t, { publish_id: submitted.publish_id });
			expect((await poll()).publish_status).toBe(1);
			expect((await poll()).publish_status).toBe(1);
			const done = await poll();
			expect(done).toMatchObject({ publish_id: '100000002', publish_status: 0, article_id: expect.any(String), fail_idx: [] });
			expect(done.article_detail.count).toBe(2);
			expect(done.article_detail.item[0].idx).toBe(1);
			const page = await fetch(done.article_detail.item[1].article_url);
			expect(page.headers.get('content-type')).toMatch(/text\/html/);
			expect(await page.text()).toContain('多图文 2');

			await call('/cgi-bin/freepublish/delete', t, { article_id: done.article_id, index: 2 });
			let article = await call('/cgi-bin/freepublish/getarticle', t, { article_id: done.article_id });
			expect(article.news_item.map((n: any) => n.is_deleted)).toEqual([false, true]);
			expect((await call('/cgi-bin/freepublish/delete', t, { article_id: done.article_id, index: 3 })).errcode).toBe(47003);
			expect(await call('/cgi-bin/freepublish/delete', t, { article_id: done.article_id, index: 0 })).toEqual({ errcode: 0, errmsg: 'ok' });
			article = await call('/cgi-bin/freepublish/getarticle', t, { article_id: done.article_id });
			expect(article.news_item.map((n: any) => n.is_deleted)).toEqual([true, true]);
			expect((await poll()).publish_status).toBe(5);
			const listed = await call('/cgi-bin/freepublish/batchget', t, { offset: 0, count: 10, no_content: 1 });
			expect(listed.total_count).toBe(2);
			expect(listed.item[0].content.news_item.every((n: any) => n.is_deleted === true && n.content === undefined)).toBe(true);
			expect((await call('/cgi-bin/freepublish/getarticle', t, { article_id: 'nope' })).errcode).toBe(53600);
		});

		it('injected failure returns fail_idx and puts the draft back; publish_id can be numeric', async () => {
			await admin(sim, '/wechat/config', { publishOutcome: 3, publishPendingPolls: 0, publishIdAsNumber: true });
			const t = await token();
			const submitted = await call('/cgi-bin/freepublish/submit', t, { media_id: 'wxsim_draft_0001' });
			expect(submitted.publish_id).toBe(100000002);
			const failed = await call('/cgi-bin/freepublish/get', t, { publish_id: submitted.publish_id });
			expect(failed).toEqual({ publish_id: 100000002, publish_status: 3, fail_idx: [1] });
			expect((await call('/cgi-bin/draft/count', t, undefined, 'GET')).total_count).toBe(3);
		});
	});

	it('pages 25 000 followers over 3 pages and answers user info', async () => {
		const t = await token();
		const seen: string[] = [];
		let next = '';
		const counts: number[] = [];
		for (let page = 0; page < 5; page++) {
			const res = await call(`/cgi-bin/user/get?next_openid=${next}`, t, undefined, 'GET');
			expect(res.total).toBe(25000);
			counts.push(res.count);
			seen.push(...res.data.openid);
			next = res.next_openid;
			if (!next) break;
		}
		expect(counts).toEqual([10000, 10000, 5000]);
		expect(new Set(seen).size).toBe(25000);
		expect(seen[0]).toHaveLength(28);
		const info = await call(`/cgi-bin/user/info?openid=${seen[12345]}&lang=zh_CN`, t, undefined, 'GET');
		expect(info).toMatchObject({ subscribe: 1, openid: seen[12345], language: 'zh_CN' });
		expect((await call(`/cgi-bin/user/info?openid=oBogus`, t, undefined, 'GET')).errcode).toBe(40003);
		const batch = await call('/cgi-bin/user/info/batchget', t, { user_list: seen.slice(0, 100).map((openid) => ({ openid, lang: 'zh_CN' })) });
		expect(batch.user_info_list).toHaveLength(100);
		expect((await call('/cgi-bin/user/info/batchget', t, { user_list: seen.slice(0, 101).map((openid) => ({ openid })) })).errcode).toBe(47003);
	});

	describe('web authorisation', () => {
		async function consent(path: string, scope: string): Promise<URL> {
			const state = 'xyz 1';
			const page = await fetch(url(`${path}?appid=${APPID}&client_id=extra&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/callback?x=1')}&response_type=code&scope=${scope}&state=${encodeURIComponent(state)}#wechat_redirect`));
			const html = await page.text();
			expect(html).toMatch(/<button id="agree"[^>]*>同意/);
			const action = /<form method="post" action="([^"]+)"/.exec(html)![1];
			const fields = new URLSearchParams([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&#32;/g, ' ')] as [string, string]));
			fields.set('decision', 'agree');
			const res = await fetch(`${sim.baseUrl}${action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString(), redirect: 'manual' });
			expect(res.status).toBe(302);
			const location = new URL(res.headers.get('location')!);
			expect(location.pathname).toBe('/callback');
			expect(location.searchParams.get('x')).toBe('1');
			expect(location.searchParams.get('state')).toBe(state);
			return location;
		}
		const exchange = async (code: string) => (await fetch(url(`/sns/oauth2/access_token?appid=${APPID}&secret=${SECRET}&code=${code}&grant_type=authorization_code`))).json();

		it('consent → code → token → userinfo; code is single use', async () => {
			const code = (await consent('/connect/oauth2/authorize', 'snsapi_userinfo')).searchParams.get('code')!;
			const tok = await exchange(code);
			expect(tok).toMatchObject({ access_token: expect.any(String), expires_in: 7200, refresh_token: expect.any(String), openid: expect.any(String), scope: 'snsapi_userinfo', unionid: expect.any(String) });
			expect(tok.is_snapshotuser).toBeUndefined();
			expect(tokenRequests(sim, 'wechat', '/sns/oauth2/access_token')[0]).toMatchObject({ tokenKind: 'web', code: 0 });
			const user = await (await fetch(url(`/sns/userinfo?access_token=${tok.access_token}&openid=${tok.openid}&lang=zh_CN`))).json();
			expect(user).toMatchObject({ openid: tok.openid, nickname: expect.any(String), privilege: [], unionid: tok.unionid });
			expect(sim.log[sim.log.length - 1]).toMatchObject({ token: tok.access_token, tokenKind: 'web', code: 0 });
			expect(await (await fetch(url(`/sns/auth?access_token=${tok.access_token}&openid=${tok.openid}`))).json()).toEqual({ errcode: 0, errmsg: 'ok' });
			expect((await exchange(code)).errcode).toBe(40163);
			expect((await exchange('made-up')).errcode).toBe(40029);
			// a web token is not a global token
			expect((await call('/cgi-bin/draft/count', tok.access_token, undefined, 'GET')).errcode).toBe(40001);

			await clock(7201);
			expect((await (await fetch(url(`/sns/auth?access_token=${tok.access_token}&openid=${tok.openid}`))).json()).errcode).toBe(42001);
			const refreshed = await (await fetch(url(`/sns/oauth2/refresh_token?appid=${APPID}&grant_type=refresh_token&refresh_token=${tok.refresh_token}`))).json();
			expect(refreshed.access_token).not.toBe(tok.access_token);
			expect(refreshed.refresh_token).toBe(tok.refresh_token);
			await clock(30 * 86400);
			expect((await (await fetch(url(`/sns/oauth2/refresh_token?appid=${APPID}&grant_type=refresh_token&refresh_token=${tok.refresh_token}`))).json()).errcode).toBe(42002);
			expect((await (await fetch(url(`/sns/oauth2/refresh_token?appid=${APPID}&grant_type=refresh_token&refresh_token=bogus`))).json()).errcode).toBe(40030);
		});

		it('QR login and snsapi_base; codes expire after 5 minutes', async () => {
			const qr = await exchange((await consent('/connect/qrconnect', 'snsapi_login')).searchParams.get('code')!);
			expect(qr.scope).toBe('snsapi_login');
			const base = await exchange((await consent('/connect/oauth2/authorize', 'snsapi_base')).searchParams.get('code')!);
			expect(base.unionid).toBeUndefined();
			expect((await (await fetch(url(`/sns/userinfo?access_token=${base.access_token}&openid=${base.openid}`))).json()).errcode).toBe(48001);
			const late = (await consent('/connect/oauth2/authorize', 'snsapi_userinfo')).searchParams.get('code')!;
			await clock(301);
			expect((await exchange(late)).errcode).toBe(42003);
			const shortcut = await admin(sim, '/wechat/issue-web-token', { scope: 'snsapi_userinfo' });
			expect(shortcut).toMatchObject({ scope: 'snsapi_userinfo', unionid: expect.any(String) });
		});
	});

	it('answers injected faults in the WeChat dialect and reports state', async () => {
		const t = await token();
		await admin(sim, '/faults', { platform: 'wechat', type: 'rateLimit', count: 1, match: '/cgi-bin/draft' });
		await admin(sim, '/faults', { platform: 'wechat', type: 'platformError', code: -1, message: 'system error', count: 1, match: '/cgi-bin/user' });
		const limited = await call('/cgi-bin/draft/count', t, undefined, 'GET');
		expect(limited.errcode).toBe(45011);
		expect(sim.log[sim.log.length - 1]).toMatchObject({ code: 45011, tokenKind: 'stable', status: 200 });
		expect((await call('/cgi-bin/user/get', t, undefined, 'GET')).errcode).toBe(-1);
		const state = await admin(sim, '/wechat/state');
		expect(state).toMatchObject({ tokensIssued: { stable: 1, classic: 0, web: 0 }, forceRefreshes: 0, drafts: ['wxsim_draft_0001', 'wxsim_draft_0002', 'wxsim_draft_0003'], materials: { image: 2, thumb: 1, voice: 1, video: 1 } });
	});
});
