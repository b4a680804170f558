// The two trigger nodes' webhook() behind a tiny HTTP server, fed by the simulator's push code (written
// independently of the node's): what the platform gets back and which items a run would start with.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';
import { MediaXDouyinTrigger } from '../../nodes/MediaXDouyinTrigger/MediaXDouyinTrigger.node';
import { MediaXWeChatOfficialAccountTrigger } from '../../nodes/MediaXWeChatOfficialAccountTrigger/MediaXWeChatOfficialAccountTrigger.node';
import { pushDouyinEvent } from '../../simulator/src/platforms/douyin/push';
import { checkWeChatServerUrl, pushWeChatMessage } from '../../simulator/src/platforms/wechat/push';

interface Harness {
	url: string;
	runs: INodeExecutionData[][];
	params: IDataObject;
	close(): Promise<void>;
}

let workflowSeq = 0;

async function serve(node: { webhook(this: IWebhookFunctions): Promise<any> }, credentials: IDataObject, params: IDataObject = {}): Promise<Harness> {
	const runs: INodeExecutionData[][] = [];
	const workflowId = `wf-${++workflowSeq}`;
	const h: Partial<Harness> = { runs, params };
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', async () => {
			const url = new URL(req.url ?? '/', 'http://x');
			let status = 200;
			let type = 'text/html';
			const response = {
				status(n: number) {
					status = n;
					return response;
				},
				type(t: string) {
					type = t;
					return response;
				},
				send(body: string) {
					res.writeHead(status, { 'content-type': type });
					res.end(body);
					return response;
				},
			};
			const ctx = {
				getCredentials: async () => ({ ...credentials }),
				getRequestObject: () => ({ rawBody: Buffer.concat(chunks) }),
				getResponseObject: () => response,
				getHeaderData: () => req.headers,
				getQueryData: () => Object.fromEntries(url.searchParams),
				getNodeParameter: (name: string, fallback: unknown) => (h.params![name] ?? fallback),
				getNode: () => ({ id: 'node-1', name: 'Trigger' }),
				getWorkflow: () => ({ id: workflowId }),
				getWebhookName: () => (req.method === 'GET' ? 'setup' : 'default'),
			} as unknown as IWebhookFunctions;
			try {
				const result = await node.webhook.call(ctx);
				if (result.workflowData) runs.push(result.workflowData[0]);
			} catch (e) {
				if (!res.headersSent) {
					res.writeHead(500);
					res.end(String((e as Error).message));
				}
			}
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	h.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	h.close = () => new Promise<void>((r) => server.close(() => r()));
	return h as Harness;
}

describe('MediaX Douyin Trigger webhook', () => {
	let h: Harness;
	beforeEach(async () => {
		h = await serve(new MediaXDouyinTrigger(), { clientKey: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' }, { events: ['im_receive_msg'] });
	});
	afterEach(() => h.close());

	it('echoes the URL check challenge as JSON and starts nothing', async () => {
		const r = await pushDouyinEvent({ url: h.url, event: 'verify_webhook', content: { challenge: 777 } });
		expect(r.verified).toBe(true);
		expect(r.attempts[0].contentType).toContain('application/json');
		expect(h.runs).toHaveLength(0);
	});

	it('starts one run per Msg-Id with the decoded content, however often Douyin retries it', async () => {
		const r = await pushDouyinEvent({ url: h.url, event: 'im_receive_msg', from_user_id: 'u1', to_user_id: 'u2', content: { message_type: 'text', text: '你好' }, duplicates: 3 });
		expect(r.attempts.map((a) => a.status)).toEqual([200, 200, 200, 200]);
		expect(h.runs).toHaveLength(1);
		expect(h.runs[0]).toEqual([{ json: expect.objectContaining({ event: 'im_receive_msg', from_user_id: 'u1', to_user_id: 'u2', client_key: 'sim_douyin_key', msg_id: r.msgId, content: { message_type: 'text', text: '你好' } }) }]);
	});

	it('acknowledges events outside the filter without a run; Any Event takes them', async () => {
		await pushDouyinEvent({ url: h.url, event: 'new_follow_action', content: { action_type: 1 } });
		expect(h.runs).toHaveLength(0);
		h.params.events = ['*'];
		await pushDouyinEvent({ url: h.url, event: 'new_follow_action', content: { action_type: 1 } });
		expect(h.runs).toHaveLength(1);
	});

	it.each([
		['a forged signature', { signature: 'forge' as const }, 401],
		['no signature', { signature: 'omit' as const }, 401],
		['malformed JSON', { rawBody: '{"event":' }, 400],
		['JSON without event', { rawBody: '{"content":"{}"}' }, 400],
	])('refuses %s with a 4xx on every retry and starts nothing', async (_what, extra, status) => {
		const r = await pushDouyinEvent({ url: h.url, event: 'im_receive_msg', ...extra });
		expect(r.attempts.map((a) => a.status)).toEqual([status, status, status, status]);
		expect(r.attempts[0].body).not.toContain('sim_douyin_secret');
		expect(h.runs).toHaveLength(0);
	});
});

describe('MediaX WeChat Official Account Trigger webhook', () => {
	const credentials = { appId: 'wxsim0000000001', token: 'simtoken123', encodingAesSecretKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' };
	let h: Harness;
	beforeEach(async () => {
		h = await serve(new MediaXWeChatOfficialAccountTrigger(), credentials);
	});
	afterEach(() => h.close());

	it('answers the URL check with echostr only when signed with the Token', async () => {
		expect(await checkWeChatServerUrl({ url: h.url }, Date.now())).toMatchObject({ status: 200, verified: true });
		expect(await checkWeChatServerUrl({ url: h.url, signature: 'forge' }, Date.now())).toMatchObject({ status: 403, verified: false });
		expect(await checkWeChatServerUrl({ url: h.url, signature: 'omit' }, Date.now())).toMatchObject({ status: 400, verified: false });
		expect(h.runs).toHaveLength(0);
	});

	it.each(['plain', 'compatible', 'safe'] as const)('reads a %s-mode text message, answers success, and drops its retries', async (mode) => {
		const r = await pushWeChatMessage({ url: h.url, mode, message: { MsgType: 'text', Content: `hi ${mode}`, MsgId: `m-${mode}` }, duplicates: 2 }, Date.now());
		expect(r.attempts.map((a) => [a.status, a.body])).toEqual([[200, 'success'], [200, 'success'], [200, 'success']]);
		expect(h.runs).toHaveLength(1);
		expect(h.runs[0][0].json).toMatchObject({ MsgType: 'text', Content: `hi ${mode}`, MsgId: `m-${mode}` });
		expect(h.runs[0][0].json.Encrypt).toBeUndefined();
	});

	it('dedups events by FromUserName + CreateTime and filters by type', async () => {
		h.params.updates = ['event.subscribe'];
		const now = Date.now();
		const sub = { MsgType: 'event', Event: 'subscribe', CreateTime: 1700000000 };
		await pushWeChatMessage({ url: h.url, message: sub }, now);
		await pushWeChatMessage({ url: h.url, message: sub }, now);
		await pushWeChatMessage({ url: h.url, message: { ...sub, CreateTime: 1700000001 } }, now);
		await pushWeChatMessage({ url: h.url, message: { MsgType: 'event', Event: 'unsubscribe' } }, now);
		expect(h.runs.map((run) => run[0].json.CreateTime)).toEqual(['1700000000', '1700000001']);
	});

	it('sends passive replies: plain XML in plain mode, encrypted and signed in safe mode', async () => {
		h.params.reply = 'news';
		h.params.replyArticles = { article: [{ title: 'T', description: 'D', picUrl: 'https://p/x.png', url: 'https://u/1' }] };
		const plain = await pushWeChatMessage({ url: h.url, mode: 'plain', message: { MsgType: 'text', Content: 'a', MsgId: 'r1' } }, Date.now());
		expect(plain.reply).toMatchObject({ kind: 'reply', fields: { MsgType: 'news', ArticleCount: '1', ToUserName: 'oSimUser000000000000000001', FromUserName: 'gh_sim0000001', Articles: { item: { Title: 'T', Url: 'https://u/1' } } } });
		h.params.reply = 'image';
		h.params.replyMediaId = 'MEDIA_1';
		const safe = await pushWeChatMessage({ url: h.url, mode: 'safe', message: { MsgType: 'text', Content: 'b', MsgId: 'r2' } }, Date.now());
		expect(safe.reply).toMatchObject({ kind: 'reply', signatureValid: true, appIdValid: true, fields: { MsgType: 'image', Image: { MediaId: 'MEDIA_1' } } });
		expect(safe.attempts[0].body).not.toContain('MEDIA_1');
	});

	it('acknowledges and still runs when the reply setting is empty, naming the problem in the item', async () => {
		h.params.reply = 'text';
		const r = await pushWeChatMessage({ url: h.url, message: { MsgType: 'text', Content: 'a', MsgId: 'e1' } }, Date.now());
		expect(r.attempts[0].body).toBe('success');
		expect(h.runs[0][0].json.replyProblem).toBe('Reply Text is empty');
	});

	it.each([
		['a forged signature', { signature: 'forge' as const }, 403],
		['no signature', { signature: 'omit' as const }, 403],
		['another AppID inside the ciphertext', { encryptForAppId: 'wxother' }, 403],
		['malformed XML inside the ciphertext', { rawBody: '<xml><MsgType>' }, 400],
		['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 301 }, 403],
	])('refuses a safe push with %s and starts nothing', async (_what, extra, status) => {
		const r = await pushWeChatMessage({ url: h.url, mode: 'safe', message: { MsgType: 'text', Content: 'x', MsgId: `bad-${status}` }, retries: 0, ...extra }, Date.now());
		expect(r.attempts[0].status).toBe(status);
		expect(r.attempts[0].body).not.toContain(credentials.token);
		expect(h.runs).toHaveLength(0);
	});

	it('refuses a plain push when encryption is required, and a replayed timestamp + nonce with another body', async () => {
		h.params.options = { requireEncryption: true };
		const plain = await pushWeChatMessage({ url: h.url, mode: 'plain', message: { MsgType: 'text', Content: 'x', MsgId: 'p1' }, retries: 0 }, Date.now());
		expect(plain.attempts[0].status).toBe(403);
		const first = await pushWeChatMessage({ url: h.url, mode: 'safe', message: { MsgType: 'text', Content: 'x', MsgId: 'p2' } }, Date.now());
		expect(first.attempts[0].status).toBe(200);
		const replay = await pushWeChatMessage({ url: h.url, mode: 'safe', timestamp: Number(first.query.timestamp), nonce: first.query.nonce, message: { MsgType: 'text', Content: 'y', MsgId: 'p3' }, retries: 0 }, Date.now());
		expect(replay.attempts[0].status).toBe(403);
		expect(h.runs).toHaveLength(1);
	});

	it('rejects a credential of the wrong shape in its Test and answers 500 to pushes rather than guessing', async () => {
		const node = new MediaXWeChatOfficialAccountTrigger();
		const test = node.methods.credentialTest.mediaXWeChatServerConfigShape;
		const run = (data: IDataObject) => test.call({} as never, { id: '1', name: 'c', type: 'mediaXWeChatOfficialAccountServerApi', data });
		expect(await run(credentials)).toMatchObject({ status: 'OK' });
		expect(await run({ ...credentials, encodingAesSecretKey: '' })).toMatchObject({ status: 'OK' });
		expect(await run({ ...credentials, token: 'ab' })).toMatchObject({ status: 'Error', message: expect.stringContaining('Token') });
		expect(await run({ ...credentials, token: 'has space' })).toMatchObject({ status: 'Error', message: expect.stringContaining('Token') });
		expect(await run({ ...credentials, encodingAesSecretKey: 'short' })).toMatchObject({ status: 'Error', message: expect.stringContaining('EncodingAESKey') });
		expect(await run({ ...credentials, appId: '' })).toMatchObject({ status: 'Error', message: expect.stringContaining('AppID') });
		const bad = await serve(new MediaXWeChatOfficialAccountTrigger(), { ...credentials, token: 'x' });
		const r = await pushWeChatMessage({ url: bad.url, message: { MsgType: 'text', Content: 'x', MsgId: 'z' }, retries: 0 }, Date.now());
		expect(r.attempts[0].status).toBe(500);
		expect(r.attempts[0].body).toContain('Token');
		await bad.close();
	});
});
