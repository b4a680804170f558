import { MediaXDouyinClientCredentialsApi } from '../../credentials/MediaXDouyinClientCredentialsApi.credentials';
import { MediaXDouyinOAuth2Api } from '../../credentials/MediaXDouyinOAuth2Api.credentials';
import { MediaXWeChatOfficialAccountApi } from '../../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { CredentialStore, fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const APP = 'mediaXDouyinClientCredentialsApi';
const USER = 'mediaXDouyinOAuth2Api';
const WX = 'mediaXWeChatOfficialAccountApi';

type Engine = typeof import('../../nodes/shared/engine/engine');
type Douyin = typeof import('../../nodes/shared/platforms/douyin');
type WeChat = typeof import('../../nodes/shared/platforms/wechat');
type LeaseModule = typeof import('../../nodes/shared/engine/lease');

/**
 * One n8n process: its own instance of every engine module (per-process single flight, process id), as a queue-mode
 * worker loads the package. All processes share one credential store, like n8n's database.
 */
interface FakeProcess {
	engine: Engine;
	douyin: Douyin;
	wechat: WeChat;
	lease: LeaseModule;
}
function startProcess(): FakeProcess {
	let p!: FakeProcess;
	jest.isolateModules(() => {
		p = {
			engine: require('../../nodes/shared/engine/engine'),
			douyin: require('../../nodes/shared/platforms/douyin'),
			wechat: require('../../nodes/shared/platforms/wechat'),
			lease: require('../../nodes/shared/engine/lease'),
		};
	});
	return p;
}

/** A credential store whose reads and writes each take `ms`, like a loaded database behind n8n's credentials helper. */
function slowStore(store: CredentialStore, ms: number) {
	const read = store.read.bind(store);
	const write = store.write.bind(store);
	return {
		async read(id: string) {
			await new Promise((r) => setTimeout(r, ms * Math.random()));
			return read(id);
		},
		async write(id: string, data: Record<string, unknown>) {
			await new Promise((r) => setTimeout(r, ms * Math.random()));
			write(id, data as never);
		},
	};
}

describe('cluster-wide token lease: several processes sharing one credential store', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	let base: string;

	beforeAll(async () => {
		sim = await startSimulator();
		base = `${sim.baseUrl}/douyin`;
	});
	afterAll(() => sim.close());

	async function fresh() {
		sim.reset();
		store = new CredentialStore({ [APP]: new MediaXDouyinClientCredentialsApi(), [USER]: new MediaXDouyinOAuth2Api(), [WX]: new MediaXWeChatOfficialAccountApi() });
		store.add({ id: 'app1', name: 'Douyin app', type: APP, data: { environment: 'custom', baseUrl: base, clientKey: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' } });
		store.add({ id: 'wx1', name: 'OA', type: WX, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret' } });
		const issued = await admin(sim, '/douyin/issue-user-token', {});
		store.add({
			id: 'user1',
			name: 'Douyin account',
			type: USER,
			data: { environment: 'custom', baseUrl: base, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret', oauthTokenData: { data: { ...issued, error_code: 0, description: '' }, message: 'success' } },
		});
		sim.log.length = 0;
		return issued as { access_token: string; refresh_token: string };
	}

	/** An execution context in one process; with `latencyMs` its credential reads and writes are slow. */
	function ctx(latencyMs = 0) {
		const c = fakeContext({ store, attached: { [APP]: 'app1', [USER]: 'user1', [WX]: 'wx1' } });
		if (latencyMs) {
			const slow = slowStore(store, latencyMs);
			const helper = c.additionalData.credentialsHelper;
			helper.getCredentials = async (ref: { id: string }) => {
				const row = await slow.read(ref.id);
				return { getData: () => row.data };
			};
			helper.updateCredentials = async (ref: { id: string }, _t: string, data: Record<string, unknown>) => slow.write(ref.id, data);
			helper.updateCredentialsOauthTokenData = async (ref: { id: string }, _t: string, data: { oauthTokenData: unknown }) =>
				slow.write(ref.id, { ...(await slow.read(ref.id)).data, oauthTokenData: data.oauthTokenData });
		}
		return c;
	}

	const burst = (processes: FakeProcess[], perProcess: number, call: (p: FakeProcess) => Promise<unknown>) =>
		Promise.all(processes.flatMap((p) => Array.from({ length: perProcess }, () => call(p))));
	const ticket = (p: FakeProcess, latency = 0) => p.engine.platformRequest(ctx(latency), p.douyin.douyinAppAdapter, { method: 'GET', path: '/js/getticket/', idempotent: true });

	it('an empty Douyin client-token credential costs one client_token for three processes, not one each', async () => {
		await fresh();
		const processes = [startProcess(), startProcess(), startProcess()];
		const replies = (await burst(processes, 10, (p) => ticket(p))) as Array<{ body: { data: { ticket: string } } }>;
		expect(replies.every((r) => r.body.data.ticket)).toBe(true);
		expect(tokenRequests(sim, 'douyin', 'client_token')).toHaveLength(1);
		// every process signed with the one stored token, and the lease was released
		const stored = store.read('app1').data;
		expect(new Set(sim.log.filter((e) => e.path.includes('/js/getticket')).map((e) => e.token))).toEqual(new Set([stored.accessToken]));
		expect(stored.tokenLease).toBe('');
	});

	it('without the lease (one process per module instance, no credentials helper) each process would fetch its own', async () => {
		// the measurement the lease exists for: per-process single flight alone costs one token per process
		await fresh();
		const processes = [startProcess(), startProcess(), startProcess()];
		await burst(processes, 5, (p) => {
			const c = fakeContext({ store, attached: { [APP]: 'app1' }, noCredentialsHelper: true });
			return p.engine.platformRequest(c, p.douyin.douyinAppAdapter, { method: 'GET', path: '/js/getticket/', idempotent: true });
		});
		// at least one per process; Douyin's "latest two client tokens" rule then rejects some and costs more
		expect(tokenRequests(sim, 'douyin', 'client_token').length).toBeGreaterThanOrEqual(3);
	});

	it('a WeChat stable token expiring in a burst is renewed once across processes', async () => {
		await fresh();
		const processes = [startProcess(), startProcess()];
		await processes[0].engine.platformRequest(ctx(), processes[0].wechat.wechatAppAdapter, { method: 'GET', path: '/cgi-bin/draft/count', idempotent: true });
		store.write('wx1', { ...store.read('wx1').data, expiresAt: Date.now() + 60_000 }); // inside the renewal window
		await burst(processes, 10, (p) => p.engine.platformRequest(ctx(), p.wechat.wechatAppAdapter, { method: 'GET', path: '/cgi-bin/draft/count', idempotent: true }));
		expect(tokenRequests(sim, 'wechat')).toHaveLength(2); // the first fetch and one renewal
	});

	it('a Douyin user-token expiry costs one refresh for all processes, and the rotated refresh token is the one stored', async () => {
		const issued = await fresh();
		const processes = [startProcess(), startProcess(), startProcess()];
		const userinfo = (p: FakeProcess) => p.engine.platformRequest(ctx(), p.douyin.douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', body: {}, idempotent: true, identityInQuery: ['open_id'] });
		// the first call learns the expiry times (one refresh)
		await userinfo(processes[0]);
		const book = (fields: Record<string, number>) => {
			const data = store.read('user1').data as { oauthTokenData: { mediax: Record<string, number> } };
			Object.assign(data.oauthTokenData.mediax, fields);
			store.write('user1', data as never);
		};
		const stored = () => (store.read('user1').data as { oauthTokenData: { data: { refresh_token: string; access_token: string } } }).oauthTokenData.data;
		// the access token expires: one refresh
		book({ expires_at: Date.now() - 1 });
		await admin(sim, '/douyin/expire', { kind: 'user' });
		sim.log.length = 0;
		await burst(processes, 10, userinfo);
		expect(tokenRequests(sim, 'douyin', '/oauth/refresh_token/')).toHaveLength(1);
		expect(stored().access_token).not.toBe(issued.access_token);
		// the refresh token enters its renewal window: one renew_refresh_token, which rotates it (the old one dies)
		const before = stored().refresh_token;
		book({ refresh_expires_at: Date.now() + 86_400_000 });
		sim.log.length = 0;
		await burst(processes, 10, userinfo);
		expect(tokenRequests(sim, 'douyin', '/oauth/renew_refresh_token/')).toHaveLength(1);
		expect(stored().refresh_token).not.toBe(before);
		// the stored (rotated) refresh token still works: the next expiry is refreshed with it
		book({ expires_at: Date.now() - 1 });
		await admin(sim, '/douyin/expire', { kind: 'user' });
		await expect(userinfo(processes[1])).resolves.toBeTruthy();
		expect(tokenRequests(sim, 'douyin', '/oauth/').every((e) => (e.code ?? 0) === 0)).toBe(true);
	});

	it('holds with a slow store: five processes whose credential reads and writes take up to 80 ms still fetch one client_token', async () => {
		await fresh();
		const processes = Array.from({ length: 5 }, startProcess);
		await burst(processes, 4, (p) => ticket(p, 80));
		expect(tokenRequests(sim, 'douyin', 'client_token')).toHaveLength(1);
	});

	it('a lease whose holder died is honoured until it lapses, then another process renews', async () => {
		await fresh();
		const [p] = [startProcess()];
		const lapsesAt = Date.now() + 1500;
		store.write('app1', { ...store.read('app1').data, tokenLease: JSON.stringify({ holder: 'killed-worker/1', until: lapsesAt }) });
		await ticket(p);
		const request = tokenRequests(sim, 'douyin', 'client_token');
		expect(request).toHaveLength(1);
		expect(request[0].at).toBeGreaterThanOrEqual(lapsesAt - 50);
		expect(store.read('app1').data.tokenLease).toBe('');
	});

	it('a failed renewal releases the lease and reaches every waiting process as the platform\'s error', async () => {
		await fresh();
		const processes = [startProcess(), startProcess()];
		store.write('app1', { ...store.read('app1').data, clientSecret: 'wrong_secret' });
		const results = await Promise.allSettled(processes.flatMap((p) => [ticket(p), ticket(p)]));
		expect(results.every((r) => r.status === 'rejected')).toBe(true);
		expect(store.read('app1').data.tokenLease).toBe('');
		// each process tries at most once for its waiting executions
		expect(tokenRequests(sim, 'douyin', 'client_token').length).toBeLessThanOrEqual(2);
	});
});
