import { MediaXWeChatOfficialAccountApi } from '../../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { platformRequest } from '../../nodes/shared/engine/engine';
import { wechatAppAdapter } from '../../nodes/shared/platforms/wechat';
import { CredentialStore, fakeContext, httpRequest } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const TYPE = 'mediaXWeChatOfficialAccountApi';

describe('token engine with the WeChat stable token', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	function fresh(secret = 'sim_wechat_secret') {
		sim.reset();
		store = new CredentialStore({ [TYPE]: new MediaXWeChatOfficialAccountApi() });
		store.add({ id: 'wx1', name: 'OA', type: TYPE, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: secret } });
	}
	const ctx = (extra: Record<string, unknown> = {}) => fakeContext({ store, attached: { [TYPE]: 'wx1' }, ...extra });
	const count = () => platformRequest(ctx(), wechatAppAdapter, { method: 'GET', path: '/cgi-bin/draft/count', idempotent: true });

	it('fetches one stable token for 20 concurrent executions', async () => {
		fresh();
		const replies = await Promise.all(Array.from({ length: 20 }, count));
		expect(replies.every((r) => typeof r.body.total_count === 'number')).toBe(true);
		expect(tokenRequests(sim, 'wechat')).toHaveLength(1);
		expect(tokenRequests(sim, 'wechat')[0].path).toBe('/cgi-bin/stable_token');
	});

	it('lets two processes with their own token fetches share one token without invalidating each other', async () => {
		fresh();
		const c = await (store as any).read('wx1').data;
		const a = await wechatAppAdapter.fetchToken(httpRequest, c, 'missing');
		const b = await wechatAppAdapter.fetchToken(httpRequest, c, 'missing');
		expect(b.accessToken).toBe(a.accessToken);
		for (const token of [a.accessToken, b.accessToken]) {
			const reply = await (await fetch(`${sim.baseUrl}/wechat/cgi-bin/draft/count?access_token=${token}`)).json();
			expect(reply.errcode ?? 0).toBe(0);
		}
	});

	it('heals a 40001 mid-batch with one normal-mode stable_token request and loses no item', async () => {
		fresh();
		const results = [];
		for (let i = 0; i < 10; i++) {
			if (i === 4) await admin(sim, '/wechat/revoke');
			results.push(await count());
		}
		expect(results).toHaveLength(10);
		const fetches = tokenRequests(sim, 'wechat');
		expect(fetches).toHaveLength(2);
		expect(fetches.some((e) => e.note === 'force')).toBe(false);
		expect(sim.log.filter((e) => e.code === 40001)).toHaveLength(1);
	});

	it('forces a refresh only when WeChat hands back the rejected token', async () => {
		fresh();
		await count();
		// the token is still current at the stable endpoint, but the API rejects it (as after a leak-kill elsewhere)
		await admin(sim, '/faults', { platform: 'wechat', type: 'platformError', code: 40001, message: 'invalid credential, access_token is invalid or not latest', match: '/cgi-bin/draft/count', count: 1 });
		await count();
		const fetches = tokenRequests(sim, 'wechat');
		expect(fetches.map((e) => e.note ?? '')).toEqual(['', '', 'force']);
		const stored = store.read('wx1').data;
		expect(stored.rejectedToken).toBeUndefined(); // the rejected token reaches the fetch as an argument, not through the credential
		expect(sim.log.at(-1)?.token).toBe(stored.accessToken);
	});

	it('reports a non-whitelisted IP with the hint and the caller IP, never the secret', async () => {
		fresh();
		await admin(sim, '/wechat/config', { whitelist: ['10.1.2.3'] });
		const error = await count().catch((e) => e);
		expect(String(error.message)).toMatch(/40164/);
		expect(String(error.message)).toMatch(/whitelist/i);
		expect(String(error.message)).toMatch(/127\.0\.0\.1/);
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain('sim_wechat_secret');
	});

	it('reports a wrong AppSecret as 40125 without showing it', async () => {
		fresh('not-the-secret-123');
		const error = await count().catch((e) => e);
		expect(String(error.message)).toMatch(/40125/);
		expect(String(error.message)).not.toContain('not-the-secret-123');
	});
});
