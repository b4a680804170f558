import { MediaXWeChatOfficialAccountApi } from '../../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { MediaXWeChatOfficialAccount } from '../../nodes/MediaXWeChatOfficialAccount/MediaXWeChatOfficialAccount.node';
import { platformRequest } from '../../nodes/shared/engine/engine';
import { wechatAppAdapter } from '../../nodes/shared/platforms/wechat';
import { CredentialStore, fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const TYPE = 'mediaXWeChatOfficialAccountApi';

/** Single-flight shares the token only: every execution sends, and answers for, its own request. */
describe('token engine: what concurrent executions share', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	function fresh() {
		sim.reset();
		store = new CredentialStore({ [TYPE]: new MediaXWeChatOfficialAccountApi() });
		store.add({ id: 'wx1', name: 'OA', type: TYPE, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret' } });
	}
	const ctx = () => fakeContext({ store, attached: { [TYPE]: 'wx1' } });
	const calls = (path: string) => sim.log.filter((e) => e.path.includes(path));

	it('a follower whose leader\'s request failed still sends its own request and succeeds', async () => {
		fresh();
		// the leader's write loses its connection; nothing about that may reach the follower's read
		await admin(sim, '/faults', { platform: 'wechat', type: 'drop', match: '/cgi-bin/draft/add', count: 1 });
		const leader = platformRequest(ctx(), wechatAppAdapter, { method: 'POST', path: '/cgi-bin/draft/add', body: { articles: [{ title: 'T', content: 'C', thumb_media_id: 'x' }] } });
		const follower = platformRequest(ctx(), wechatAppAdapter, { method: 'GET', path: '/cgi-bin/draft/count', idempotent: true });
		const [lead, follow] = await Promise.allSettled([leader, follower]);
		expect(lead.status).toBe('rejected');
		expect(String((lead as PromiseRejectedResult).reason.message)).toMatch(/draft\/add failed/);
		expect(follow.status).toBe('fulfilled');
		expect(typeof (follow as PromiseFulfilledResult<{ body: { total_count: number } }>).value.body.total_count).toBe('number');
		expect(calls('/cgi-bin/draft/count')).toHaveLength(1);
		expect(calls('/cgi-bin/draft/add')).toHaveLength(1); // a write that may have happened is not resent
		expect(tokenRequests(sim, 'wechat')).toHaveLength(1);
	});

	it('a follower whose leader got a platform error keeps its own success', async () => {
		fresh();
		await admin(sim, '/faults', { platform: 'wechat', type: 'platformError', code: 45009, message: 'reach max api daily quota limit', match: '/cgi-bin/material/get_materialcount', count: 1 });
		const [lead, follow] = await Promise.allSettled([
			platformRequest(ctx(), wechatAppAdapter, { method: 'GET', path: '/cgi-bin/material/get_materialcount', idempotent: true }),
			platformRequest(ctx(), wechatAppAdapter, { method: 'GET', path: '/cgi-bin/draft/count', idempotent: true }),
		]);
		expect(lead.status).toBe('rejected');
		expect(String((lead as PromiseRejectedResult).reason.message)).toMatch(/45009/);
		expect(follow.status).toBe('fulfilled');
		expect(tokenRequests(sim, 'wechat')).toHaveLength(1);
	});

	it('reads the credential once per node run for all its items', async () => {
		fresh();
		const items = Array.from({ length: 25 }, (_, i) => ({ json: { i } }));
		const c = fakeContext({ store, attached: { [TYPE]: 'wx1' }, parameters: { resource: 'draft', operation: 'count' }, items });
		const [out] = await new MediaXWeChatOfficialAccount().execute.call(c);
		expect(out).toHaveLength(25);
		expect(c.credentialReads).toBe(1);
		expect(calls('/cgi-bin/draft/count')).toHaveLength(25);
		expect(tokenRequests(sim, 'wechat')).toHaveLength(1);
		// the next run reuses the stored token: one read, no token request
		const again = fakeContext({ store, attached: { [TYPE]: 'wx1' }, parameters: { resource: 'draft', operation: 'count' }, items });
		await new MediaXWeChatOfficialAccount().execute.call(again);
		expect(again.credentialReads).toBe(1);
		expect(tokenRequests(sim, 'wechat')).toHaveLength(1);
	});

	it('re-reads the stored credential only when the token is rejected, once for the whole run', async () => {
		fresh();
		await platformRequest(ctx(), wechatAppAdapter, { method: 'GET', path: '/cgi-bin/draft/count', idempotent: true });
		const items = Array.from({ length: 10 }, (_, i) => ({ json: { i } }));
		const c = fakeContext({ store, attached: { [TYPE]: 'wx1' }, parameters: { resource: 'draft', operation: 'count' }, items });
		const original = c.helpers.httpRequest;
		let n = 0;
		c.helpers.httpRequest = async (options: { url: string }) => {
			if (options.url.includes('/draft/count') && ++n === 5) await admin(sim, '/wechat/revoke');
			return original(options);
		};
		sim.log.length = 0;
		const [out] = await new MediaXWeChatOfficialAccount().execute.call(c);
		expect(out).toHaveLength(10);
		expect(c.credentialReads).toBe(2);
		expect(tokenRequests(sim, 'wechat')).toHaveLength(1);
		expect(calls('/cgi-bin/draft/count').map((e) => e.code ?? 0)).toEqual([0, 0, 0, 0, 40001, 0, 0, 0, 0, 0, 0]);
	});
});
