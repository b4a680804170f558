// Douyin and WeChat Official Account triggers in real n8n: the simulator pushes signed (and encrypted) events to
// the production webhook URLs; the executions n8n records are the assertion.
import { randomUUID } from 'node:crypto';
import { startN8n, type N8nHarness } from '../lib/harness';

const DOUYIN_SECRET = 'sim_douyin_secret';
const WECHAT_TOKEN = 'simtoken123';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APPID = 'wxsim0000000001';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`event triggers on n8n ${process.env.MEDIAX_N8N_VERSION ?? '2.41.1'}`, () => {
	let h: N8nHarness;
	const admin = (platform: string, action: string, body: unknown) => h.sim.platforms.get(platform)!.admin!(action, body, h.sim) as Promise<any>;

	async function triggerWorkflow(name: string, type: string, credentials: Record<string, { id: string; name: string }>, parameters: Record<string, unknown>) {
		const webhookId = randomUUID();
		const node = { id: randomUUID(), name: 'Trigger', type, typeVersion: 1, position: [0, 0], webhookId, parameters, credentials };
		const id = await h.createWorkflow({ name, nodes: [node], connections: {} });
		const url = `${h.baseUrl}/webhook/${webhookId}/webhook`;
		// right after activation n8n answers 404 "not registered" for a moment; an unsigned empty POST (refused by
		// the node, no execution) tells when it is live, so no test push is spent on that window
		for (let i = 0; i < 100; i++) {
			const probe = await fetch(url, { method: 'POST' });
			const text = await probe.text();
			if (!(probe.status === 404 && /not registered/i.test(text))) break;
			await sleep(200);
		}
		return { id, url };
	}

	async function executions(workflowId: string): Promise<any[]> {
		const r = await h.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=100`);
		return r.body?.data ?? [];
	}

	/** waits for `count` finished executions, then a little longer to see that no more arrive */
	async function settledExecutions(workflowId: string, count: number): Promise<any[]> {
		for (let i = 0; i < 100; i++) {
			const list = await executions(workflowId);
			if (list.length >= count && list.every((e) => e.finished || e.status === 'success' || e.status === 'error')) break;
			await sleep(200);
		}
		await sleep(1500);
		return executions(workflowId);
	}

	const items = (execution: any) => execution.data.resultData.runData.Trigger[0].data.main[0].map((i: any) => i.json);

	beforeAll(async () => {
		h = await startN8n();
	});
	afterAll(() => h?.stop());

	describe('Douyin', () => {
		let wf: { id: string; url: string };
		beforeAll(async () => {
			const credId = await h.createCredential({
				name: 'Douyin App',
				type: 'mediaXDouyinClientCredentialsApi',
				data: { environment: 'custom', baseUrl: `${h.sim.baseUrl}/douyin`, clientKey: 'sim_douyin_key', clientSecret: DOUYIN_SECRET },
			});
			wf = await triggerWorkflow('douyin trigger', 'n8n-nodes-mediax.mediaXDouyinTrigger', { mediaXDouyinClientCredentialsApi: { id: credId, name: 'Douyin App' } }, { events: ['new_follow_action', 'im_receive_msg'] });
		});

		it('answers the console URL check by echoing the challenge, and runs nothing for it', async () => {
			const r = await admin('douyin', 'push', { url: wf.url, event: 'verify_webhook', content: { challenge: 12345 } });
			expect(r.attempts[0].status).toBe(200);
			expect(JSON.parse(r.attempts[0].body)).toEqual({ challenge: 12345 });
			expect(r.verified).toBe(true);
			expect(await settledExecutions(wf.id, 0)).toHaveLength(0);
		});

		it('runs once per signed event with the decoded content, drops retried duplicates and unselected events', async () => {
			const follow = await admin('douyin', 'push', {
				url: wf.url,
				event: 'new_follow_action',
				from_user_id: 'fan-open-id',
				to_user_id: 'author-open-id',
				content: { action_type: 1, action_time: 1686811643 },
				duplicates: 2,
			});
			expect(follow.attempts.map((a: any) => a.status)).toEqual([200, 200, 200]);
			const digg = await admin('douyin', 'push', { url: wf.url, event: 'new_video_digg', content: { item_id: '@x' } });
			expect(digg.attempts.map((a: any) => a.status)).toEqual([200]);
			const list = await settledExecutions(wf.id, 1);
			expect(list).toHaveLength(1);
			expect(items(list[0])).toEqual([
				{
					event: 'new_follow_action',
					client_key: 'sim_douyin_key',
					from_user_id: 'fan-open-id',
					to_user_id: 'author-open-id',
					log_id: expect.any(String),
					msg_id: follow.msgId,
					content: { action_type: 1, action_time: 1686811643 },
				},
			]);
		});

		it.each([
			['a forged signature', { signature: 'forge' }, 401],
			['a missing signature header', { signature: 'omit' }, 401],
			// n8n's own JSON body parser refuses this before the node runs (422 on 2.41)
			['a malformed (signed) body', { rawBody: '{"event":"im_receive_msg",' }, 'any 4xx'],
			['a signed JSON body that is not an event', { rawBody: '["im_receive_msg"]' }, 400],
		])('rejects %s with a 4xx and runs nothing', async (_what, extra, status) => {
			const before = (await executions(wf.id)).length;
			const r = await admin('douyin', 'push', { url: wf.url, event: 'im_receive_msg', content: { text: 'hi' }, ...extra });
			// Douyin retries a failed push 3 times: every attempt is refused
			const statuses = r.attempts.map((a: any) => a.status);
			expect(statuses).toHaveLength(4);
			for (const s of statuses) {
				if (status === 'any 4xx') expect(s >= 400 && s < 500).toBe(true);
				else expect(s).toBe(status);
			}
			expect(r.attempts[0].body).not.toContain(DOUYIN_SECRET);
			expect(await settledExecutions(wf.id, before)).toHaveLength(before);
		});
	});

	describe('WeChat Official Account', () => {
		let credential: Record<string, { id: string; name: string }>;
		beforeAll(async () => {
			const id = await h.createCredential({ name: 'WeChat Server', type: 'mediaXWeChatOfficialAccountServerApi', data: { appId: APPID, token: WECHAT_TOKEN, encodingAesSecretKey: AES_KEY } });
			credential = { mediaXWeChatOfficialAccountServerApi: { id, name: 'WeChat Server' } };
		});

		it('echoes echostr for a correctly signed URL check and refuses a forged one', async () => {
			const wf = await triggerWorkflow('wechat url check', 'n8n-nodes-mediax.mediaXWeChatOfficialAccountTrigger', credential, {});
			const ok = await admin('wechat', 'verify-url', { url: wf.url });
			expect(ok).toMatchObject({ status: 200, verified: true });
			const forged = await admin('wechat', 'verify-url', { url: wf.url, signature: 'forge' });
			expect(forged.status).toBe(403);
			expect(forged.body).not.toBe(forged.echostr);
			expect(await settledExecutions(wf.id, 0)).toHaveLength(0);
		});

		it('takes plain and compatible pushes, filters by type and drops WeChat\'s retries of a message', async () => {
			const wf = await triggerWorkflow('wechat plain', 'n8n-nodes-mediax.mediaXWeChatOfficialAccountTrigger', credential, { updates: ['message.text', 'event.subscribe'] });
			const text = await admin('wechat', 'push', { url: wf.url, mode: 'plain', message: { MsgType: 'text', Content: '你好 <n8n>', MsgId: '1001' }, duplicates: 2 });
			expect(text.attempts.map((a: any) => [a.status, a.body])).toEqual([[200, 'success'], [200, 'success'], [200, 'success']]);
			const subscribe = await admin('wechat', 'push', { url: wf.url, mode: 'compatible', message: { MsgType: 'event', Event: 'subscribe', EventKey: '' } });
			expect(subscribe.query.encrypt_type).toBe('aes');
			expect(subscribe.attempts[0].status).toBe(200);
			const click = await admin('wechat', 'push', { url: wf.url, mode: 'plain', message: { MsgType: 'event', Event: 'CLICK', EventKey: 'MENU_1' } });
			expect(click.attempts[0]).toMatchObject({ status: 200, body: 'success' });
			const list = await settledExecutions(wf.id, 2);
			expect(list).toHaveLength(2);
			const all = list.flatMap(items).sort((a: any, b: any) => a.MsgType.localeCompare(b.MsgType));
			expect(all[0]).toMatchObject({ MsgType: 'event', Event: 'subscribe', ToUserName: 'gh_sim0000001', FromUserName: 'oSimUser000000000000000001' });
			expect(all[0].Encrypt).toBeUndefined();
			expect(all[1]).toEqual({ ToUserName: 'gh_sim0000001', FromUserName: 'oSimUser000000000000000001', CreateTime: expect.stringMatching(/^\d+$/), MsgType: 'text', Content: '你好 <n8n>', MsgId: '1001' });
		});

		it('decrypts safe-mode pushes and answers an encrypted, signed passive reply that WeChat can read', async () => {
			const wf = await triggerWorkflow('wechat safe', 'n8n-nodes-mediax.mediaXWeChatOfficialAccountTrigger', credential, { reply: 'text', replyText: 'Thanks, we got it', options: { requireEncryption: true } });
			const r = await admin('wechat', 'push', { url: wf.url, mode: 'safe', message: { MsgType: 'text', Content: 'safe hello', MsgId: '2002' } });
			expect(r.body).toContain('<Encrypt>');
			expect(r.body).not.toContain('safe hello');
			expect(r.attempts[0].status).toBe(200);
			expect(r.reply).toMatchObject({ kind: 'reply', signatureValid: true, appIdValid: true });
			expect(r.reply.fields).toMatchObject({ ToUserName: 'oSimUser000000000000000001', FromUserName: 'gh_sim0000001', MsgType: 'text', Content: 'Thanks, we got it' });
			const list = await settledExecutions(wf.id, 1);
			expect(list).toHaveLength(1);
			expect(items(list[0])).toEqual([expect.objectContaining({ MsgType: 'text', Content: 'safe hello', MsgId: '2002' })]);

			// refused, each with a 4xx and no execution
			const refused = [
				await admin('wechat', 'push', { url: wf.url, mode: 'safe', signature: 'forge', message: { MsgType: 'text', Content: 'x', MsgId: '2003' } }),
				await admin('wechat', 'push', { url: wf.url, mode: 'safe', signature: 'omit', message: { MsgType: 'text', Content: 'x', MsgId: '2004' } }),
				await admin('wechat', 'push', { url: wf.url, mode: 'safe', encryptForAppId: 'wxother000000001', message: { MsgType: 'text', Content: 'x', MsgId: '2005' } }),
				await admin('wechat', 'push', { url: wf.url, mode: 'safe', rawBody: '<xml><MsgType>text</MsgType>', message: {} }),
				await admin('wechat', 'push', { url: wf.url, mode: 'plain', message: { MsgType: 'text', Content: 'x', MsgId: '2006' } }),
				await admin('wechat', 'push', { url: wf.url, mode: 'safe', timestamp: Math.floor(Date.now() / 1000) - 3600, message: { MsgType: 'text', Content: 'x', MsgId: '2007' } }),
			];
			for (const x of refused) {
				expect(x.attempts[0].status).toBeGreaterThanOrEqual(400);
				expect(x.attempts[0].status).toBeLessThan(500);
				expect(x.attempts[0].body).not.toContain(WECHAT_TOKEN);
				expect(x.attempts[0].body).not.toContain(AES_KEY);
			}
			// a signed query replayed with another body: the nonce was used
			const replay = await admin('wechat', 'push', { url: wf.url, mode: 'safe', timestamp: Number(r.query.timestamp), nonce: r.query.nonce, message: { MsgType: 'text', Content: 'replayed', MsgId: '2008' } });
			expect(replay.attempts[0].status).toBe(403);
			expect(await settledExecutions(wf.id, 1)).toHaveLength(1);
		});
	});
});
