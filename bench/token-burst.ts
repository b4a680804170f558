// Fires bursts of concurrent executions at one credential with an empty (or rejected) token and prints how many
// token requests the platform saw and how long the burst took. Runs the engine in-process against the simulator.
//   npx tsx bench/token-burst.ts [--bursts 20,100,500]
import { MediaXDouyinClientCredentialsApi } from '../credentials/MediaXDouyinClientCredentialsApi.credentials';
import { MediaXWeChatOfficialAccountApi } from '../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { platformRequest } from '../nodes/shared/engine/engine';
import { douyinAppAdapter } from '../nodes/shared/platforms/douyin';
import { wechatAppAdapter } from '../nodes/shared/platforms/wechat';
import { startSimulator } from '../simulator/src/server';
import { CredentialStore, fakeContext } from '../test/helpers/fakeN8n';

async function main() {
	const i = process.argv.indexOf('--bursts');
	const bursts = (i > 0 ? process.argv[i + 1] : '20,100,500').split(',').map(Number);
	const sim = await startSimulator();
	const cases = [
		{ label: 'Douyin client_token', type: 'mediaXDouyinClientCredentialsApi', cred: new MediaXDouyinClientCredentialsApi(), adapter: douyinAppAdapter, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/douyin`, clientKey: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' }, path: '/js/getticket/' },
		{ label: 'WeChat stable token', type: 'mediaXWeChatOfficialAccountApi', cred: new MediaXWeChatOfficialAccountApi(), adapter: wechatAppAdapter, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret' }, path: '/cgi-bin/draft/count' },
	];
	console.log('platform             | executions | token requests (empty) | token requests (revoked) | ms');
	for (const c of cases) {
		for (const n of bursts) {
			sim.reset();
			const store = new CredentialStore({ [c.type]: c.cred });
			store.add({ id: 'c1', name: c.label, type: c.type, data: c.data });
			const ctx = () => fakeContext({ store, attached: { [c.type]: 'c1' } });
			const burst = () => Promise.all(Array.from({ length: n }, () => platformRequest(ctx(), c.adapter, { method: 'GET', path: c.path, idempotent: true })));
			const t0 = Date.now();
			await burst();
			const empty = sim.log.filter((e) => e.category === 'token-request').length;
			await sim.platforms.get(c.adapter.platform)!.admin!('revoke', { kind: 'client' }, sim);
			sim.log.length = 0;
			await burst();
			const revoked = sim.log.filter((e) => e.category === 'token-request').length;
			console.log(`${c.label.padEnd(20)} | ${String(n).padStart(10)} | ${String(empty).padStart(22)} | ${String(revoked).padStart(24)} | ${Date.now() - t0}`);
		}
	}
	await sim.close();
}

void main();
