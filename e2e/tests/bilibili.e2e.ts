// Bilibili in real n8n: Connect through n8n's own OAuth2 callback (sent as Bilibili's gourl), signed reads and a
// signed write, an access token that expires mid-batch healed with one refresh whose rotated tokens are persisted, and
// a video uploaded in parts streamed, never held whole in memory.
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEAF_ARTICLE_CATEGORY_IDS } from '../../simulator/src/platforms/bilibili/store';
import { startN8n, type N8nHarness } from '../lib/harness';
import { chainWorkflow, splitItems, type NodeSpec } from '../lib/workflows';

const BILIBILI = 'n8n-nodes-mediax.mediaXBilibili';
const CRED_TYPE = 'mediaXBilibiliOAuth2Api';
const SECRET = 'sim_bili_secret';
const OPENID = 'sim-bili-openid-0001';
const MB = 1024 * 1024;

describe(`Bilibili on n8n ${process.env.MEDIAX_N8N_VERSION ?? '2.41.1'}`, () => {
	let h: N8nHarness;
	let files: string;
	let cred: { id: string; name: string };
	const webhookBodies: string[] = [];
	const seenTokens = new Set<string>();
	const log = () => h.sim.log.filter((e) => e.platform === 'bilibili');
	const tokenRequests = () => log().filter((e) => e.category === 'token-request');
	const signedCalls = () => log().filter((e) => e.path.startsWith('/arcopen/'));
	const bilibili = (name: string, parameters: Record<string, unknown>): NodeSpec => ({ name, type: BILIBILI, parameters, credentials: { [CRED_TYPE]: cred } });
	const call = async (path: string, body: unknown = {}) => {
		const res = await h.callWebhook(path, { method: 'POST', body });
		webhookBodies.push(JSON.stringify(res.body));
		return res;
	};
	const stored = async () => {
		const token = (await h.exportCredential(cred.id)).oauthTokenData as { data: { access_token: string; refresh_token: string; expires_in: number } };
		seenTokens.add(token.data.access_token).add(token.data.refresh_token);
		return token.data;
	};
	const simState = async () => (await h.sim.platforms.get('bilibili')!.admin!('state', {}, h.sim)) as Record<string, any>;

	beforeAll(async () => {
		files = mkdtempSync(join(tmpdir(), 'mediax-e2e-bili-'));
		h = await startN8n({ env: { N8N_RESTRICT_FILE_ACCESS_TO: files } });
		cred = { id: '', name: 'Bilibili UP' };
		cred.id = await h.createCredential({
			name: cred.name,
			type: CRED_TYPE,
			data: {
				environment: 'custom',
				baseUrl: `${h.sim.baseUrl}/bilibili`,
				clientId: 'sim_bili_client',
				clientSecret: SECRET,
				// what the person copies from n8n's "OAuth Redirect URL"
				redirectUrl: `${h.baseUrl}/rest/oauth2-credential/callback`,
			},
		});
	});
	afterAll(async () => {
		await h?.stop();
		rmSync(files, { recursive: true, force: true });
	});

	it('connects through n8n\'s OAuth2 callback, which Bilibili reaches as its gourl', async () => {
		h.sim.log.length = 0;
		await h.connectOAuth2(cred.id, { browser: process.env.MEDIAX_E2E_BROWSER !== '0' });
		const consent = log().find((e) => e.path === '/account/pc/account-pc/auth/oauth');
		expect(consent?.query.gourl).toBe(`${h.baseUrl}/rest/oauth2-credential/callback`);
		expect(consent?.query.client_id).toBe('sim_bili_client');
		expect(tokenRequests().map((e) => [e.path, e.code])).toEqual([['/x/account-oauth2/v1/token', 0]]);
		const token = await stored();
		expect(token.access_token).toBeTruthy();
		expect(token.refresh_token).toBeTruthy();
		expect(token.expires_in * 1000).toBeGreaterThan(Date.now());
	});

	it('reads the account and its videos, and publishes an article, every signed call accepted', async () => {
		await h.createWorkflow(
			chainWorkflow('bilibili account and article', 'bl-article', [
				bilibili('Account', { resource: 'user', operation: 'getInfo' }),
				bilibili('Publish Article', {
					resource: 'article',
					operation: 'publish',
					title: '={{ "来自 n8n：" + $json.name }}',
					category: [...LEAF_ARTICLE_CATEGORY_IDS][0],
					template_id: 5,
					content: `<p>${'这是一篇由 n8n 工作流发布的专栏文章。'.repeat(15)}</p>`,
					additionalFields: { tags: 'n8n,自动化', original: true },
				}),
			]),
		);
		await h.createWorkflow(chainWorkflow('bilibili videos', 'bl-videos', [bilibili('Videos', { resource: 'video', operation: 'list', status: 'all', returnAll: true })]));
		h.sim.log.length = 0;
		const article = await call('bl-article');
		expect(article.status).toBe(200);
		expect(article.body[0]).toMatchObject({ title: '来自 n8n：MediaX B站测试UP主', state: 'submitted for review' });
		const videos = await call('bl-videos');
		expect(videos.status).toBe(200);
		const state = await simState();
		expect(state.articles.find((a: { id: unknown }) => String(a.id) === String(article.body[0].id))).toMatchObject({ title: '来自 n8n：MediaX B站测试UP主', deleted: false });
		expect(videos.body.map((v: { resource_id: string }) => v.resource_id).sort()).toEqual(state.archives.filter((a: { deleted: boolean }) => !a.deleted).map((a: { resource_id: string }) => a.resource_id).sort());
		expect(videos.body).toHaveLength(3);

		// the simulator checked every HMAC signature, nonce and timestamp: all answered code 0 with the stored token
		const token = await stored();
		expect(signedCalls().map((e) => e.path)).toEqual(['/arcopen/fn/user/account/info', '/arcopen/fn/article/add', '/arcopen/fn/archive/viewlist']);
		expect(signedCalls().every((e) => e.code === 0 && e.token === token.access_token)).toBe(true);
		// 文章提交 documents a multipart/form-data body; the simulator refuses JSON there
		expect(signedCalls().find((e) => e.path === '/arcopen/fn/article/add')?.note).toMatch(/body=multipart/);
		expect(tokenRequests()).toHaveLength(0);
	});

	it('heals an access token that expires mid-batch with one refresh and persists the rotated tokens', async () => {
		await h.createWorkflow(chainWorkflow('bilibili batch', 'bl-batch', [splitItems, bilibili('Account', { resource: 'user', operation: 'getInfo' })]));
		const before = await stored();
		// Bilibili expires the access token just before the 16th request of the batch
		h.sim.faults.push({ id: 9401, platform: 'bilibili', type: 'admin', action: 'expire', body: { kind: 'access' }, match: '/arcopen/fn/user/account/info', after: 15, count: 1 });
		h.sim.log.length = 0;
		const res = await call('bl-batch', { items: Array.from({ length: 30 }, (_, i) => ({ i })) });
		expect(res.status).toBe(200);
		expect(res.body).toHaveLength(30);
		expect(res.body.every((u: { openid: string }) => u.openid === OPENID)).toBe(true);

		const refreshes = tokenRequests();
		expect(refreshes.map((e) => [e.path, e.code])).toEqual([['/x/account-oauth2/v1/refresh_token', 0]]);
		expect(refreshes[0].query.refresh_token).toBe(before.refresh_token);
		const reads = signedCalls();
		expect(reads).toHaveLength(31);
		expect(reads.filter((e) => e.code !== 0).map((e) => e.code)).toEqual([127001]);
		expect(reads[15]).toMatchObject({ code: 127001, token: before.access_token });

		const after = await stored();
		expect(after.access_token).not.toBe(before.access_token);
		expect(after.refresh_token).not.toBe(before.refresh_token);
		expect(reads.slice(16).every((e) => e.code === 0 && e.token === after.access_token)).toBe(true);

		// the persisted refresh token is the current one: the next expiry is healed with it
		h.sim.faults.push({ id: 9402, platform: 'bilibili', type: 'admin', action: 'expire', body: { kind: 'access' }, match: '/arcopen/fn/user/account/info', count: 1 });
		h.sim.log.length = 0;
		const again = await call('bl-batch', { items: [{ i: 0 }] });
		expect(again.status).toBe(200);
		expect(tokenRequests().map((e) => [e.code, e.query.refresh_token])).toEqual([[0, after.refresh_token]]);
		await stored();
	});

	it('uploads 64 / 256 / 512 MB videos in 8 MB parts streamed: the peak above idle stays far below the file size', async () => {
		const write = (name: string, mb: number) => {
			const path = join(files, name);
			const fd = openSync(path, 'w');
			const block = Buffer.alloc(MB, 0x42);
			for (let i = 0; i < mb; i++) writeSync(fd, block);
			closeSync(fd);
			return path;
		};
		await h.createWorkflow(
			chainWorkflow('bilibili upload', 'bl-upload', [
				{ name: 'Read File', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: '={{ $json.body.path }}', options: {} } },
				bilibili('Upload', { resource: 'video', operation: 'upload', binaryPropertyName: 'data', uploadOptions: { partSizeMb: 8 } }),
			]),
		);
		const peaks: Record<number, number> = {};
		const aboveIdle: Record<number, number> = {};
		for (const mb of [64, 256, 512]) {
			const path = write(`video-${mb}.mp4`, mb);
			h.sim.log.length = 0;
			// reset the process's peak RSS (VmHWM) so the figure is this upload's own peak, not n8n's start-up peak;
			// the RSS just before is the idle figure (it drifts up between uploads as V8 keeps freed heap)
			const idle = h.resetPeakRss();
			const res = await call('bl-upload', { path });
			expect(res.status).toBe(200);
			expect(res.body[0]).toMatchObject({ upload_mode: 'parts', utype: 0, parts: mb / 8, part_size: 8 * MB, size: mb * MB, file_name: `video-${mb}.mp4` });
			peaks[mb] = h.peakRssMb();
			aboveIdle[mb] = peaks[mb] - idle;
			rmSync(path);
			const parts = log().filter((e) => e.path === '/upos/video/v2/part/upload');
			expect(parts).toHaveLength(mb / 8);
			expect(parts.every((e) => e.code === 0 && e.bytesIn === 8 * MB)).toBe(true);
			// the upload host needs no signature (official demo); init and the empty-body complete are signed with Content-Type
			expect(parts.every((e) => !/signed/.test(e.note ?? ''))).toBe(true);
			expect(signedCalls().map((e) => [e.path, e.code])).toEqual([
				['/arcopen/fn/archive/video/init', 0],
				['/arcopen/fn/archive/video/complete', 0],
			]);
			const upload = (await simState()).uploads.find((u: { upload_token: string }) => u.upload_token === res.body[0].upload_token);
			expect(upload).toMatchObject({ completed: true, size: mb * MB, utype: 0 });
			expect(upload.parts).toHaveLength(mb / 8);
		}
		// VmHWM of the n8n main process during each upload minus its RSS just before
		console.log(`n8n ${h.version} peak RSS above idle uploading 64 / 256 / 512 MB to Bilibili: ${aboveIdle[64]} / ${aboveIdle[256]} / ${aboveIdle[512]} MB (peaks ${peaks[64]} / ${peaks[256]} / ${peaks[512]} MB)`);
		// a buffering upload holds at least the whole file (512 MB) at its peak; a streaming one holds a few parts plus the
		// garbage collector's slack, which varies with the machine's load (so the bound is half the file, not a tight figure;
		// bench/upload-memory.ts measures it against the 150 MiB target)
		expect(aboveIdle[512]).toBeLessThan(256);
	});

	it('never shows the App Secret or a token in n8n\'s log or in webhook output', async () => {
		await stored();
		expect(seenTokens.size).toBeGreaterThanOrEqual(6);
		for (const s of [SECRET, ...seenTokens]) {
			expect(h.output()).not.toContain(s);
			for (const body of webhookBodies) expect(body).not.toContain(s);
		}
	});
});
