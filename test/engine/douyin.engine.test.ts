import { MediaXDouyinClientCredentialsApi } from '../../credentials/MediaXDouyinClientCredentialsApi.credentials';
import { MediaXDouyinOAuth2Api } from '../../credentials/MediaXDouyinOAuth2Api.credentials';
import { MediaXDouyin } from '../../nodes/MediaXDouyin/MediaXDouyin.node';
import { platformRequest } from '../../nodes/shared/engine/engine';
import { douyinAppAdapter, douyinUserAdapter } from '../../nodes/shared/platforms/douyin';
import { CredentialStore, fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const APP = 'mediaXDouyinClientCredentialsApi';
const USER = 'mediaXDouyinOAuth2Api';

describe('token engine with Douyin', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	let base: string;

	beforeAll(async () => {
		sim = await startSimulator();
		base = `${sim.baseUrl}/douyin`;
	});
	afterAll(() => sim.close());

	async function freshCredentials(opts: { secret?: string } = {}) {
		sim.reset();
		store = new CredentialStore({ [APP]: new MediaXDouyinClientCredentialsApi(), [USER]: new MediaXDouyinOAuth2Api() });
		store.add({ id: 'app1', name: 'Douyin app', type: APP, data: { environment: 'custom', baseUrl: base, clientKey: 'sim_douyin_key', clientSecret: opts.secret ?? 'sim_douyin_secret' } });
		const issued = await admin(sim, '/douyin/issue-user-token', {});
		// what n8n's "Connect my account" stores: Douyin's reply as is
		store.add({
			id: 'user1',
			name: 'Douyin account',
			type: USER,
			data: { environment: 'custom', baseUrl: base, clientId: 'sim_douyin_key', clientSecret: opts.secret ?? 'sim_douyin_secret', oauthTokenData: { data: { ...issued, error_code: 0, description: '' }, message: 'success' } },
		});
		sim.log.length = 0;
		return issued as { access_token: string; refresh_token: string; open_id: string };
	}

	const ctx = (extra: Record<string, unknown> = {}) => fakeContext({ store, attached: { [APP]: 'app1', [USER]: 'user1' }, ...extra });
	const apiCalls = (pathPart: string) => sim.log.filter((e) => e.path.includes(pathPart));

	it('fetches one client_token for 20 concurrent executions on an empty credential and persists it', async () => {
		await freshCredentials();
		const replies = await Promise.all(
			Array.from({ length: 20 }, () => platformRequest(ctx(), douyinAppAdapter, { method: 'GET', path: '/js/getticket/', idempotent: true })),
		);
		expect(replies.every((r) => r.body.data.ticket)).toBe(true);
		expect(tokenRequests(sim, 'douyin', 'client_token')).toHaveLength(1);
		const stored = store.read('app1').data;
		expect(String(stored.accessToken)).toMatch(/^clt\./);
		expect(stored.tokenFor).toBe(`${base}|sim_douyin_key`);
		expect(new Set(apiCalls('/js/getticket').map((e) => e.token))).toEqual(new Set([stored.accessToken]));
	});

	it('renews the client_token ahead of expiry, once for a burst, and reuses it afterwards', async () => {
		await freshCredentials();
		await platformRequest(ctx(), douyinAppAdapter, { method: 'GET', path: '/js/getticket/', idempotent: true });
		store.write('app1', { ...store.read('app1').data, expiresAt: Date.now() + 60_000 }); // inside the 5-minute window
		await Promise.all(Array.from({ length: 20 }, () => platformRequest(ctx(), douyinAppAdapter, { method: 'GET', path: '/share-id/', idempotent: true })));
		await platformRequest(ctx(), douyinAppAdapter, { method: 'GET', path: '/share-id/', idempotent: true });
		expect(tokenRequests(sim, 'douyin', 'client_token')).toHaveLength(2);
		expect(sim.log.filter((e) => e.code !== 0 && e.code !== undefined)).toEqual([]);
	});

	it('fetches a new token when key or host changed since the stored one was issued', async () => {
		await freshCredentials();
		store.write('app1', { ...store.read('app1').data, accessToken: 'clt.stale', expiresAt: Date.now() + 3600_000, tokenFor: 'https://other|key' });
		await platformRequest(ctx(), douyinAppAdapter, { method: 'GET', path: '/share-id/', idempotent: true });
		expect(tokenRequests(sim, 'douyin', 'client_token')).toHaveLength(1);
		expect(apiCalls('/share-id').map((e) => e.token)).not.toContain('clt.stale');
	});

	it('adopts a freshly connected user token with one refresh, for 20 concurrent executions', async () => {
		const issued = await freshCredentials();
		const replies = await Promise.all(
			Array.from({ length: 20 }, () =>
				platformRequest(ctx(), douyinUserAdapter, { method: 'GET', path: '/api/douyin/v1/video/video_list/', qs: { cursor: 0, count: 5 }, identityInQuery: ['open_id'], idempotent: true }),
			),
		);
		expect(replies.every((r) => r.body.data.list.length === 5)).toBe(true);
		expect(tokenRequests(sim, 'douyin')).toHaveLength(1);
		expect(tokenRequests(sim, 'douyin')[0].path).toContain('/oauth/refresh_token');
		const stored = store.read('user1').data.oauthTokenData as any;
		expect(stored.data.open_id).toBe(issued.open_id);
		expect(stored.mediax.expires_at).toBeGreaterThan(Date.now() + 14 * 86400_000);
		expect(stored.mediax.refresh_expires_at).toBeGreaterThan(Date.now() + 29 * 86400_000);
		expect(apiCalls('/video_list').every((e) => e.query.open_id === issued.open_id)).toBe(true);
	});

	it('refreshes ahead of a known expiry, so no request goes out with an expired token', async () => {
		await freshCredentials();
		await platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', body: {}, identityInQuery: ['open_id'], idempotent: true });
		const row = store.read('user1').data as any;
		row.oauthTokenData.mediax.expires_at = Date.now() + 30_000;
		store.write('user1', row);
		await admin(sim, '/clock', { advanceSeconds: 15 * 86400 - 20 }); // the platform agrees: 20 s left
		sim.log.length = 0;
		await platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', body: {}, identityInQuery: ['open_id'], idempotent: true });
		expect(sim.log.map((e) => e.path)).toEqual(['/oauth/refresh_token/', '/oauth/userinfo/']);
		expect(sim.log.every((e) => e.code === 0)).toBe(true);
	});

	it('heals a token revoked mid-batch with one refresh and one retry per failed request, losing no item', async () => {
		await freshCredentials();
		const read = () => platformRequest(ctx(), douyinUserAdapter, { method: 'GET', path: '/api/douyin/v1/video/video_list/', qs: { cursor: 0, count: 1 }, identityInQuery: ['open_id'], idempotent: true });
		const results = [];
		for (let i = 0; i < 10; i++) {
			if (i === 5) await admin(sim, '/douyin/revoke', { kind: 'user' });
			results.push(await read());
		}
		expect(results).toHaveLength(10);
		expect(tokenRequests(sim, 'douyin')).toHaveLength(2); // adopt + one heal
		const rejected = sim.log.filter((e) => e.code === 28001003);
		expect(rejected).toHaveLength(1);
	});

	it('heals 20 concurrent requests hit by one revocation with a single refresh', async () => {
		await freshCredentials();
		await platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', body: {}, identityInQuery: ['open_id'], idempotent: true });
		await admin(sim, '/douyin/revoke', { kind: 'user' });
		sim.log.length = 0;
		const replies = await Promise.all(
			Array.from({ length: 20 }, () => platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', body: {}, identityInQuery: ['open_id'], idempotent: true })),
		);
		expect(replies).toHaveLength(20);
		expect(tokenRequests(sim, 'douyin')).toHaveLength(1);
	});

	it('retries a write rejected for its token once, but never resends a write after a 5xx or a dropped connection', async () => {
		await freshCredentials();
		const upload = async () => {
			const form = new FormData();
			form.append('video', new Blob([Buffer.alloc(1000)], { type: 'video/mp4' }), 'v.mp4');
			const accessToken = ((store.read('user1').data.oauthTokenData as any).data.access_token) as string;
			const res = await fetch(`${base}/api/douyin/v1/video/upload_video/?open_id=sim-open-id-0001`, { method: 'POST', body: form, headers: { 'access-token': accessToken } });
			return (await res.json()).data.video.video_id as string;
		};
		await platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', body: {}, identityInQuery: ['open_id'], idempotent: true });
		const create = (videoId: string) => platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/api/douyin/v1/video/create_video/', body: { video_id: videoId, text: 'hello' }, identityInQuery: ['open_id'] });

		const firstVideo = await upload();
		await admin(sim, '/douyin/revoke', { kind: 'user' });
		sim.log.length = 0;
		const created = await create(firstVideo);
		expect(apiCalls('/create_video').map((e) => e.code)).toEqual([28001003, 0]);
		expect(created.body.data.item_id).toBeTruthy();

		const videoId = await upload();
		sim.log.length = 0;
		await admin(sim, '/faults', { platform: 'douyin', type: 'http', status: 502, match: '/api/douyin/v1/video/create_video', count: 1 });
		await expect(create(videoId)).rejects.toThrow(/502/);
		expect(apiCalls('/create_video')).toHaveLength(1);
		await admin(sim, '/faults', { platform: 'douyin', type: 'drop', afterBytes: 0, match: '/api/douyin/v1/video/create_video', count: 1 });
		const dropped = await create(videoId).catch((e) => e);
		expect(dropped.description).toMatch(/not resent/);
		expect(apiCalls('/create_video')).toHaveLength(2);

		await admin(sim, '/faults', { platform: 'douyin', type: 'http', status: 502, match: '/api/douyin/v1/video/video_list', count: 1 });
		const listed = await platformRequest(ctx(), douyinUserAdapter, { method: 'GET', path: '/api/douyin/v1/video/video_list/', qs: { cursor: 0, count: 1 }, identityInQuery: ['open_id'], idempotent: true });
		expect(listed.body.data.list).toHaveLength(1);
		expect(apiCalls('/video_list').map((e) => e.status)).toEqual([502, 200]);
	});

	it('keeps refreshed user tokens in memory when n8n offers no way to persist them', async () => {
		await freshCredentials();
		const c = () => ctx({ noCredentialsHelper: true });
		for (let i = 0; i < 3; i++) {
			await platformRequest(c(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', body: {}, identityInQuery: ['open_id'], idempotent: true });
		}
		expect(tokenRequests(sim, 'douyin')).toHaveLength(1);
		expect((store.read('user1').data.oauthTokenData as any).mediax).toBeUndefined();
	});

	it('renews the refresh token when it nears its end, and stores the new one', async () => {
		const issued = await freshCredentials();
		await platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', body: {}, identityInQuery: ['open_id'], idempotent: true });
		const row = store.read('user1').data as any;
		// 26 days later: the access token has lapsed and the refresh token has 4 days left
		row.oauthTokenData.mediax.expires_at = Date.now() - 1000;
		store.write('user1', row);
		await admin(sim, '/clock', { advanceSeconds: 26 * 86400 });
		await platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', body: {}, identityInQuery: ['open_id'], idempotent: true });
		expect(tokenRequests(sim, 'douyin').map((e) => e.path)).toEqual(['/oauth/refresh_token/', '/oauth/refresh_token/', '/oauth/renew_refresh_token/']);
		const stored = store.read('user1').data.oauthTokenData as any;
		expect(stored.data.refresh_token).not.toBe(issued.refresh_token);
		expect(stored.mediax.renew_count).toBe(1);
		expect(stored.mediax.refresh_expires_at).toBeGreaterThan(Date.now() + 29 * 86400_000);
	});
});

describe('MediaX Douyin node', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	async function setup(secret = 'sim_douyin_secret') {
		sim.reset();
		const base = `${sim.baseUrl}/douyin`;
		store = new CredentialStore({ [APP]: new MediaXDouyinClientCredentialsApi(), [USER]: new MediaXDouyinOAuth2Api() });
		store.add({ id: 'app1', name: 'Douyin app', type: APP, data: { environment: 'custom', baseUrl: base, clientKey: 'sim_douyin_key', clientSecret: secret } });
		const issued = await admin(sim, '/douyin/issue-user-token', {});
		store.add({ id: 'user1', name: 'Douyin account', type: USER, data: { environment: 'custom', baseUrl: base, clientId: 'sim_douyin_key', clientSecret: secret, oauthTokenData: { data: issued, message: 'success' } } });
		return issued;
	}
	const run = (parameters: Record<string, unknown>, attached: Record<string, string> = { [APP]: 'app1', [USER]: 'user1' }, extra: Record<string, unknown> = {}) =>
		new MediaXDouyin().execute.call(fakeContext({ store, attached, parameters, ...extra }));

	it('uses the user token for account operations and the client token for app tools, in one run', async () => {
		const issued = await setup();
		const [list] = await run({ resource: 'video', operation: 'list', returnAll: true });
		const [share] = await run({ resource: 'tool', operation: 'getShareId', shareOptions: {} });
		expect(list).toHaveLength(45);
		expect(share[0].json.share_id).toBeTruthy();
		const listCalls = sim.log.filter((e) => e.path.includes('video_list'));
		expect(listCalls).toHaveLength(3);
		expect(listCalls.every((e) => e.tokenKind === 'user' && e.query.open_id === issued.open_id)).toBe(true);
		expect(sim.log.find((e) => e.path === '/share-id/')?.tokenKind).toBe('client');
	});

	it('honours Limit across pages', async () => {
		await setup();
		const [list] = await run({ resource: 'video', operation: 'list', returnAll: false, limit: 25 });
		expect(list).toHaveLength(25);
		expect(list[0].pairedItem).toEqual({ item: 0 });
	});

	it('names the credential to attach when the operation\'s one is missing', async () => {
		await setup();
		await expect(run({ resource: 'tool', operation: 'getShareId', shareOptions: {} }, { [USER]: 'user1' })).rejects.toThrow(
			/needs the "MediaX Douyin Client Credentials API" credential/,
		);
	});

	it('reports a wrong client secret with Douyin\'s code and never shows a secret or token', async () => {
		const issued = await setup('wrong_secret_value');
		const [out] = await run({ resource: 'tool', operation: 'getShareId', shareOptions: {} }, undefined, { continueOnFail: true });
		const text = JSON.stringify(out);
		expect(text).toMatch(/10013/);
		expect(text).not.toContain('wrong_secret_value');
		expect(text).not.toContain(issued.access_token);
		expect(text).not.toContain(issued.refresh_token);
		expect(tokenRequests(sim, 'douyin', 'client_token')).toHaveLength(1);
	});

	it('reports a missing scope with the hint to reconnect', async () => {
		sim.reset();
		const base = `${sim.baseUrl}/douyin`;
		store = new CredentialStore({ [APP]: new MediaXDouyinClientCredentialsApi(), [USER]: new MediaXDouyinOAuth2Api() });
		const issued = await admin(sim, '/douyin/issue-user-token', { scope: 'user_info' });
		store.add({ id: 'user1', name: 'acc', type: USER, data: { environment: 'custom', baseUrl: base, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret', oauthTokenData: { data: issued, message: 'success' } } });
		const error = await run({ resource: 'video', operation: 'list', returnAll: false, limit: 5 }, { [USER]: 'user1' }).catch((e) => e);
		expect(error.message).toMatch(/28001012/);
		expect(error.description).toMatch(/Scopes/);
		expect(JSON.stringify(error)).not.toContain(issued.access_token);
	});

	it('uploads a small video in one request, publishes it, and lists its comments and stats', async () => {
		await setup();
		const video = Buffer.alloc(300_000, 7);
		const items = [{ json: {}, binary: { data: { data: video.toString('base64'), mimeType: 'video/mp4', fileName: 'clip.mp4' } } }];
		const [up] = await run({ resource: 'video', operation: 'upload', binaryPropertyName: 'data', options: {} }, undefined, { items });
		expect(up[0].json).toMatchObject({ upload_mode: 'single', size: 300_000 });
		const [created] = await run({ resource: 'video', operation: 'create', videoId: up[0].json.video_id, text: 'hello #n8n', additionalFields: {} });
		expect(String(created[0].json.item_id)).toMatch(/^@/);
		const state = await admin(sim, '/douyin/state');
		expect(JSON.stringify(state)).toContain(require('crypto').createHash('sha256').update(video).digest('hex'));
		const [stats] = await run({ resource: 'data', operation: 'getUserStats', metric: 'fans', dateType: 7 });
		expect(stats).toHaveLength(7);
	});

	it('uploads in parts above the threshold, holding one part at a time', async () => {
		await setup();
		await admin(sim, '/douyin/config', { minPartSize: 5 * 1024 * 1024 });
		const video = Buffer.alloc(12 * 1024 * 1024, 3);
		const items = [{ json: {}, binary: { data: { data: video.toString('base64'), mimeType: 'video/mp4', fileName: 'big.mp4' } } }];
		const [up] = await run({ resource: 'video', operation: 'upload', binaryPropertyName: 'data', options: { mode: 'chunked', partSizeMb: 5 } }, undefined, { items });
		expect(up[0].json).toMatchObject({ upload_mode: 'chunked', parts: 3, size: video.length });
		expect(sim.log.filter((e) => e.path.includes('upload_video_part')).map((e) => e.range)).toEqual(['1', '2', '3']);
	});
});
