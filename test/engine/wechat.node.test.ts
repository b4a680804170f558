import type { INodeExecutionData } from 'n8n-workflow';
import { MediaXWeChatOfficialAccountApi } from '../../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { MediaXWeChatOfficialAccount } from '../../nodes/MediaXWeChatOfficialAccount/MediaXWeChatOfficialAccount.node';
import { CredentialStore, fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const CRED = 'mediaXWeChatOfficialAccountApi';
const APPID = 'wxsim0000000001';
const SECRET = 'sim_wechat_secret';

// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const binaryItem = (data: Buffer, fileName: string, mimeType: string): INodeExecutionData => ({
	json: {},
	binary: { data: { data: data.toString('base64'), fileName, mimeType } },
});

describe('MediaX WeChat Official Account node', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	/** everything the node put out or threw, to check for secrets at the end of each test */
	let seen: string[];

	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	function setup(secret = SECRET) {
		sim.reset();
		store = new CredentialStore({ [CRED]: new MediaXWeChatOfficialAccountApi() });
		store.add({ id: 'wx1', name: 'Official account', type: CRED, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: APPID, appSecret: secret } });
		seen = [];
	}

	function context(parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) {
		const ctx = fakeContext({ store, attached: { [CRED]: 'wx1' }, parameters, ...extra });
		ctx.helpers.prepareBinaryData = async (data: Buffer, fileName: string, mimeType: string) => ({
			data: data.toString('base64'),
			fileName,
			mimeType,
			fileSize: `${data.length} B`,
		});
		return ctx;
	}

	async function run(parameters: Record<string, unknown>, extra: Record<string, unknown> = {}, ctx = context(parameters, extra)): Promise<INodeExecutionData[]> {
		try {
			const [out] = await new MediaXWeChatOfficialAccount().execute.call(ctx);
			seen.push(JSON.stringify(out));
			return out;
		} catch (error) {
			seen.push(JSON.stringify(error), String((error as Error).message), String((error as { description?: string }).description));
			throw error;
		}
	}

	const calls = (pathPart: string) => sim.log.filter((e) => e.path.includes(pathPart));

	afterEach(() => {
		// no output or error ever carries the AppSecret or a token the simulator saw
		const tokens = new Set(sim.log.map((e) => e.token).filter((t): t is string => !!t && t.length > 6));
		const stored = store.read('wx1').data.accessToken;
		if (stored) tokens.add(String(stored));
		const text = seen.join('\n');
		expect(text).not.toContain(SECRET);
		for (const token of tokens) expect(text).not.toContain(token);
	});

	it('adds an image material and rejects oversize or wrong-type files before sending anything', async () => {
		setup();
		const [added] = await run({ resource: 'material', operation: 'add', materialType: 'image', binaryPropertyName: 'data' }, { items: [binaryItem(PNG, 'dot.png', 'image/png')] });
		expect(added.json).toMatchObject({ type: 'image', file_name: 'dot.png', size: PNG.length });
		expect(String(added.json.media_id)).toBeTruthy();
		expect(String(added.json.url)).toContain('/wechat/mmbiz/');
		expect(calls('/cgi-bin/material/add_material')).toHaveLength(1);
		expect(calls('/cgi-bin/material/add_material')[0].query.type).toBe('image');

		sim.log.length = 0;
		const bigThumb = run(
			{ resource: 'material', operation: 'add', materialType: 'thumb', binaryPropertyName: 'cover' },
			{ items: [{ json: {}, binary: { cover: { data: Buffer.alloc(70 * 1024, 1).toString('base64'), fileName: 'cover.jpg', mimeType: 'image/jpeg' } } }] },
		);
		await expect(bigThumb).rejects.toThrow(/binary property "cover" is 70 KB; WeChat thumb material allows at most 64 KB/);
		const wrongType = run({ resource: 'material', operation: 'add', materialType: 'image', binaryPropertyName: 'data' }, { items: [binaryItem(Buffer.from('hello'), 'notes.txt', 'text/plain')] });
		await expect(wrongType).rejects.toThrow(/notes\.txt.*"data" is not accepted: WeChat image material takes bmp, png, jpeg, jpg, gif/);
		const noTitle = run({ resource: 'material', operation: 'add', materialType: 'video', binaryPropertyName: 'data', videoTitle: '' }, { items: [binaryItem(Buffer.alloc(100), 'a.mp4', 'video/mp4')] });
		await expect(noTitle).rejects.toThrow(/"Title" is required/);
		expect(sim.log).toEqual([]);
	});

	it('uploads a video material with title and introduction', async () => {
		setup();
		const [added] = await run(
			{ resource: 'material', operation: 'add', materialType: 'video', binaryPropertyName: 'data', videoTitle: '新品发布', videoIntroduction: 'Launch clip' },
			{ items: [binaryItem(Buffer.alloc(2000, 3), 'clip', 'video/mp4')] },
		);
		expect(added.json.file_name).toBe('clip.mp4');
		const [got] = await run({ resource: 'material', operation: 'get', mediaId: added.json.media_id, binaryPropertyName: 'data' });
		expect(got.json).toMatchObject({ title: '新品发布', description: 'Launch clip' });
		expect(got.binary).toBeUndefined();
	});

	it('gets an image material as a binary output item with file name and MIME type', async () => {
		setup();
		const [got] = await run({ resource: 'material', operation: 'get', mediaId: 'wxsim_image_0001', binaryPropertyName: 'picture' });
		expect(got.binary?.picture).toMatchObject({ mimeType: expect.stringMatching(/^image\//) });
		expect(got.binary?.picture.fileName).toMatch(/\.(png|jpg|jpeg|gif)$/);
		expect(got.json).toMatchObject({ media_id: 'wxsim_image_0001', file_name: got.binary?.picture.fileName });
		expect(Buffer.from(got.binary!.picture.data, 'base64').length).toBe(got.json.size);
		expect(calls('/cgi-bin/material/get_material')).toHaveLength(1);
	});

	it('uploads an article image and creates a draft using it in the body with a permanent cover', async () => {
		setup();
		const [image] = await run({ resource: 'articleImage', operation: 'upload', binaryPropertyName: 'data' }, { items: [binaryItem(PNG, 'body.png', 'image/png')] });
		const url = String(image.json.url);
		expect(url).toContain('/wechat/mmbiz/');
		const content = `<p>正文 with an image</p><img src="${url}"><img src="https://example.com/x.png">`;
		const [draft] = await run({
			resource: 'draft',
			operation: 'create',
			articlesInput: 'fields',
			articles: { article: [{ title: '周报', author: 'MediaX', content, thumb_media_id: 'wxsim_thumb_0001', need_open_comment: true, only_fans_can_comment: false }] },
		});
		expect(draft.json.article_count).toBe(1);
		const [got] = await run({ resource: 'draft', operation: 'get', mediaId: draft.json.media_id });
		const article = (got.json.news_item as any[])[0];
		expect(article).toMatchObject({ title: '周报', author: 'MediaX', thumb_media_id: 'wxsim_thumb_0001', need_open_comment: 1, only_fans_can_comment: 0 });
		expect(article.content).toContain(url);
		expect(article.content).not.toContain('example.com');

		// the same via JSON, and a clear error for a missing cover
		const [viaJson] = await run({ resource: 'draft', operation: 'create', articlesInput: 'json', articlesJson: JSON.stringify([{ title: 'JSON', content: '<p>x</p>', thumb_media_id: 'wxsim_image_0001' }]) });
		expect(viaJson.json.media_id).toBeTruthy();
		await expect(run({ resource: 'draft', operation: 'create', articlesInput: 'fields', articles: { article: [{ title: 'x', content: '<p>x</p>' }] } })).rejects.toThrow(
			/Article 1 is missing "Cover Media ID"/,
		);
	});

	it('lists drafts with Return All across pages and with a Limit in one request', async () => {
		setup();
		const items = Array.from({ length: 20 }, () => ({ json: {} }));
		const created = await run(
			{ resource: 'draft', operation: 'create', articlesInput: 'json', articlesJson: { title: 'Batch', content: '<p>b</p>', thumb_media_id: 'wxsim_thumb_0001' } },
			{ items },
		);
		expect(created.map((c) => c.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		sim.log.length = 0;
		const all = await run({ resource: 'draft', operation: 'list', returnAll: true, noContent: true });
		expect(all).toHaveLength(23);
		expect(calls('/cgi-bin/draft/batchget')).toHaveLength(2);
		expect((all[0].json.content as any).news_item[0].content).toBeUndefined();
		sim.log.length = 0;
		const some = await run({ resource: 'draft', operation: 'list', returnAll: false, limit: 5 });
		expect(some).toHaveLength(5);
		expect(calls('/cgi-bin/draft/batchget')).toHaveLength(1);
		const [count] = await run({ resource: 'draft', operation: 'count' });
		expect(count.json.total_count).toBe(23);
	});

	it('submits a draft once and waits for the publish to finish, returning the article URL', async () => {
		setup();
		await admin(sim, '/wechat/config', { publishPendingPolls: 2, publishIdAsNumber: true });
		const [submitted] = await run({ resource: 'publication', operation: 'submit', mediaId: 'wxsim_draft_0001' });
		expect(typeof submitted.json.publish_id).toBe('string');
		expect(calls('/cgi-bin/freepublish/submit')).toHaveLength(1);
		const [status] = await run({ resource: 'publication', operation: 'getStatus', publishId: submitted.json.publish_id, waitForCompletion: true, pollIntervalSeconds: 1, maxWaitSeconds: 30, onFailure: 'error' });
		expect(status.json).toMatchObject({ publish_status: 0, status: 'published', completed: true, failed: false, polls: 3 });
		expect(String(status.json.article_url)).toMatch(/\/wechat\/s\/[\w-]+\/1$/);
		expect(status.json.article_id).toBeTruthy();
		expect(calls('/cgi-bin/freepublish/get')).toHaveLength(3);

		const [article] = await run({ resource: 'publication', operation: 'getArticle', articleId: status.json.article_id });
		expect((article.json.news_item as any[])[0].title).toBe('第一篇草稿');
		const published = await run({ resource: 'publication', operation: 'list', returnAll: true, noContent: true });
		expect(published.map((p) => p.json.article_id)).toContain(status.json.article_id);
		const [deleted] = await run({ resource: 'publication', operation: 'delete', articleId: status.json.article_id, index: 0 });
		expect(deleted.json.deleted).toBe('all');
		const [after] = await run({ resource: 'publication', operation: 'getStatus', publishId: submitted.json.publish_id });
		expect(after.json.publish_status).toBe(5);
	});

	it('reports a failed publish clearly, as an error or as a flagged item', async () => {
		setup();
		await admin(sim, '/wechat/config', { publishPendingPolls: 0, publishOutcome: 4 });
		const [submitted] = await run({ resource: 'publication', operation: 'submit', mediaId: 'wxsim_draft_0002' });
		const params = { resource: 'publication', operation: 'getStatus', publishId: submitted.json.publish_id, waitForCompletion: true, pollIntervalSeconds: 1, maxWaitSeconds: 10 };
		const error = await run({ ...params, onFailure: 'error' }).catch((e) => e);
		expect(error.message).toMatch(/Publishing \d+ failed \(publish_status 4\): rejected by platform review/);
		expect(error.description).toMatch(/Failed articles \(1-based\): 1, 2/);
		const [flagged] = await run({ ...params, onFailure: 'output' });
		expect(flagged.json).toMatchObject({ failed: true, completed: true, publish_status: 4, fail_idx: [1, 2] });
		const [continued] = await run({ ...params, onFailure: 'error' }, { continueOnFail: true });
		expect(String(continued.json.error)).toMatch(/publish_status 4/);
	});

	it('lists followers across next_openid pages, honouring Limit', async () => {
		setup();
		const some = await run({ resource: 'follower', operation: 'list', returnAll: false, limit: 15000 });
		expect(some).toHaveLength(15000);
		expect(calls('/cgi-bin/user/get')).toHaveLength(2);
		expect(new Set(some.map((s) => s.json.openid)).size).toBe(15000);
		sim.log.length = 0;
		const all = await run({ resource: 'follower', operation: 'list', returnAll: true });
		expect(all).toHaveLength(25000);
		expect(calls('/cgi-bin/user/get')).toHaveLength(3);
		const ids = all.slice(0, 150).map((a) => a.json.openid).join(', ');
		const infos = await run({ resource: 'follower', operation: 'getInfo', openids: ids, lang: 'en' });
		expect(infos.map((i) => i.json.openid)).toEqual(all.slice(0, 150).map((a) => a.json.openid));
		expect(calls('/cgi-bin/user/info/batchget')).toHaveLength(2);
	});

	it('heals a token revoked mid-batch with exactly one stable_token request, losing and duplicating no item', async () => {
		setup();
		await run({ resource: 'draft', operation: 'count' }); // warm up: the credential holds a token
		sim.log.length = 0;
		const [first] = await run({ resource: 'follower', operation: 'list', returnAll: false, limit: 1 });
		const items = Array.from({ length: 8 }, (_, i) => ({ json: { i } }));
		const ctx = context({ resource: 'follower', operation: 'getInfo', openids: first.json.openid, lang: 'zh_CN' }, { items });
		const original = ctx.helpers.httpRequest;
		let n = 0;
		ctx.helpers.httpRequest = async function (this: unknown, options: { url: string }) {
			if (options.url.includes('/user/info/batchget') && ++n === 4) await admin(sim, '/wechat/revoke');
			return original.call(this, options);
		};
		sim.log.length = 0;
		const out = await run({}, {}, ctx);
		expect(out).toHaveLength(8);
		expect(out.map((o) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(out.every((o) => o.json.openid === first.json.openid)).toBe(true);
		expect(tokenRequests(sim, 'wechat', 'stable_token')).toHaveLength(1);
		expect(tokenRequests(sim, 'wechat', 'stable_token')[0].note).toBeUndefined(); // no force refresh spent
		const batch = calls('/cgi-bin/user/info/batchget');
		expect(batch.map((e) => e.code)).toEqual([0, 0, 0, 40001, 0, 0, 0, 0, 0]);
	});

	it('covers temporary media, material list/count/delete and draft update/delete', async () => {
		setup();
		const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(1000, 2)]);
		const [temp] = await run({ resource: 'temporaryMedia', operation: 'upload', mediaType: 'thumb', binaryPropertyName: 'data' }, { items: [binaryItem(jpg, 'thumb.jpg', 'image/jpeg')] });
		expect(temp.json.expires_at).toBe(Number(temp.json.created_at) + 3 * 86400);
		const [file] = await run({ resource: 'temporaryMedia', operation: 'get', mediaId: temp.json.media_id, binaryPropertyName: 'data' });
		expect(Buffer.from(file.binary!.data.data, 'base64')).toEqual(jpg);
		expect(file.binary!.data.mimeType).toBe('image/jpeg');

		const images = await run({ resource: 'material', operation: 'list', listType: 'image', returnAll: true });
		expect(images.map((m) => m.json.media_id)).toEqual(expect.arrayContaining(['wxsim_image_0001', 'wxsim_thumb_0001']));
		const [before] = await run({ resource: 'material', operation: 'count' });
		await run({ resource: 'material', operation: 'delete', mediaId: 'wxsim_image_0002' });
		const [after] = await run({ resource: 'material', operation: 'count' });
		expect(Number(after.json.image_count)).toBe(Number(before.json.image_count) - 1);

		const article = { title: '改过的', content: '<p>new</p>', thumb_media_id: 'wxsim_thumb_0001' };
		await run({ resource: 'draft', operation: 'update', mediaId: 'wxsim_draft_0002', index: 1, articlesInput: 'fields', article: { values: article } });
		const [draft] = await run({ resource: 'draft', operation: 'get', mediaId: 'wxsim_draft_0002' });
		expect((draft.json.news_item as any[]).map((a) => a.title)).toEqual(['多图文 1', '改过的']);
		await run({ resource: 'draft', operation: 'delete', mediaId: 'wxsim_draft_0002' });
		const error = await run({ resource: 'draft', operation: 'get', mediaId: 'wxsim_draft_0002' }).catch((e) => e);
		expect(error.message).toMatch(/WeChat error 40007/);
		expect(error.description).toMatch(/Invalid media_id/);
	});

	it('reports a wrong AppSecret with WeChat\'s code and never shows it', async () => {
		setup('wrong_app_secret_value');
		const [out] = await run({ resource: 'draft', operation: 'count' }, { continueOnFail: true });
		const text = JSON.stringify(out);
		expect(text).toMatch(/40125|40001/);
		expect(text).not.toContain('wrong_app_secret_value');
	});
});
