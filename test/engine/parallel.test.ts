import { MediaXWeChatOfficialAccountApi } from '../../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { MediaXWeChatOfficialAccount } from '../../nodes/MediaXWeChatOfficialAccount/MediaXWeChatOfficialAccount.node';
import { forEachLimited } from '../../nodes/shared/node/limit';
import { CredentialStore, fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const TYPE = 'mediaXWeChatOfficialAccountApi';

describe('Requests in Parallel', () => {
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

	it('never runs more than the limit at once, and runs them all', async () => {
		let running = 0;
		let peak = 0;
		const done: number[] = [];
		await forEachLimited(30, 4, async (i) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
			done.push(i);
		});
		expect(peak).toBe(4);
		expect([...done].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
	});

	it('keeps output order and pairing with 8 at a time, fetches the token once and reads the credential once', async () => {
		fresh();
		// replies arrive in another order than the requests went out: the first two are slow
		await admin(sim, '/faults', { platform: 'wechat', type: 'slow', delayMs: 150, match: '/cgi-bin/draft/count', count: 2 });
		const items = Array.from({ length: 24 }, (_, i) => ({ json: { i } }));
		const ctx = fakeContext({
			store,
			attached: { [TYPE]: 'wx1' },
			parameters: { resource: 'draft', operation: 'count', requestsInParallel: 8 },
			items,
		});
		let inFlight = 0;
		let peak = 0;
		const original = ctx.helpers.httpRequest;
		ctx.helpers.httpRequest = async (options: { url: string }) => {
			if (!options.url.includes('/draft/count')) return original(options);
			inFlight++;
			peak = Math.max(peak, inFlight);
			try {
				return await original(options);
			} finally {
				inFlight--;
			}
		};
		const [out] = await new MediaXWeChatOfficialAccount().execute.call(ctx);
		expect(out).toHaveLength(24);
		expect(out.map((o: { pairedItem: unknown }) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(peak).toBeGreaterThan(1);
		expect(peak).toBeLessThanOrEqual(8);
		expect(tokenRequests(sim, 'wechat')).toHaveLength(1);
		expect(ctx.credentialReads).toBe(1);
	});

	it('answers for each item with continueOnFail, in input order', async () => {
		fresh();
		// the 3rd and 6th count requests fail with a platform error; the others succeed
		await admin(sim, '/faults', { platform: 'wechat', type: 'platformError', code: 45009, message: 'reach max api daily quota limit', match: '/cgi-bin/draft/count', after: 2, count: 1 });
		const items = Array.from({ length: 6 }, (_, i) => ({ json: { i } }));
		const ctx = fakeContext({ store, attached: { [TYPE]: 'wx1' }, parameters: { resource: 'draft', operation: 'count', requestsInParallel: 3 }, items, continueOnFail: true });
		const [out] = await new MediaXWeChatOfficialAccount().execute.call(ctx);
		expect(out).toHaveLength(6);
		expect(out.map((o: { pairedItem: unknown }) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		const failed = out.filter((o: { json: { error?: string } }) => o.json.error);
		expect(failed).toHaveLength(1);
		expect(String(failed[0].json.error)).toMatch(/45009/);
		expect(out.filter((o: { json: { total_count?: number } }) => typeof o.json.total_count === 'number')).toHaveLength(5);
	});

	it('without continueOnFail stops at the first failing item and throws its error', async () => {
		fresh();
		await admin(sim, '/faults', { platform: 'wechat', type: 'platformError', code: 45009, message: 'reach max api daily quota limit', match: '/cgi-bin/draft/count', count: -1 });
		const items = Array.from({ length: 6 }, (_, i) => ({ json: { i } }));
		const ctx = fakeContext({ store, attached: { [TYPE]: 'wx1' }, parameters: { resource: 'draft', operation: 'count', requestsInParallel: 2 }, items });
		await expect(new MediaXWeChatOfficialAccount().execute.call(ctx)).rejects.toThrow(/45009/);
		expect(sim.log.filter((e) => e.path.includes('/draft/count')).length).toBeLessThanOrEqual(2);
	});
});
