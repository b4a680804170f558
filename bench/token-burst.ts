// Fires bursts of concurrent executions at one credential with an empty (or rejected) token and counts the token
// requests the platform saw. Runs the engine in-process (a fake n8n) against the simulator; the baseline is one
// token fetch per execution, what a node that fetches a token per execution makes.
//   npx tsx bench/token-burst.ts [--bursts 20,100,500]
import { MediaXDouyinClientCredentialsApi } from '../credentials/MediaXDouyinClientCredentialsApi.credentials';
import { MediaXWeChatOfficialAccountApi } from '../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { platformRequest } from '../nodes/shared/engine/engine';
import { douyinAppAdapter } from '../nodes/shared/platforms/douyin';
import { wechatAppAdapter } from '../nodes/shared/platforms/wechat';
import { startSimulator } from '../simulator/src/server';
import { CredentialStore, fakeContext } from '../test/helpers/fakeN8n';
import { arg, runAlone, type BenchRow } from './table';

export async function tokenBurst(opts: { bursts?: number[]; log?: (m: string) => void } = {}): Promise<{ rows: BenchRow[]; report: string }> {
	const bursts = opts.bursts ?? [20, 100, 500];
	const log = opts.log ?? ((m: string) => console.log(m));
	const sim = await startSimulator({ quiet: true });
	const rows: BenchRow[] = [];
	const lines = ['platform             | executions | token requests (empty) | token requests (revoked) | ms'];
	try {
		const cases = [
			{ label: 'Douyin client_token', type: 'mediaXDouyinClientCredentialsApi', cred: new MediaXDouyinClientCredentialsApi(), adapter: douyinAppAdapter, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/douyin`, clientKey: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' }, path: '/js/getticket/' },
			{ label: 'WeChat stable token', type: 'mediaXWeChatOfficialAccountApi', cred: new MediaXWeChatOfficialAccountApi(), adapter: wechatAppAdapter, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret' }, path: '/cgi-bin/draft/count' },
		];
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
				const line = `${c.label.padEnd(20)} | ${String(n).padStart(10)} | ${String(empty).padStart(22)} | ${String(revoked).padStart(24)} | ${Date.now() - t0}`;
				lines.push(line);
				log(`[token-burst] ${line}`);
				const row = (when: string, value: number): BenchRow => ({
					figure: `token requests, ${n} concurrent executions, ${when}, ${c.label} (in-process)`,
					value,
					unit: '',
					baseline: n,
					baselineLabel: 'a fetch per execution',
					target: '1 per burst',
					met: value === 1,
				});
				rows.push(row('empty credential', empty), row('token revoked', revoked));
			}
		}
	} finally {
		await sim.close();
	}
	return { rows, report: lines.join('\n') };
}

if (require.main === module) runAlone(tokenBurst({ bursts: arg('bursts', '20,100,500').split(',').map(Number), log: () => undefined }));
