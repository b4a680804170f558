import { MediaXBilibiliOAuth2Api } from '../../credentials/MediaXBilibiliOAuth2Api.credentials';
import { MediaXDouyinOAuth2Api } from '../../credentials/MediaXDouyinOAuth2Api.credentials';
import { MediaXGoogleOAuth2Api } from '../../credentials/MediaXGoogleOAuth2Api.credentials';
import { MediaXWeChatOfficialAccountApi } from '../../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { MediaXPublish } from '../../nodes/MediaXPublish/MediaXPublish.node';
import { TARGET_LIMITS } from '../../nodes/MediaXPublish/limits';
import { leaseTiming } from '../../nodes/shared/engine/lease';
import { CredentialStore, fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, type LogEntry, type RunningSimulator } from '../helpers/simulator';

const DOUYIN = 'mediaXDouyinOAuth2Api';
const WECHAT = 'mediaXWeChatOfficialAccountApi';
const GOOGLE = 'mediaXGoogleOAuth2Api';
const BILIBILI = 'mediaXBilibiliOAuth2Api';
const BLOG_ID = '1000000000000000001';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2040, 1)]);
const MP4 = (size: number) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\u0000\u0000\u0002\u0000isommp41'), Buffer.alloc(size - 24, 7)]);
const file = (bytes: Buffer, fileName: string, mimeType: string) => ({ data: bytes.toString('base64'), fileName, mimeType });

/** one post: a small video and a PNG cover */
const postItem = (json: Record<string, unknown> = { id: 'post-1' }, video = MP4(300_000)) => ({
	json,
	binary: { data: file(video, 'clip.mp4', 'video/mp4'), cover: file(PNG, 'cover.png', 'image/png') },
});

const LONG_BODY = `<p>${'这是一篇由 MediaX Publish 发布的文章。'.repeat(12)}</p>`;

/** the parameters of a post to all five video/article targets */
const post = (extra: Record<string, unknown> = {}) => ({
	operation: 'publish',
	targets: ['douyinVideo', 'wechatArticle', 'youtubeVideo', 'bloggerPost', 'bilibiliVideo'],
	title: 'MediaX 发布测试',
	description: 'One post, five platforms.',
	bodyHtml: LONG_BODY,
	tags: 'n8n, 自动化',
	videoBinaryPropertyName: 'data',
	coverBinaryPropertyName: 'cover',
	bloggerBlogId: BLOG_ID,
	bilibiliPartitionId: 21,
	bilibiliArticleCategoryId: 41,
	...extra,
});

describe('MediaX Publish node', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	let staticData: Record<string, unknown>;

	beforeAll(async () => {
		sim = await startSimulator();
		// the record is written under the credential's lease; one process here, so a short settle is enough
		leaseTiming.settleMs = 10;
		leaseTiming.jitterMs = 1;
	});
	afterAll(() => sim.close());

	beforeEach(async () => {
		sim.reset();
		staticData = {};
		store = new CredentialStore({
			[DOUYIN]: new MediaXDouyinOAuth2Api(),
			[WECHAT]: new MediaXWeChatOfficialAccountApi(),
			[GOOGLE]: new MediaXGoogleOAuth2Api(),
			[BILIBILI]: new MediaXBilibiliOAuth2Api(),
		});
		const douyin = await admin(sim, '/douyin/issue-user-token', {});
		store.add({ id: 'dy', name: 'Douyin', type: DOUYIN, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/douyin`, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret', oauthTokenData: { data: { ...douyin, error_code: 0, description: '' }, message: 'success' } } });
		store.add({ id: 'wx', name: 'WeChat', type: WECHAT, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret' } });
		const google = await admin(sim, '/google/issue-user-token', { offline: true });
		store.add({ id: 'g', name: 'Google', type: GOOGLE, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/google`, clientId: 'sim-google-client.apps.googleusercontent.com', clientSecret: 'sim_google_secret', oauthTokenData: { ...google } } });
		const bili = await admin(sim, '/bilibili/issue-user-token', {});
		store.add({ id: 'bl', name: 'Bilibili', type: BILIBILI, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/bilibili`, clientId: 'sim_bili_client', clientSecret: 'sim_bili_secret', redirectUrl: 'http://127.0.0.1:5678/rest/oauth2-credential/callback', oauthTokenData: { code: 0, message: '0', ttl: 1, data: bili } } });
		sim.log.length = 0;
	});

	const run = (parameters: Record<string, unknown>, items = [postItem()]) => {
		const ctx = fakeContext({ store, attached: { [DOUYIN]: 'dy', [WECHAT]: 'wx', [GOOGLE]: 'g', [BILIBILI]: 'bl' }, parameters, items });
		ctx.getWorkflowStaticData = () => staticData;
		return new MediaXPublish().execute.call(ctx);
	};
	/** every request except token issuing: what the node sent to the platforms' content APIs */
	const contentCalls = (): LogEntry[] => sim.log.filter((e) => e.category !== 'token-request');
	const rowsBy = (out: Awaited<ReturnType<typeof run>>) => Object.fromEntries(out[0].map((o) => [o.json.target as string, o.json]));

	it('the limits table cites a document for every limit', () => {
		for (const [target, limits] of Object.entries(TARGET_LIMITS)) {
			for (const key of ['title', 'text', 'html', 'tags', 'video', 'images', 'cover', 'schedule'] as const) {
				const limit = limits[key] as { doc?: string } | undefined;
				if (limit) expect({ target, key, doc: limit.doc }).toEqual({ target, key, doc: expect.stringMatching(/\S{3,}/) });
			}
		}
	});

	it('reports every problem of every target at once, naming platform and field, and sends nothing', async () => {
		const error = await run(
			post({
				targets: ['douyinVideo', 'wechatArticle', 'youtubeVideo', 'bilibiliVideo', 'bilibiliArticle'],
				title: '标'.repeat(81),
				description: 'x'.repeat(300),
				tags: '',
				coverBinaryPropertyName: '',
				bodyHtml: '<p>short</p>',
				scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
				bilibiliArticleCategoryId: 0,
			}),
		).catch((e) => e);
		expect(error.message).toMatch(/nothing was published/);
		const text = error.description as string;
		expect(text).toMatch(/WeChat Official Account \(Article\) → "Title" is 81 characters; the platform takes at most 32/);
		expect(text).toMatch(/WeChat Official Account \(Article\) → "Cover Binary Field" is required/);
		expect(text).toMatch(/WeChat Official Account \(Article\) → "Description" is 300 characters; the platform takes at most 128/);
		// 81 characters and a future time are fine for YouTube (≤ 100, publishAt)
		expect(text).not.toMatch(/YouTube/);
		expect(text).toMatch(/Bilibili \(Video\) → "Title" is 81 characters; the platform takes fewer than 80/);
		expect(text).toMatch(/Bilibili \(Video\) → "Tags" needs at least one tag/);
		expect(text).toMatch(/Bilibili \(Video\) → "Description" is 300 characters; the platform takes fewer than 250/);
		expect(text).toMatch(/Bilibili \(Article\) → "Body \(HTML\)" is 12 characters; the platform needs at least 200/);
		expect(text).toMatch(/Bilibili \(Article\) → "Bilibili Article Category ID" is required/);
		expect(text).toMatch(/Douyin \(Video\) → "Scheduled Time" cannot be used/);
		expect(text).toMatch(/google-redbook-bilibili\.md §5\.5/);
		expect(contentCalls()).toEqual([]);
	});

	it('checks file type, size and missing binary fields before sending', async () => {
		const items = [{ json: {}, binary: { data: file(Buffer.from('not a video'), 'notes.txt', 'text/plain'), cover: file(PNG, 'cover.tiff', 'image/tiff') } }];
		const error = await run(post({ targets: ['douyinVideo', 'youtubeVideo', 'wechatArticle'], videoBinaryPropertyName: 'data' }), items).catch((e) => e);
		expect(error.description).toMatch(/Douyin \(Video\) → "Video Binary Field" "notes.txt" \(text\/plain\) is not accepted/);
		expect(error.description).toMatch(/YouTube \(Video\) → "Video Binary Field" "notes.txt" \(text\/plain\) is not accepted; the platform takes video\/\*/);
		expect(error.description).toMatch(/WeChat Official Account \(Article\) → "Cover Binary Field" "cover.tiff" \(image\/tiff\) is not accepted/);
		const missing = await run(post({ targets: ['bilibiliVideo'], videoBinaryPropertyName: 'movie' })).catch((e) => e);
		expect(missing.description).toMatch(/Bilibili \(Video\) → "Video Binary Field" names binary field "movie", which the input item does not have/);
		expect(contentCalls()).toEqual([]);
	});

	it('publishes one post to five platforms through their own operations, and a re-run with the same key sends nothing', async () => {
		const out = await run(post());
		const rows = rowsBy(out);
		expect(Object.keys(rows).sort()).toEqual(['bilibiliVideo', 'bloggerPost', 'douyinVideo', 'wechatArticle', 'youtubeVideo']);
		expect(rows.douyinVideo).toMatchObject({ platform: 'douyin', status: 'in_review', content_id: expect.stringMatching(/^@/), idempotency_key: 'post-1' });
		expect(rows.wechatArticle).toMatchObject({ platform: 'wechat', status: 'submitted', content_id: expect.any(String) });
		expect(rows.youtubeVideo).toMatchObject({ platform: 'youtube', status: 'published', url: expect.stringMatching(/^https:\/\/www\.youtube\.com\/watch\?v=/) });
		expect(rows.bloggerPost).toMatchObject({ platform: 'blogger', status: 'published', url: expect.stringMatching(/^https?:\/\//) });
		expect(rows.bilibiliVideo).toMatchObject({ platform: 'bilibili', status: 'in_review', content_id: expect.stringMatching(/^BV/) });
		for (const row of Object.values(rows)) expect(row.duration_ms).toEqual(expect.any(Number));
		// the platform operations' own requests went out
		const paths = contentCalls().map((e) => `${e.platform} ${e.path}`);
		for (const expected of [
			'douyin /api/douyin/v1/video/upload_image/',
			'douyin /api/douyin/v1/video/upload_video/',
			'douyin /api/douyin/v1/video/create_video/',
			'wechat /cgi-bin/material/add_material',
			'wechat /cgi-bin/draft/add',
			'wechat /cgi-bin/freepublish/submit',
			'bilibili /arcopen/fn/archive/add-by-utoken',
			`google /blogger/v3/blogs/${BLOG_ID}/posts`,
		]) expect({ expected, sent: paths.some((p) => p.startsWith(expected)) }).toEqual({ expected, sent: true });
		expect(paths.some((p) => p.startsWith('google /upload/youtube/v3/videos'))).toBe(true);

		sim.log.length = 0;
		const again = rowsBy(await run(post()));
		expect(contentCalls()).toEqual([]);
		for (const target of Object.keys(rows)) expect(again[target]).toMatchObject({ status: rows[target].status, content_id: rows[target].content_id, repeated: true });
	});

	it('reads the default idempotency key from the item when the parameter is not stored', async () => {
		const parameters = post({ targets: ['bloggerPost'] }) as Record<string, unknown>;
		delete parameters.idempotencyKey;
		const [[first]] = await run(parameters, [postItem({ id: 'from-json' })]);
		expect(first.json.idempotency_key).toBe('from-json');
		const [[other]] = await run(parameters, [postItem({ title: 'no id' })]);
		expect(other.json.idempotency_key).toBe('no id');
		expect(Object.keys(staticData.mediaXPublished as object).sort()).toEqual(['from-json', 'no id']);
	});

	it('one platform failing never stops the others; a re-run retries only the failed platform', async () => {
		await admin(sim, '/faults', { platform: 'bilibili', type: 'platformError', code: 21004, message: '投稿过于频繁', match: '/arcopen/fn/archive/add-by-utoken', count: 1 });
		const rows = rowsBy(await run(post({ targets: ['douyinVideo', 'bilibiliVideo', 'bloggerPost'] })));
		expect(rows.bilibiliVideo).toMatchObject({ status: 'failed', error: { code: 21004, message: expect.stringMatching(/投稿过于频繁/) } });
		expect(rows.douyinVideo.status).toBe('in_review');
		expect(rows.bloggerPost.status).toBe('published');

		sim.log.length = 0;
		const again = rowsBy(await run(post({ targets: ['douyinVideo', 'bilibiliVideo', 'bloggerPost'] })));
		expect(new Set(contentCalls().map((e) => e.platform))).toEqual(new Set(['bilibili']));
		expect(again.bilibiliVideo).toMatchObject({ status: 'in_review', content_id: expect.stringMatching(/^BV/) });
		expect(again.douyinVideo).toMatchObject({ repeated: true, content_id: rows.douyinVideo.content_id });
	});

	it('keeps the record in each target\'s credential too: a run that starts with empty static data (a queue worker) sends nothing again', async () => {
		const rows = rowsBy(await run(post({ targets: ['wechatArticle', 'bloggerPost'] })));
		// n8n 2.41's queue workers start every new execution with empty static data
		staticData = {};
		sim.log.length = 0;
		const again = rowsBy(await run(post({ targets: ['wechatArticle', 'bloggerPost'] })));
		expect(contentCalls()).toEqual([]);
		expect(again.wechatArticle).toMatchObject({ repeated: true, status: 'submitted', content_id: rows.wechatArticle.content_id });
		expect(again.bloggerPost).toMatchObject({ repeated: true, status: 'published', url: rows.bloggerPost.url });
		// what the credential holds: one compact entry per (workflow, key, target), no lease left behind, the secret kept
		const wx = store.read('wx').data;
		const entries = Object.values(JSON.parse(String(wx.mediaXPublished)));
		expect(entries).toEqual([expect.objectContaining({ status: 'submitted', content_id: rows.wechatArticle.content_id, recorded_at: expect.any(Number) })]);
		expect(entries[0]).not.toHaveProperty('details');
		expect(wx.tokenLease).toBe('');
		expect(wx.appSecret).toBe('sim_wechat_secret');
		// a different key is a different post
		sim.log.length = 0;
		await run(post({ targets: ['wechatArticle'], idempotencyKey: 'post-2' }));
		expect(contentCalls().some((e) => e.path.startsWith('/cgi-bin/freepublish/submit'))).toBe(true);
	});

	it('On Failure "Fail the Node" stops with a summary after every platform was tried', async () => {
		await admin(sim, '/faults', { platform: 'wechat', type: 'platformError', code: 45009, message: 'reach max api daily quota limit', match: '/cgi-bin/draft/add', count: 1 });
		const error = await run(post({ targets: ['wechatArticle', 'bloggerPost'], options: { onFailure: 'error' } })).catch((e) => e);
		expect(error.message).toMatch(/1 platform failed/);
		expect(error.description).toMatch(/WeChat Official Account \(Article\): .*quota/);
		// Blogger was still published and recorded
		expect((staticData.mediaXPublished as any)['post-1'].bloggerPost.status).toBe('published');
	});

	it('Publish to Valid Targets Only skips the invalid target and publishes the rest', async () => {
		const rows = rowsBy(await run(post({ targets: ['wechatArticle', 'bloggerPost'], title: 'T'.repeat(40), options: { validTargetsOnly: true } })));
		expect(rows.wechatArticle).toMatchObject({ status: 'skipped', problems: [expect.stringMatching(/"Title" is 40 characters/)] });
		expect(rows.bloggerPost.status).toBe('published');
		expect(contentCalls().some((e) => e.platform === 'wechat')).toBe(false);
	});

	it('Wait Until Live polls each platform until the review passes', async () => {
		await admin(sim, '/douyin/config', { reviewDelayMs: 1500 });
		await admin(sim, '/bilibili/config', { reviewDelaySeconds: 1 });
		await admin(sim, '/wechat/config', { publishPendingPolls: 1 });
		const rows = rowsBy(await run(post({ targets: ['douyinVideo', 'wechatArticle', 'bilibiliVideo'], options: { waitUntilLive: true, pollIntervalSeconds: 1, maxWaitSeconds: 30 } })));
		expect(rows.douyinVideo).toMatchObject({ status: 'published', live_state: 'live', url: expect.stringMatching(/^https:\/\//) });
		expect(rows.wechatArticle).toMatchObject({ status: 'published', live_state: 'live', url: expect.stringMatching(/^https?:\/\//) });
		expect(rows.bilibiliVideo).toMatchObject({ status: 'published', live_state: 'live' });
		expect(Number(rows.wechatArticle.polls)).toBeGreaterThanOrEqual(2);
		expect(sim.log.some((e) => e.path === '/cgi-bin/freepublish/get')).toBe(true);
		expect((staticData.mediaXPublished as any)['post-1'].douyinVideo.status).toBe('published');
	});

	it('Wait Until Live reports a rejected WeChat publish as failed', async () => {
		await admin(sim, '/wechat/config', { publishPendingPolls: 0, publishOutcome: 4 });
		const [[row]] = await run(post({ targets: ['wechatArticle'], options: { waitUntilLive: true, pollIntervalSeconds: 1, maxWaitSeconds: 5 } }));
		expect(row.json).toMatchObject({ status: 'failed', live_state: 'rejected', error: { message: expect.stringMatching(/rejected the post/) } });
	});

	it('Get Stats gives one normalized row per post and platform from the result rows', async () => {
		const published = await run(post({ targets: ['douyinVideo', 'youtubeVideo', 'bilibiliVideo', 'wechatArticle'] }));
		const ctxItems = published[0].map((o) => ({ json: o.json }));
		const ctx = fakeContext({ store, attached: { [DOUYIN]: 'dy', [WECHAT]: 'wx', [GOOGLE]: 'g', [BILIBILI]: 'bl' }, parameters: { operation: 'getStats' }, items: ctxItems });
		const [stats] = await new MediaXPublish().execute.call(ctx);
		const by = Object.fromEntries(stats.map((o) => [o.json.target as string, o.json]));
		expect(by.douyinVideo).toMatchObject({ platform: 'douyin', views: expect.any(Number), likes: expect.any(Number), fetched_at: expect.any(String), raw: expect.any(Object) });
		expect(by.youtubeVideo).toMatchObject({ platform: 'youtube', views: expect.any(Number), raw: { statistics: expect.any(Object) } });
		expect(by.bilibiliVideo).toMatchObject({ platform: 'bilibili', raw: expect.any(Object) });
		expect(by.wechatArticle).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/no per-article statistics/) });
	});
});
