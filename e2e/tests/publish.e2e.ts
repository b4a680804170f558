// MediaX Publish in real n8n: one post with a small generated video to Douyin, YouTube and Bilibili and an article
// to WeChat and Blogger in one production (webhook) execution; a second execution with the same idempotency key sends
// nothing, because the record lives in the workflow's static data, which n8n saves for production executions.
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startN8n, type N8nHarness } from '../lib/harness';
import { chainWorkflow } from '../lib/workflows';

const PUBLISH = 'n8n-nodes-mediax.mediaXPublish';
const BLOG_ID = '1000000000000000001';
const MB = 1024 * 1024;
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(4088, 1)]);

describe(`MediaX Publish on n8n ${process.env.MEDIAX_N8N_VERSION ?? '2.41.1'}`, () => {
	let h: N8nHarness;
	let files: string;
	const creds: Record<string, { id: string; name: string }> = {};
	const secrets = ['sim_douyin_secret', 'sim_wechat_secret', 'sim_google_secret', 'sim_bili_secret'];
	const writes = () => h.sim.log.filter((e) => e.category !== 'token-request' && e.method !== 'GET' && !/video_data|freepublish\/get/.test(e.path));

	beforeAll(async () => {
		files = mkdtempSync(join(tmpdir(), 'mediax-e2e-publish-'));
		h = await startN8n({ env: { N8N_RESTRICT_FILE_ACCESS_TO: files } });
		const add = async (type: string, name: string, data: Record<string, unknown>) => {
			creds[type] = { id: await h.createCredential({ name, type, data }), name };
		};
		await add('mediaXDouyinOAuth2Api', 'Douyin account', { environment: 'custom', baseUrl: `${h.sim.baseUrl}/douyin`, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' });
		await add('mediaXWeChatOfficialAccountApi', 'WeChat OA', { environment: 'custom', baseUrl: `${h.sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret' });
		await add('mediaXGoogleOAuth2Api', 'Google account', { environment: 'custom', baseUrl: `${h.sim.baseUrl}/google`, clientId: 'sim-google-client.apps.googleusercontent.com', clientSecret: 'sim_google_secret' });
		await add('mediaXBilibiliOAuth2Api', 'Bilibili UP', {
			environment: 'custom',
			baseUrl: `${h.sim.baseUrl}/bilibili`,
			clientId: 'sim_bili_client',
			clientSecret: 'sim_bili_secret',
			redirectUrl: `${h.baseUrl}/rest/oauth2-credential/callback`,
		});
		for (const type of ['mediaXDouyinOAuth2Api', 'mediaXGoogleOAuth2Api', 'mediaXBilibiliOAuth2Api']) await h.connectOAuth2(creds[type].id);
	});
	afterAll(async () => {
		await h?.stop();
		if (files) rmSync(files, { recursive: true, force: true });
	});

	it('publishes one post to five platforms in one execution, and the same key again sends nothing', async () => {
		// a small generated video (an mp4 header and 3 MB of bytes) and a PNG cover
		const video = join(files, 'clip.mp4');
		const fd = openSync(video, 'w');
		writeSync(fd, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\u0000\u0000\u0002\u0000isommp41')]));
		for (let i = 0; i < 3; i++) writeSync(fd, Buffer.alloc(MB, 0x42 + i));
		closeSync(fd);
		const cover = join(files, 'cover.png');
		writeFileSync(cover, PNG);

		await h.createWorkflow(
			chainWorkflow('publish everywhere', 'publish', [
				{ name: 'Read Video', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: '={{ $json.body.video }}', options: {} } },
				{ name: 'Read Cover', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: "={{ $('Webhook').item.json.body.cover }}", options: { dataPropertyName: 'cover' } } },
				{
					// n8n's Read File output holds only the file it read: put the video and the cover on one item
					name: 'Video and Cover',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					parameters: { jsCode: "return [{ json: {}, binary: { data: $('Read Video').first().binary.data, cover: $input.first().binary.cover } }];" },
				},
				{
					name: 'Publish',
					type: PUBLISH,
					parameters: {
						targets: ['douyinVideo', 'youtubeVideo', 'bilibiliVideo', 'wechatArticle', 'bloggerPost'],
						title: "={{ $('Webhook').item.json.body.title }}",
						description: 'Published by MediaX Publish from n8n.',
						bodyHtml: `<p>${'MediaX Publish 把一篇文章同时发到多个平台。'.repeat(10)}</p>`,
						tags: 'n8n, mediax',
						coverBinaryPropertyName: 'cover',
						// idempotencyKey left at its default ({{ $json.id ?? $json.title }}), which the editor does not store: the item (a
						// file read) has neither, so the key is derived from title and description
						bloggerBlogId: BLOG_ID,
						bilibiliPartitionId: 21,
					},
					credentials: creds,
				},
			]),
			{ activate: true },
		);

		h.sim.log.length = 0;
		const first = await h.callWebhook('publish', { method: 'POST', body: { video, cover, title: 'MediaX 一次发布' } });
		if (first.status !== 200 || !Array.isArray(first.body) || first.body.length !== 5) {
			const executions = await h.api('GET', '/executions?includeData=true&limit=1');
			throw new Error(`unexpected reply: ${JSON.stringify(first.body).slice(0, 500)}\n${h.sim.log.map((e) => `${e.platform} ${e.path} ${e.code}`).join('\n')}\n${JSON.stringify(executions.body).slice(0, 6000)}`);
		}
		const rows = Object.fromEntries((first.body as Array<Record<string, any>>).map((r) => [r.target, r]));
		expect(rows.douyinVideo).toMatchObject({ platform: 'douyin', status: 'in_review', content_id: expect.stringMatching(/^@/) });
		expect(rows.youtubeVideo).toMatchObject({ platform: 'youtube', status: 'published', url: expect.stringContaining('youtube.com/watch?v=') });
		expect(rows.bilibiliVideo).toMatchObject({ platform: 'bilibili', status: 'in_review', content_id: expect.stringMatching(/^BV/) });
		expect(rows.wechatArticle).toMatchObject({ platform: 'wechat', status: 'submitted' });
		expect(rows.bloggerPost).toMatchObject({ platform: 'blogger', status: 'published' });
		const firstWrites = writes().map((e) => `${e.platform} ${e.path}`);
		for (const p of ['douyin /api/douyin/v1/video/create_video/', 'wechat /cgi-bin/freepublish/submit', 'bilibili /arcopen/fn/archive/add-by-utoken']) expect(firstWrites).toContain(p);
		expect(firstWrites.some((p) => p.startsWith('google /upload/youtube/v3/videos'))).toBe(true);
		expect(firstWrites.some((p) => p.startsWith(`google /blogger/v3/blogs/${BLOG_ID}/posts`))).toBe(true);

		h.sim.log.length = 0;
		const second = await h.callWebhook('publish', { method: 'POST', body: { video, cover, title: 'MediaX 一次发布' } });
		expect(second.status).toBe(200);
		expect(writes()).toEqual([]);
		for (const row of second.body as Array<Record<string, any>>) expect(row).toMatchObject({ repeated: true, content_id: rows[row.target].content_id });

		for (const s of secrets) {
			expect(h.output()).not.toContain(s);
			expect(JSON.stringify([first.body, second.body])).not.toContain(s);
		}
	});
	it('a fault on one platform, validation of several at once, Douyin image-text, wait until live and Get Stats', async () => {
		const video = join(files, 'clip.mp4');
		const cover = join(files, 'cover.png');
		const cfg = (platform: string, body: Record<string, unknown>) => h.sim.platforms.get(platform)!.admin!('config', body, h.sim);
		const flow = (name: string, path: string, parameters: Record<string, unknown>) =>
			chainWorkflow(name, path, [
				{ name: 'Read Video', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: '={{ $json.body.video }}', options: {} } },
				{ name: 'Read Cover', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: "={{ $('Webhook').item.json.body.cover }}", options: { dataPropertyName: 'cover' } } },
				{ name: 'Video and Cover', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: "return [{ json: { id: $('Webhook').first().json.body.id }, binary: { data: $('Read Video').first().binary.data, cover: $input.first().binary.cover } }];" } },
				{ name: 'Publish', type: PUBLISH, parameters: { description: 'Published by MediaX Publish from n8n.', bodyHtml: `<p>${'MediaX Publish 把一篇文章同时发到多个平台。'.repeat(10)}</p>`, tags: 'n8n, mediax', coverBinaryPropertyName: 'cover', bloggerBlogId: BLOG_ID, bilibiliPartitionId: 21, ...parameters }, credentials: creds },
			]);
		const call = (path: string, id: string) => h.callWebhook(path, { method: 'POST', body: { video, cover, id } });
		const rowsOf = (body: unknown) => Object.fromEntries((body as Array<Record<string, any>>).map((r) => [r.target, r]));

		// 1. Bilibili refuses once: Douyin (image-text) and Blogger are published, Bilibili is a failure row; the re-run
		//    with the same key sends only Bilibili
		await h.createWorkflow(flow('publish with a fault', 'publish-fault', { title: 'MediaX 故障测试', targets: ['douyinImageText', 'bilibiliVideo', 'bloggerPost'], imageBinaryPropertyNames: 'cover' }), { activate: true });
		h.sim.faults.push({ id: 9801, platform: 'bilibili', type: 'platformError', code: 21004, message: '投稿过于频繁', match: '/arcopen/fn/archive/add-by-utoken', count: 1 });
		h.sim.log.length = 0;
		const faulty = rowsOf((await call('publish-fault', 'fault-1')).body);
		expect(faulty.douyinImageText).toMatchObject({ platform: 'douyin', status: 'in_review', content_id: expect.stringMatching(/^@/) });
		expect(faulty.bloggerPost).toMatchObject({ status: 'published' });
		expect(faulty.bilibiliVideo).toMatchObject({ status: 'failed', error: { code: 21004, message: expect.stringMatching(/投稿过于频繁/) } });
		expect(writes().some((e) => e.path.startsWith('/api/douyin/v1/video/create_image_text'))).toBe(true);
		h.sim.log.length = 0;
		const retried = rowsOf((await call('publish-fault', 'fault-1')).body);
		expect(new Set(writes().map((e) => e.platform))).toEqual(new Set(['bilibili']));
		expect(retried.bilibiliVideo).toMatchObject({ status: 'in_review', content_id: expect.stringMatching(/^BV/) });
		expect(retried.douyinImageText).toMatchObject({ repeated: true, content_id: faulty.douyinImageText.content_id });

		// 2. limits of several platforms broken at once: one error naming each, and not one request sent
		await h.createWorkflow(flow('publish invalid', 'publish-invalid', { title: '标'.repeat(81), description: 'x'.repeat(300), targets: ['wechatArticle', 'bilibiliVideo', 'douyinVideo'] }), { activate: true });
		h.sim.log.length = 0;
		const invalid = await call('publish-invalid', 'invalid-1');
		expect(invalid.status).not.toBe(200);
		const execution = (await h.api('GET', '/executions?includeData=true&limit=1')).body;
		const text = JSON.stringify(execution);
		expect(text).toMatch(/WeChat Official Account \(Article\) → [\\"]*Title[\\"]* is 81 characters/);
		expect(text).toMatch(/Bilibili \(Video\) → [\\"]*Title[\\"]* is 81 characters/);
		expect(text).toMatch(/nothing was published/);
		expect(h.sim.log.filter((e) => e.category !== 'token-request')).toEqual([]);

		// 3. wait until live: the platforms' review passes after a delay, the rows end published
		await cfg('douyin', { reviewDelayMs: 1500 });
		await cfg('bilibili', { reviewDelaySeconds: 1 });
		await cfg('wechat', { publishPendingPolls: 1 });
		await h.createWorkflow(flow('publish and wait', 'publish-wait', { title: 'MediaX 等待上线', targets: ['douyinVideo', 'wechatArticle', 'bilibiliVideo'], options: { waitUntilLive: true, pollIntervalSeconds: 1, maxWaitSeconds: 60 } }), { activate: true });
		const live = rowsOf((await call('publish-wait', 'wait-1')).body);
		for (const target of ['douyinVideo', 'wechatArticle', 'bilibiliVideo']) expect({ target, ...live[target] }).toMatchObject({ target, status: 'published', live_state: 'live' });
		expect(Number(live.wechatArticle.polls)).toBeGreaterThanOrEqual(2);

		// 4. Get Stats from those rows: one normalized row per post and platform (WeChat has no per-article figures)
		await h.createWorkflow(
			chainWorkflow('publish stats', 'publish-stats', [
				{ name: 'Rows', type: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: 'body.rows', options: {} } },
				{ name: 'Stats', type: PUBLISH, parameters: { operation: 'getStats', targets: ['douyinVideo', 'wechatArticle', 'bilibiliVideo'] }, credentials: creds },
			]),
			{ activate: true },
		);
		const stats = rowsOf((await h.callWebhook('publish-stats', { method: 'POST', body: { rows: Object.values(live) } })).body);
		expect(stats.douyinVideo).toMatchObject({ platform: 'douyin', views: expect.any(Number), likes: expect.any(Number), fetched_at: expect.any(String), raw: expect.any(Object) });
		expect(stats.bilibiliVideo).toMatchObject({ platform: 'bilibili', fetched_at: expect.any(String), raw: expect.any(Object) });
		expect(stats.wechatArticle).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/no per-article statistics/) });
		for (const s of secrets) expect(JSON.stringify([faulty, retried, live, stats])).not.toContain(s);
	});
});
