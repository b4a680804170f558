import { createHash } from 'crypto';
import { MediaXBilibiliOAuth2Api } from '../../credentials/MediaXBilibiliOAuth2Api.credentials';
import { MediaXBilibili } from '../../nodes/MediaXBilibili/MediaXBilibili.node';
import { getArticleCategories, getPartitions } from '../../nodes/MediaXBilibili/methods/loadOptions';
import { bilibiliVerdict } from '../../nodes/shared/platforms/bilibili';
import { CredentialStore, fakeContext, resolveExpression } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const USER = 'mediaXBilibiliOAuth2Api';
const SECRET = 'sim_bili_secret';
const MB = 1024 * 1024;

/** a PNG signature and padding: enough for the simulator's magic-byte check */
const png = (size = 2048) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(size - 8, 1)]);
/** bytes that differ per position, so a misplaced part changes the hash */
const videoBytes = (size: number) => {
	const b = Buffer.alloc(size);
	for (let i = 0; i + 4 <= size; i += 4) b.writeUInt32LE((i ^ 0x9e3779b9) >>> 0, i);
	return b;
};
const binaryItem = (binary: Record<string, { bytes: Buffer; fileName: string; mimeType: string }>) => ({
	json: {},
	binary: Object.fromEntries(Object.entries(binary).map(([k, v]) => [k, { data: v.bytes.toString('base64'), fileName: v.fileName, mimeType: v.mimeType }])),
});

describe('MediaX Bilibili node', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;

	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	/** a freshly connected credential: what n8n's "Connect my account" stores (Bilibili's reply as is) */
	async function setup(opts: { secret?: string; scopes?: string[] } = {}) {
		sim.reset();
		store = new CredentialStore({ [USER]: new MediaXBilibiliOAuth2Api() });
		const issued = await admin(sim, '/bilibili/issue-user-token', opts.scopes ? { scopes: opts.scopes } : {});
		store.add({
			id: 'user1',
			name: 'Bilibili account',
			type: USER,
			data: {
				environment: 'custom',
				baseUrl: `${sim.baseUrl}/bilibili`,
				clientId: 'sim_bili_client',
				clientSecret: opts.secret ?? SECRET,
				redirectUrl: 'http://127.0.0.1:5678/rest/oauth2-credential/callback',
				oauthTokenData: { code: 0, message: '0', ttl: 1, data: issued },
			},
		});
		sim.log.length = 0;
		return issued as { access_token: string; refresh_token: string; expires_in: number };
	}

	const context = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => fakeContext({ store, attached: { [USER]: 'user1' }, parameters, ...extra });
	const run = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => new MediaXBilibili().execute.call(context(parameters, extra));
	const member = () => sim.log.filter((e) => e.platform === 'bilibili' && e.path.startsWith('/arcopen/'));
	const stored = () => (store.read('user1').data.oauthTokenData as any).data as { access_token: string; refresh_token: string; expires_in: number };
	const secretsOf = (issued: { access_token: string; refresh_token: string }) => [SECRET, issued.access_token, issued.refresh_token, stored().access_token, stored().refresh_token];

	it('the credential\'s Connect URLs reach the consent page (gourl = n8n\'s callback) and the token endpoint', async () => {
		await setup();
		const cred = new MediaXBilibiliOAuth2Api();
		const data = store.read('user1').data;
		const field = (name: string) => String(resolveExpression(cred.properties.find((p) => p.name === name)!.default, data));
		// what n8n's OAuth2 client builds from the hidden fields
		const authorize = `${field('authUrl')}?${field('authQueryParameters')}&${new URLSearchParams({ client_id: 'sim_bili_client', response_type: 'code', state: 'st-1' })}`;
		const page = await fetch(authorize);
		expect(page.status).toBe(200);
		const href = /id="agree" href="([^"]+)"/.exec(await page.text())![1].replace(/&amp;/g, '&');
		const back = new URL((await fetch(new URL(href, authorize), { redirect: 'manual' })).headers.get('location')!);
		expect(`${back.origin}${back.pathname}`).toBe(String(data.redirectUrl));
		expect(back.searchParams.get('state')).toBe('st-1');
		const form = new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, client_id: 'sim_bili_client', client_secret: SECRET, redirect_uri: String(data.redirectUrl) });
		const token = await (await fetch(field('accessTokenUrl'), { method: 'POST', body: form })).json();
		expect(token).toMatchObject({ code: 0, data: { access_token: expect.any(String), refresh_token: expect.any(String) } });
	});

	it('signs every member call: account, scopes, stats and the load-options lists are accepted', async () => {
		await setup();
		const [info] = await run({ resource: 'user', operation: 'getInfo' });
		const [scopes] = await run({ resource: 'user', operation: 'getScopes' });
		const [stats] = await run({ resource: 'user', operation: 'getStats' });
		const partitions = await getPartitions.call(context({}));
		const categories = await getArticleCategories.call(context({}));
		expect(info[0].json).toMatchObject({ openid: 'sim-bili-openid-0001' });
		expect(scopes[0].json.scopes).toEqual(expect.arrayContaining(['USER_INFO', 'ARC_BASE', 'ATC_BASE', 'ATC_DATA']));
		expect(stats[0].json).toHaveProperty('follower');
		expect(partitions).toContainEqual(expect.objectContaining({ value: 21, name: '生活 → 日常' }));
		expect(partitions.map((p) => p.value)).not.toContain(160); // top-level partitions cannot be chosen
		expect(categories).toContainEqual(expect.objectContaining({ value: 41 }));
		expect(member()).toHaveLength(5);
		expect(member().every((e) => e.code === 0 && e.tokenKind === 'user' && /signature-version=2.0/.test(e.note ?? ''))).toBe(true);
		expect(tokenRequests(sim, 'bilibili')).toHaveLength(0); // the stored absolute expiry is 30 days away
	});

	it('takes hints only from the published status-code page', () => {
		const hint = (code: number) => String(bilibiliVerdict(200, { code, message: 'x' }).details?.hint ?? '');
		// 127004 client_id验证错误, 127012 鉴权错误, 127011 该接口用户未授权, 122007 refreshToken不合法
		expect(hint(127004)).toMatch(/Client ID/);
		expect(hint(127012)).toMatch(/signature/);
		expect(hint(127011)).toMatch(/did not allow this permission/);
		expect(hint(122007)).toMatch(/refresh token/);
		// not on the page: no hint of ours
		for (const code of [127002, 127003, 127010, 127013, 123004, 123013, 123028, -400]) expect(hint(code)).toBe('');
		expect(bilibiliVerdict(200, { code: 127001 }).tokenInvalid).toBe(true);
		expect(bilibiliVerdict(200, { code: 127011 }).tokenInvalid).toBe(false);
	});

	it('reports a tampered App Secret as a signature error with its hint, and shows no secret or token', async () => {
		const issued = await setup({ secret: 'tampered_secret_value' });
		const [out] = await run({ resource: 'user', operation: 'getInfo' }, { continueOnFail: true });
		const text = JSON.stringify(out);
		// 127012 鉴权错误 on the published status-code page
		expect(text).toMatch(/127012/);
		expect(String(out[0].json.description)).toMatch(/App Secret/);
		for (const s of ['tampered_secret_value', issued.access_token, issued.refresh_token]) expect(text).not.toContain(s);
		const error = await run({ resource: 'user', operation: 'getInfo' }).catch((e) => e);
		expect(error.message).toMatch(/127012/);
		const thrown = JSON.stringify({ message: error.message, description: error.description, context: error.context });
		for (const s of ['tampered_secret_value', issued.access_token, issued.refresh_token]) expect(thrown).not.toContain(s);
	});

	it('uploads a video in 1 MB parts, uploads a cover, submits, and finds the archive after review', async () => {
		const issued = await setup();
		const video = videoBytes(Math.floor(3.5 * MB));
		const [up] = await run(
			{ resource: 'video', operation: 'upload', binaryPropertyName: 'data', uploadOptions: { partSizeMb: 1 } },
			{ items: [binaryItem({ data: { bytes: video, fileName: 'clip.mp4', mimeType: 'video/mp4' } })] },
		);
		expect(up[0].json).toMatchObject({ upload_mode: 'parts', parts: 4, utype: 0, size: video.length, file_name: 'clip.mp4' });
		const parts = sim.log.filter((e) => e.path === '/upos/video/v2/part/upload');
		expect(parts.map((e) => e.range)).toEqual(['1', '2', '3', '4']);
		expect(parts.map((e) => e.bytesIn)).toEqual([MB, MB, MB, video.length - 3 * MB]);
		expect(sim.log.map((e) => e.path)).toEqual(['/arcopen/fn/archive/video/init', ...parts.map(() => '/upos/video/v2/part/upload'), '/arcopen/fn/archive/video/complete']);
		// parts go to the upload host unsigned, as the official demo sends them; init and the empty-body complete are signed
		// (the simulator refuses a signed request without Content-Type)
		expect(parts.every((e) => !/signed/.test(e.note ?? '') && e.code === 0)).toBe(true);
		expect(sim.log.filter((e) => e.path.startsWith('/arcopen/')).every((e) => e.code === 0 && /signature-version=2.0/.test(e.note ?? ''))).toBe(true);
		let state = await admin(sim, '/bilibili/state');
		const session = state.uploads.find((u: any) => u.upload_token === up[0].json.upload_token);
		expect(session).toMatchObject({ completed: true, via: 'parts', size: video.length, sha256: createHash('sha256').update(video).digest('hex') });

		const [cover] = await run({ resource: 'video', operation: 'uploadCover', binaryPropertyName: 'data' }, { items: [binaryItem({ data: { bytes: png(), fileName: 'cover.png', mimeType: 'image/png' } })] });
		expect(String(cover[0].json.url)).toMatch(/^https:\/\/archive\.biliimg\.com\//);

		const [submitted] = await run({
			resource: 'video',
			operation: 'submit',
			uploadToken: up[0].json.upload_token,
			title: 'MediaX 测试投稿',
			tid: 21,
			tags: 'n8n, 自动化，测试',
			copyright: 1,
			additionalFields: { cover: cover[0].json.url, desc: '由 n8n 上传', no_reprint: true },
		});
		const resourceId = String(submitted[0].json.resource_id);
		expect(resourceId).toMatch(/^BV1/);

		const list = async (status: string) => (await run({ resource: 'video', operation: 'list', status, returnAll: true }))[0].map((i) => i.json.resource_id);
		expect(await list('is_pubing')).toContain(resourceId);
		expect(await list('pubed')).not.toContain(resourceId);
		await admin(sim, '/bilibili/review', { resource_id: resourceId, result: 'approve' });
		expect(await list('pubed')).toContain(resourceId);
		const [got] = await run({ resource: 'video', operation: 'get', resourceId });
		expect(got[0].json).toMatchObject({ title: 'MediaX 测试投稿', tid: 21, tag: 'n8n,自动化,测试', no_reprint: 1, cover: cover[0].json.url, addit_info: { state: 0 } });

		state = await admin(sim, '/bilibili/state');
		expect(state.archives.find((a: any) => a.resource_id === resourceId)).toMatchObject({ state: 0 });
		expect(member().every((e) => e.code === 0)).toBe(true);
		expect(tokenRequests(sim, 'bilibili')).toHaveLength(0);
		const out = JSON.stringify([up, cover, submitted, got]);
		for (const s of secretsOf(issued)) expect(out).not.toContain(s);
	});

	it('uploads and submits in one operation, with a cover from a second binary field; Limit caps the list', async () => {
		await setup();
		const video = videoBytes(2 * MB + 123);
		const items = [
			binaryItem({ data: { bytes: video, fileName: 'holiday.mov', mimeType: 'video/quicktime' }, cover: { bytes: png(4096), fileName: 'c.png', mimeType: 'image/png' } }),
		];
		const [out] = await run(
			{ resource: 'video', operation: 'uploadAndSubmit', binaryPropertyName: 'data', coverBinaryPropertyName: 'cover', title: '一步投稿', tid: 95, tags: '数码', copyright: 2, source: 'https://example.com/original', additionalFields: {}, uploadOptions: { partSizeMb: 1 } },
			{ items },
		);
		expect(out[0].json).toMatchObject({ parts: 3, upload_mode: 'parts', title: '一步投稿' });
		expect(String(out[0].json.resource_id)).toMatch(/^BV1/);
		expect(String(out[0].json.cover)).toMatch(/^https:/);
		expect(sim.log.map((e) => e.path)).toEqual([
			'/arcopen/fn/archive/video/init',
			'/upos/video/v2/part/upload',
			'/upos/video/v2/part/upload',
			'/upos/video/v2/part/upload',
			'/arcopen/fn/archive/video/complete',
			'/arcopen/fn/archive/cover/upload',
			'/arcopen/fn/archive/add-by-utoken',
		]);
		expect(sim.log.every((e) => e.code === 0)).toBe(true);
		const [limited] = await run({ resource: 'video', operation: 'list', status: 'all', returnAll: false, limit: 3 });
		expect(limited).toHaveLength(3);
		expect(limited[0].json.resource_id).toBe(out[0].json.resource_id); // newest first
	});

	it('small file mode sends one utype 1 request without a merge step', async () => {
		await setup();
		const video = videoBytes(300_000);
		const [up] = await run(
			{ resource: 'video', operation: 'upload', binaryPropertyName: 'data', uploadOptions: { smallFileMode: true } },
			{ items: [binaryItem({ data: { bytes: video, fileName: 'short', mimeType: 'video/mp4' } })] },
		);
		expect(up[0].json).toMatchObject({ utype: 1, upload_mode: 'single', file_name: 'short.mp4' });
		expect(sim.log.map((e) => e.path)).toEqual(['/arcopen/fn/archive/video/init', '/upos/video/v2/upload']);
		expect(sim.log[0].note).toMatch(/utype=1/);
		const state = await admin(sim, '/bilibili/state');
		expect(state.uploads[0]).toMatchObject({ completed: true, via: 'small', size: video.length });
	});

	it('refreshes exactly once when the connected token has lapsed, and once when it expires mid-batch; the rotated refresh token is stored', async () => {
		const issued = await setup();
		// connected long ago: the stored absolute expiry has passed, and the platform agrees
		const row = store.read('user1').data as any;
		row.oauthTokenData.data.expires_in = Math.floor(Date.now() / 1000) - 60;
		store.write('user1', row);
		await admin(sim, '/bilibili/expire', { kind: 'access' });
		sim.log.length = 0;
		await run({ resource: 'user', operation: 'getStats' });
		expect(sim.log.map((e) => e.path)).toEqual(['/x/account-oauth2/v1/refresh_token', '/arcopen/fn/data/user/stat']);
		const first = stored();
		expect(first.refresh_token).not.toBe(issued.refresh_token);
		expect(first.expires_in).toBeGreaterThan(Date.now() / 1000 + 29 * 86400);

		// a batch of 8 items; the access token expires on the platform before the 4th request
		sim.log.length = 0;
		const resourceIds = (await run({ resource: 'video', operation: 'list', status: 'pubed', returnAll: true }))[0].map((i) => i.json.resource_id);
		await admin(sim, '/faults', { platform: 'bilibili', type: 'admin', action: 'expire', body: { kind: 'access' }, match: '/arcopen/fn/data/arc/stat', after: 3, count: 1 });
		const items = Array.from({ length: 8 }, (_, k) => ({ json: { resourceId: resourceIds[k % resourceIds.length] } }));
		const ctx = context({ resource: 'data', operation: 'videoStats', resourceId: resourceIds[0] }, { items });
		const [stats] = await new MediaXBilibili().execute.call(ctx);
		expect(stats).toHaveLength(8);
		expect(stats.every((s) => typeof s.json.view === 'number')).toBe(true);
		expect(tokenRequests(sim, 'bilibili')).toHaveLength(1);
		const statCalls = sim.log.filter((e) => e.path === '/arcopen/fn/data/arc/stat');
		expect(statCalls.map((e) => e.code)).toEqual([0, 0, 0, 127001, 0, 0, 0, 0, 0]);
		const second = stored();
		expect(second.refresh_token).not.toBe(first.refresh_token);
		expect(second.access_token).not.toBe(first.access_token);
		// the persisted pair is the one the platform now honours: a new execution needs no refresh
		sim.log.length = 0;
		await run({ resource: 'user', operation: 'getInfo' });
		expect(tokenRequests(sim, 'bilibili')).toHaveLength(0);
		expect(sim.log.map((e) => e.token)).toEqual([second.access_token]);
		const state = await admin(sim, '/bilibili/state');
		expect(state.validRefreshTokens).toBe(1);
	});

	it('reports the daily submission cap without a hint (its code is not on the published status-code page)', async () => {
		const issued = await setup();
		await admin(sim, '/bilibili/config', { dailySubmitCap: 0 });
		const error = await run(
			{ resource: 'video', operation: 'uploadAndSubmit', binaryPropertyName: 'data', coverBinaryPropertyName: '', title: 'cap', tid: 21, tags: 'a', copyright: 1, additionalFields: {}, uploadOptions: {} },
			{ items: [binaryItem({ data: { bytes: videoBytes(1000), fileName: 'a.mp4', mimeType: 'video/mp4' } })] },
		).catch((e) => e);
		expect(error.message).toMatch(/127010/);
		expect(error.description).toMatch(/^\(logid [0-9a-f]+\)$/);
		expect(sim.log.filter((e) => e.path === '/arcopen/fn/archive/add-by-utoken')).toHaveLength(1); // never resent
		const text = JSON.stringify({ m: error.message, d: error.description });
		for (const s of secretsOf(issued)) expect(text).not.toContain(s);
	});

	it('rejects invalid fields before any request, naming the field', async () => {
		await setup();
		const items = [binaryItem({ data: { bytes: videoBytes(1000), fileName: 'a.mp4', mimeType: 'video/mp4' }, gif: { bytes: Buffer.from('GIF89a' + 'x'.repeat(100)), fileName: 'c.png', mimeType: 'image/png' } })];
		const base = { resource: 'video', operation: 'uploadAndSubmit', binaryPropertyName: 'data', coverBinaryPropertyName: '', title: 'ok', tid: 21, tags: 'a,b', copyright: 1, additionalFields: {}, uploadOptions: {} };
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ title: 'x'.repeat(80) }, /"Title" is 80 characters; Bilibili allows at most 79/],
			[{ title: '   ' }, /"Title" is required/],
			[{ tags: Array.from({ length: 40 }, (_, k) => `tag${k}`).join(',') }, /"Tags" is \d+ characters; Bilibili allows at most 199/],
			[{ tags: ' , ' }, /"Tags" needs at least one tag/],
			[{ additionalFields: { desc: '简'.repeat(250) } }, /"Description" is 250 characters; Bilibili allows at most 249/],
			[{ copyright: 2, source: '' }, /"Source" is required when Copyright is "Reprint/],
			[{ tid: '' }, /"Partition" is required/],
			[{ additionalFields: { cover: 'not-a-url' } }, /"Cover URL" must be/],
			[{ uploadOptions: { fileName: 'notes.txt' } }, /"File Name" \("notes.txt"\) needs a video extension/],
			[{ coverBinaryPropertyName: 'gif' }, /not a JPEG or PNG image/],
			[{ operation: 'submit', uploadToken: '' }, /"Upload Token" is required/],
			[{ operation: 'edit', resourceId: 'BV1x', updateFields: {} }, /at least one field/],
			[{ operation: 'edit', resourceId: 'BV1x', updateFields: { title: 't'.repeat(81) } }, /"Title" is 81 characters/],
			[{ resource: 'article', operation: 'publish', title: '长'.repeat(41), category: 41, template_id: 4, content: '<p>x</p>', additionalFields: {} }, /"Title" is 41 characters; Bilibili allows at most 40/],
			[{ resource: 'article', operation: 'publish', title: 'ok', category: 41, template_id: 4, content: '<p>short</p>', additionalFields: { banner_url: 'https://i0.hdslb.com/b.jpg' } }, /"Content" is \d+ characters; Bilibili needs at least 200/],
			[{ resource: 'article', operation: 'publish', title: 'ok', category: 41, template_id: 3, content: 'x'.repeat(300), additionalFields: { image_urls: 'https://a/1.jpg' } }, /needs three URLs in field "Image URLs"/],
			[{ resource: 'data', operation: 'articleStats', articleIds: '12,abc' }, /"Article IDs" must hold numeric/],
		];
		for (const [patch, message] of cases) {
			const error = await run({ ...base, ...patch }, { items }).catch((e) => e);
			expect(String(error?.message)).toMatch(message);
		}
		expect(sim.log).toEqual([]);
	});

	it('publishes, edits, reads, lists and deletes an article; uploads an article image; batches article stats by 30', async () => {
		const issued = await setup();
		const [image] = await run({ resource: 'article', operation: 'uploadImage', binaryPropertyName: 'data', watermark: true }, { items: [binaryItem({ data: { bytes: png(), fileName: 'img.png', mimeType: 'image/png' } })] });
		const imageUrl = String(image[0].json.url);
		expect(imageUrl).toMatch(/^https:\/\/i0\.hdslb\.com\//);
		const content = `<p>${'n8n 自动发布的专栏正文。'.repeat(20)}</p><img src="${imageUrl}">`;
		const [published] = await run({ resource: 'article', operation: 'publish', title: 'MediaX 专栏', category: 41, template_id: 4, content, additionalFields: { banner_url: imageUrl, tags: '自动化, n8n', original: true, summary: '摘要' } });
		const id = Number(published[0].json.id);
		expect(id).toBeGreaterThan(0);
		// 文章提交 documents multipart/form-data (the simulator refuses JSON there)
		expect(sim.log.filter((e) => e.path === '/arcopen/fn/article/add').map((e) => [e.code, /body=multipart/.test(e.note ?? '')])).toEqual([[0, true]]);
		sim.log.length = 0;
		const [edited] = await run({ resource: 'article', operation: 'edit', articleId: String(id), updateFields: { title: 'MediaX 专栏（修订）' } });
		expect(edited[0].json).toMatchObject({ id, updated: ['title'] });
		// 文章编辑 wants every field: the node reads the article first, then sends all of it as multipart
		expect(sim.log.map((e) => [e.path, e.code])).toEqual([
			['/arcopen/fn/article/detail', 0],
			['/arcopen/fn/article/edit', 0],
		]);
		expect(sim.log[1].note).toMatch(/body=multipart/);
		const [got] = await run({ resource: 'article', operation: 'get', articleId: `cv${id}` });
		expect(got[0].json).toMatchObject({ id, title: 'MediaX 专栏（修订）', tags: ['自动化', 'n8n'], banner_url: imageUrl });
		const [listed] = await run({ resource: 'article', operation: 'list', group: 0, returnAll: true });
		expect(listed.map((i) => i.json.id)).toEqual([id, 5000002, 5000001]);
		const [categories] = await run({ resource: 'article', operation: 'listCategories' });
		expect(categories.length).toBeGreaterThan(1);

		// 31 distinct own articles (2 seeds + this one + 28 more): two calls, 30 IDs and 1; duplicates are sent once
		const extra: number[] = [];
		for (let k = 0; k < 28; k++) {
			const [p] = await run({ resource: 'article', operation: 'publish', title: `批量 ${k}`, category: 42, template_id: 5, content, additionalFields: {} });
			extra.push(Number(p[0].json.id));
		}
		sim.log.length = 0;
		const ids = [5000001, 5000002, id, ...extra];
		const [stats] = await run({ resource: 'data', operation: 'articleStats', articleIds: [...ids, 5000001].join(', ') });
		expect(stats.map((s) => s.json.id)).toEqual(ids);
		const statCalls = sim.log.filter((e) => e.path === '/arcopen/fn/data/art/stat');
		expect(statCalls.map((e) => e.query.ids.split(',').length)).toEqual([30, 1]);
		expect(statCalls.every((e) => e.code === 0)).toBe(true);

		const [deleted] = await run({ resource: 'article', operation: 'delete', articleIds: `${id}` });
		expect(deleted[0].json).toMatchObject({ id, deleted: true });
		const [after] = await run({ resource: 'article', operation: 'list', group: 0, returnAll: true });
		expect(after.map((i) => i.json.id)).not.toContain(id);
		const out = JSON.stringify([image, published, edited, got, listed, stats, deleted]);
		for (const s of secretsOf(issued)) expect(out).not.toContain(s);
	});

	it('reads video stats and increments, edits and deletes an archive', async () => {
		await setup();
		const [all] = await run({ resource: 'video', operation: 'list', status: 'pubed', returnAll: true });
		const resourceId = String(all[0].json.resource_id);
		const [stats] = await run({ resource: 'data', operation: 'videoStats', resourceId });
		expect(stats[0].json).toMatchObject({ resource_id: resourceId });
		expect(typeof stats[0].json.like).toBe('number');
		const [inc] = await run({ resource: 'data', operation: 'videoIncrements', resourceId: '' });
		expect(inc[0].json).toHaveProperty('inc_click');
		const [edited] = await run({ resource: 'video', operation: 'edit', resourceId, updateFields: { title: '改过的标题', tag: 'a,b' } });
		expect(edited[0].json).toMatchObject({ resource_id: resourceId, updated: ['title', 'tag'] });
		// the edit locks the archive for a while: 123028 comes back with the platform's own message (the code is not on the
		// published page, so no hint of ours), and delete is not resent
		const locked = await run({ resource: 'video', operation: 'delete', resourceId }).catch((e) => e);
		expect(locked.message).toMatch(/123028: 稿件后台处理中,请10秒后再尝试/);
		expect(locked.description).toMatch(/^\(logid [0-9a-f]+\)$/);
		expect(sim.log.filter((e) => e.path === '/arcopen/fn/archive/delete')).toHaveLength(1);
		await admin(sim, '/clock', { advanceSeconds: 11 });
		const [deleted] = await run({ resource: 'video', operation: 'delete', resourceId });
		expect(deleted[0].json).toMatchObject({ resource_id: resourceId, deleted: true });
	});
});
