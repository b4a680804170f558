import { MediaXWeChatOAuth2Api } from '../../credentials/MediaXWeChatOAuth2Api.credentials';
import { MediaXWeChatOfficialAccountApi } from '../../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { MediaXWeChatOfficialAccount } from '../../nodes/MediaXWeChatOfficialAccount/MediaXWeChatOfficialAccount.node';
import { CredentialStore, fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const WEB = 'mediaXWeChatOAuth2Api';
const OA = 'mediaXWeChatOfficialAccountApi';

describe('WeChat web authorization credential', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	const run = (parameters: Record<string, unknown>, attached: Record<string, string> = { [WEB]: 'web1' }) =>
		new MediaXWeChatOfficialAccount().execute.call(fakeContext({ store, attached, parameters }));

	function fresh(scope = 'snsapi_userinfo') {
		sim.reset();
		store = new CredentialStore({ [WEB]: new MediaXWeChatOAuth2Api(), [OA]: new MediaXWeChatOfficialAccountApi() });
		store.add({
			id: 'web1',
			name: 'WeChat login',
			type: WEB,
			data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret', scope, redirectUri: 'http://127.0.0.1:9/wechat/callback' },
		});
	}

	/** what a person does in the browser: open the link, approve, read code= from the redirect */
	async function approve(url: string): Promise<string> {
		const page = await (await fetch(url)).text();
		const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1] ?? '';
		const inputs = [...page.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]);
		const form = new URLSearchParams(inputs as [string, string][]);
		form.set('decision', 'agree');
		const res = await fetch(new URL(action.replace(/&amp;/g, '&'), url), { method: 'POST', body: form, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		const location = res.headers.get('location') ?? '';
		return new URL(location).searchParams.get('code') ?? '';
	}

	it('builds the consent link, exchanges the pasted code once, reads the profile and refreshes when due', async () => {
		fresh();
		const [[link]] = await run({ resource: 'webAuthorization', operation: 'getAuthorizationUrl' });
		expect(String(link.json.url)).toMatch(/\/connect\/oauth2\/authorize\?appid=wxsim0000000001&redirect_uri=.*&response_type=code&scope=snsapi_userinfo&state=.*#wechat_redirect$/);
		expect(sim.log).toHaveLength(0);
		const code = await approve(String(link.json.url).replace('#wechat_redirect', ''));
		expect(code).toBeTruthy();
		store.write('web1', { ...store.read('web1').data, authCode: code });

		const [[user]] = await run({ resource: 'webAuthorization', operation: 'getUserInfo', lang: 'en' });
		expect(user.json.openid).toBeTruthy();
		expect(user.json.unionid).toBeTruthy();
		const stored = store.read('web1').data;
		expect(stored.authCode).toBe('');
		expect(stored.openid).toBe(user.json.openid);
		expect(tokenRequests(sim, 'wechat').map((e) => e.path)).toEqual(['/sns/oauth2/access_token']);

		// two hours later: the engine refreshes ahead of expiry with the 30-day refresh token
		store.write('web1', { ...store.read('web1').data, expiresAt: Date.now() + 1000 });
		const [[check]] = await run({ resource: 'webAuthorization', operation: 'checkToken' });
		expect(check.json.valid).toBe(true);
		expect(tokenRequests(sim, 'wechat').map((e) => e.path)).toEqual(['/sns/oauth2/access_token', '/sns/oauth2/refresh_token']);
		expect(JSON.stringify([user, check])).not.toContain(String(store.read('web1').data.accessToken));
	});

	it('exchanges a newly pasted code even while the previous token is valid, and keeps only its hash', async () => {
		fresh();
		const [[link]] = await run({ resource: 'webAuthorization', operation: 'getAuthorizationUrl' });
		const url = String(link.json.url).replace('#wechat_redirect', '');
		const first = await approve(url);
		store.write('web1', { ...store.read('web1').data, authCode: first });
		await run({ resource: 'webAuthorization', operation: 'getUserInfo', lang: 'en' });
		const before = store.read('web1').data;
		expect(Number(before.expiresAt)).toBeGreaterThan(Date.now() + 3600_000); // the first token is far from expiry

		const second = await approve(url);
		expect(second).not.toBe(first);
		store.write('web1', { ...store.read('web1').data, authCode: second });
		const [[user]] = await run({ resource: 'webAuthorization', operation: 'getUserInfo', lang: 'en' });
		expect(user.json.openid).toBeTruthy();
		const exchanges = tokenRequests(sim, 'wechat').filter((e) => e.path === '/sns/oauth2/access_token');
		expect(exchanges.map((e) => e.query.code)).toEqual([first, second]);
		const after = store.read('web1').data;
		expect(after.accessToken).not.toBe(before.accessToken);
		expect(after.authCode).toBe('');
		expect(JSON.stringify(after)).not.toContain(second);
		expect(JSON.stringify(after)).not.toContain(first);
		expect(after.usedAuthCode).toMatch(/^[0-9a-f]{64}$/);
		expect(sim.log.at(-1)?.token).toBe(after.accessToken);

		// pasting the used code again does not spend a request on it
		store.write('web1', { ...store.read('web1').data, authCode: second });
		await run({ resource: 'webAuthorization', operation: 'getUserInfo', lang: 'en' });
		expect(tokenRequests(sim, 'wechat').filter((e) => e.path === '/sns/oauth2/access_token')).toHaveLength(2);
	});

	it('reports a reused code with the errcode and what to do', async () => {
		fresh();
		const [[link]] = await run({ resource: 'webAuthorization', operation: 'getAuthorizationUrl' });
		const code = await approve(String(link.json.url).replace('#wechat_redirect', ''));
		await fetch(`${sim.baseUrl}/wechat/sns/oauth2/access_token?appid=wxsim0000000001&secret=sim_wechat_secret&code=${code}&grant_type=authorization_code`);
		store.write('web1', { ...store.read('web1').data, authCode: code });
		const error = await run({ resource: 'webAuthorization', operation: 'getUserInfo', lang: 'en' }).catch((e) => e);
		expect(String(error.message)).toMatch(/40163/);
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain('sim_wechat_secret');
	});

	it('names the web credential when only the official-account one is attached', async () => {
		fresh();
		store.add({ id: 'oa1', name: 'OA', type: OA, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret' } });
		await expect(run({ resource: 'webAuthorization', operation: 'getUserInfo', lang: 'en' }, { [OA]: 'oa1' })).rejects.toThrow(/MediaX WeChat OAuth2 API/);
		void admin;
	});
});
