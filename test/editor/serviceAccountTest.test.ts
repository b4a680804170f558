// Issue 11, failure 4: the Test of a Google service account credential proves that its e-mail and private key work.
// n8n runs preAuthentication only for a credential that holds no token, and builds the Test's request before it;
// the credential's authenticate turns the marked request into Google's tokeninfo for a usable token, or into the
// signed token request itself when the held token was issued for other settings.
import { generateKeyPairSync } from 'node:crypto';
import { MediaXGoogleServiceAccountApi } from '../../credentials/MediaXGoogleServiceAccountApi.credentials';
import { googleTokenInfoUrl } from '../../nodes/shared/platforms/google';
import { CredentialStore, testCredential } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const SA = 'mediaXGoogleServiceAccountApi';

describe('credential Test of the Google service account', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	let key: { client_email: string; private_key: string };
	beforeAll(async () => {
		sim = await startSimulator();
		key = await admin(sim, '/google/service-account');
	});
	afterAll(() => sim.close());

	function fresh(data: Record<string, unknown> = {}) {
		sim.reset();
		store = new CredentialStore({ [SA]: new MediaXGoogleServiceAccountApi() });
		// as the editor saves it: defaults untouched (no scopes stored), the token fields empty
		store.add({ id: 'sa', name: 'SA', type: SA, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/google`, email: key.client_email, privateKey: key.private_key, accessToken: '', ...data } });
	}
	const jwtGrants = () => tokenRequests(sim, 'google').filter((e) => e.note?.startsWith('jwt-bearer'));
	const tokenInfos = () => sim.log.filter((e) => e.platform === 'google' && e.path.endsWith('/tokeninfo'));

	it('on a new credential: one signed token request, the token stored, and tokeninfo accepts that token', async () => {
		fresh();
		expect(await testCredential(store, SA, 'sa')).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(jwtGrants()).toHaveLength(1);
		const stored = store.read('sa').data;
		expect(stored.accessToken).toBeTruthy();
		expect(tokenInfos()).toHaveLength(1);
		expect(tokenInfos()[0].code).toBe(0);
	});

	it('with a usable stored token: no new token, tokeninfo checks the held one', async () => {
		fresh();
		await testCredential(store, SA, 'sa');
		expect(await testCredential(store, SA, 'sa')).toMatchObject({ status: 'OK' });
		expect(jwtGrants()).toHaveLength(1);
		expect(tokenInfos()).toHaveLength(2);
	});

	it('with a token issued for another account and a key that does not match: Google refuses, the Test says what to check', async () => {
		fresh();
		await testCredential(store, SA, 'sa');
		const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		store.write('sa', { ...store.read('sa').data, email: 'someone-else@sim-project.iam.gserviceaccount.com', privateKey: other });
		const result = await testCredential(store, SA, 'sa');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Service Account Email and Private Key/);
		expect(result.message).not.toContain('PRIVATE KEY-----');
		// the Test asked the token endpoint, not tokeninfo with the old account's token
		expect(jwtGrants()).toHaveLength(1);
		expect(tokenRequests(sim, 'google')).toHaveLength(2);
		expect(tokenInfos()).toHaveLength(1);
	});

	it('with a token issued for other settings and a working key: the signed token request passes', async () => {
		fresh();
		await testCredential(store, SA, 'sa');
		store.write('sa', { ...store.read('sa').data, tokenFor: 'issued-for-other-settings' });
		expect(await testCredential(store, SA, 'sa')).toMatchObject({ status: 'OK' });
		expect(jwtGrants()).toHaveLength(2);
	});

	it('a private key that cannot sign: the Test says so without a request', async () => {
		fresh({ privateKey: 'not a key' });
		const result = await testCredential(store, SA, 'sa');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/private key could not sign/);
		expect(jwtGrants()).toHaveLength(0);
	});

	it('the simulator\'s tokeninfo reads the token from the access_token parameter only, as Google documents', async () => {
		fresh();
		await testCredential(store, SA, 'sa');
		const token = String(store.read('sa').data.accessToken);
		const url = `${sim.baseUrl}/google/tokeninfo`;
		const ok = await fetch(`${url}?access_token=${encodeURIComponent(token)}`);
		expect(ok.status).toBe(200);
		expect((await ok.json()).scope).toBe('https://www.googleapis.com/auth/blogger');
		const header = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
		expect(header.status).toBe(400);
		expect((await header.json()).error).toBe('invalid_request');
		const dead = await fetch(`${url}?access_token=ya29.not-a-token`);
		expect(await dead.json()).toEqual({ error: 'invalid_token', error_description: 'Invalid Value' });
	});

	it('tokeninfo sits next to the token endpoint', () => {
		expect(googleTokenInfoUrl({})).toBe('https://oauth2.googleapis.com/tokeninfo');
		expect(googleTokenInfoUrl({ environment: 'custom', baseUrl: 'http://127.0.0.1:4100/google' })).toBe('http://127.0.0.1:4100/google/tokeninfo');
		expect(googleTokenInfoUrl({ environment: 'custom', tokenUrl: 'https://relay.example.com/oauth/v4/token' })).toBe('https://relay.example.com/oauth/v4/tokeninfo');
	});
});
