import { MediaXDouyinClientCredentialsApi } from '../../credentials/MediaXDouyinClientCredentialsApi.credentials';
import { platformRequest } from '../../nodes/shared/engine/engine';
import { douyinAppAdapter } from '../../nodes/shared/platforms/douyin';
import { CredentialStore, fakeContext, testCredential } from '../helpers/fakeN8n';
import { startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const APP = 'mediaXDouyinClientCredentialsApi';

/** Douyin keeps only the latest two client tokens valid: a Test must not spend tokens that running executions hold. */
describe('credential Test of the Douyin client credentials', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	let base: string;
	beforeAll(async () => {
		sim = await startSimulator();
		base = `${sim.baseUrl}/douyin`;
	});
	afterAll(() => sim.close());

	function fresh(secret = 'sim_douyin_secret') {
		sim.reset();
		store = new CredentialStore({ [APP]: new MediaXDouyinClientCredentialsApi() });
		store.add({ id: 'app1', name: 'Douyin app', type: APP, data: { environment: 'custom', baseUrl: base, clientKey: 'sim_douyin_key', clientSecret: secret } });
	}
	const ticket = () => platformRequest(fakeContext({ store, attached: { [APP]: 'app1' } }), douyinAppAdapter, { method: 'GET', path: '/js/getticket/', idempotent: true });
	const clientTokens = () => tokenRequests(sim, 'douyin', 'client_token');

	it('makes one token request on a credential that holds none, and stores that token', async () => {
		fresh();
		expect(await testCredential(store, APP, 'app1')).toMatchObject({ status: 'OK' });
		expect(clientTokens()).toHaveLength(1);
		const stored = store.read('app1').data;
		expect(sim.log.at(-1)?.token).toBe(stored.accessToken);
		// the next run uses the token the Test stored
		await ticket();
		expect(clientTokens()).toHaveLength(1);
	});

	it('makes no token request while the stored token is valid, so the token executions hold stays valid', async () => {
		fresh();
		await ticket();
		const held = String(store.read('app1').data.accessToken);
		for (let i = 0; i < 3; i++) expect(await testCredential(store, APP, 'app1')).toMatchObject({ status: 'OK' });
		expect(clientTokens()).toHaveLength(1);
		const check = await (await fetch(`${base}/js/getticket/`, { headers: { 'access-token': held } })).json();
		expect(check.data.error_code ?? 0).toBe(0);
		expect(sim.log.filter((e) => e.token === held && e.code !== 0 && e.code !== undefined)).toEqual([]);
	});

	it('asks the token endpoint once when the stored token has expired, and reports a wrong secret with Douyin\'s code', async () => {
		fresh();
		await ticket();
		store.write('app1', { ...store.read('app1').data, expiresAt: Date.now() - 1000 });
		expect(await testCredential(store, APP, 'app1')).toMatchObject({ status: 'OK' });
		expect(clientTokens()).toHaveLength(2);
		fresh('definitely-wrong-secret');
		const wrong = await testCredential(store, APP, 'app1');
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/10013/);
		expect(wrong.message).not.toContain('definitely-wrong-secret');
		expect(clientTokens()).toHaveLength(1);
	});
});
