// Queue mode on real n8n 2.41.1: one main + 2 (then 3) workers, PostgreSQL 15 and Redis. Concurrent webhook runs use one
// Douyin client-token, one WeChat stable-token and one Douyin user-token credential while the simulator revokes and
// expires tokens; the simulator's log must show one token request per credential per token lifetime across all
// processes. Then every process restarts and runs on the stored (rotated) tokens, a worker is SIGKILLed mid-upload,
// and a secrets audit searches the database, the debug logs and the simulator's view for every secret used.
import { mkdtempSync, openSync, rmSync, writeSync, writeFileSync, closeSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startQueueCluster, type QueueCluster } from '../lib/queue';
import { auditSecrets, formatFindings } from '../lib/secretsAudit';
import { chainWorkflow, splitItems, type NodeSpec } from '../lib/workflows';

const version = process.env.MEDIAX_N8N_VERSION ?? '2.41.1';
const run = version.startsWith('2.') ? describe : describe.skip;
const DOUYIN = 'n8n-nodes-mediax.mediaXDouyin';
const WECHAT = 'n8n-nodes-mediax.mediaXWeChatOfficialAccount';
const DOUYIN_SECRET = 'sim_douyin_secret';
const WECHAT_SECRET = 'sim_wechat_secret';
const EXECUTIONS = 60;
const ITEMS = 3;

/** what the last run measured, for docs/reliability.md */
const figures: Record<string, unknown> = {};

run(`queue mode on n8n ${version}`, () => {
	let q: QueueCluster;
	let files: string;
	let creds: Record<string, { id: string; name: string }>;
	const refreshTokens = new Set<string>();
	const dy = () => q.sim.platforms.get('douyin')!;
	const tokenRequests = (since: number) => q.sim.log.filter((e) => e.seq > since && e.category === 'token-request');
	const count = (since: number, path: string) => tokenRequests(since).filter((e) => e.path.startsWith(path)).length;

	beforeAll(async () => {
		files = mkdtempSync(join(tmpdir(), 'mediax-queue-files-'));
		chmodSync(files, 0o755);
		q = await startQueueCluster({
			workers: 2,
			env: {
				N8N_RESTRICT_FILE_ACCESS_TO: files,
				// a killed worker's job is noticed within seconds, not a minute
				QUEUE_WORKER_LOCK_DURATION: '5000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
				N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
			},
		});
		const base = `${q.sim.baseUrl}/douyin`;
		const h = q.main;
		const userId = await h.createCredential({ name: 'Douyin account', type: 'mediaXDouyinOAuth2Api', data: { environment: 'custom', baseUrl: base, clientId: 'sim_douyin_key', clientSecret: DOUYIN_SECRET } });
		const appId = await h.createCredential({ name: 'Douyin app', type: 'mediaXDouyinClientCredentialsApi', data: { environment: 'custom', baseUrl: base, clientKey: 'sim_douyin_key', clientSecret: DOUYIN_SECRET } });
		const wxId = await h.createCredential({ name: 'WeChat OA', type: 'mediaXWeChatOfficialAccountApi', data: { environment: 'custom', baseUrl: `${q.sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: WECHAT_SECRET } });
		creds = {
			mediaXDouyinOAuth2Api: { id: userId, name: 'Douyin account' },
			mediaXDouyinClientCredentialsApi: { id: appId, name: 'Douyin app' },
			mediaXWeChatOfficialAccountApi: { id: wxId, name: 'WeChat OA' },
		};
		// a refresh token inside Douyin's renewal window at Connect: the first refresh also renews (rotates) it
		await dy().admin!('config', { refreshTokenTtl: 4 * 86400 }, q.sim);
		await h.connectOAuth2(userId);
		await dy().admin!('config', { refreshTokenTtl: 30 * 86400 }, q.sim);
		const node = (name: string, type: string, credType: string, parameters: Record<string, unknown>): NodeSpec => ({ name, type, parameters, credentials: { [credType]: creds[credType] } });
		await h.createWorkflow(
			chainWorkflow('queue three credentials', 'q-three', [
				splitItems,
				node('Ticket', DOUYIN, 'mediaXDouyinClientCredentialsApi', { resource: 'tool', operation: 'getJsTicket' }),
				node('Drafts', WECHAT, 'mediaXWeChatOfficialAccountApi', { resource: 'draft', operation: 'count' }),
				node('Account', DOUYIN, 'mediaXDouyinOAuth2Api', { resource: 'user', operation: 'getInfo' }),
			]),
		);
		await rememberRefreshToken();
	});
	afterAll(async () => {
		await q?.stop();
		if (files) rmSync(files, { recursive: true, force: true });
		console.log(`[queue] figures ${JSON.stringify(figures)}`);
	});

	async function rememberRefreshToken(): Promise<string> {
		const stored = await q.main.exportCredential(creds.mediaXDouyinOAuth2Api.id);
		const rt = String(stored.oauthTokenData?.data?.refresh_token ?? stored.oauthTokenData?.refresh_token ?? '');
		if (rt) refreshTokens.add(rt);
		return rt;
	}

	/** fires EXECUTIONS webhook runs at once; every run must answer all of its items */
	async function burst(label: string): Promise<void> {
		const replies = await Promise.all(
			Array.from({ length: EXECUTIONS }, (_, run) => q.main.callWebhook('q-three', { method: 'POST', body: { items: Array.from({ length: ITEMS }, (_, i) => ({ run, i })) } })),
		);
		const failed = replies.filter((r) => r.status !== 200 || !Array.isArray(r.body) || r.body.length !== ITEMS);
		if (failed.length) throw new Error(`${label}: ${failed.length} of ${EXECUTIONS} runs failed, e.g. ${JSON.stringify(failed[0]).slice(0, 800)}`);
		expect(replies.flatMap((r) => r.body).every((item: { open_id?: string }) => item.open_id === 'sim-open-id-0001')).toBe(true);
	}

	/** revokes / expires each credential's token once, in the middle of a burst */
	function faultsMidRun(): void {
		const half = Math.floor((EXECUTIONS * ITEMS) / 2);
		q.sim.faults.push({ id: 9501, platform: 'douyin', type: 'admin', action: 'revoke', body: { kind: 'client' }, match: '/js/getticket', after: half, count: 1 });
		q.sim.faults.push({ id: 9502, platform: 'wechat', type: 'admin', action: 'expire', match: '/cgi-bin/draft/count', after: half, count: 1 });
		q.sim.faults.push({ id: 9503, platform: 'douyin', type: 'admin', action: 'expire', body: { kind: 'user' }, match: '/oauth/userinfo', after: half, count: 1 });
	}

	function apiCalls(since: number) {
		const after = q.sim.log.filter((e) => e.seq > since);
		const ok = (p: string) => after.filter((e) => e.path.startsWith(p) && e.code === 0).length;
		return { ticket: ok('/js/getticket'), drafts: ok('/cgi-bin/draft/count'), account: ok('/oauth/userinfo') };
	}

	async function executionStatuses(): Promise<Record<string, number>> {
		const rows = q.services.psql('select status, count(*) from execution_entity group by status').trim();
		return Object.fromEntries(rows.split('\n').filter(Boolean).map((l) => [l.split('|')[0], Number(l.split('|')[1])]));
	}

	/** executions each worker ran, from its log ("Worker started execution") */
	function perWorker(): number[] {
		return q.workers.map((w) => (w.output().match(/Worker started execution/g) ?? []).length);
	}

	it(`runs ${EXECUTIONS} concurrent executions on 2 workers with one token request per credential per token lifetime`, async () => {
		const since = q.sim.log.length ? q.sim.log[q.sim.log.length - 1].seq : 0;
		faultsMidRun();
		await burst('2 workers');
		// lifetimes per credential: the first token (none stored yet) and the one after the mid-run revocation/expiry
		expect(count(since, '/oauth/client_token')).toBe(2);
		expect(count(since, '/cgi-bin/stable_token')).toBe(2);
		// user token: the refresh after Connect (learns the expiry), one after the expiry; the refresh token is renewed once
		expect(count(since, '/oauth/refresh_token')).toBe(2);
		expect(count(since, '/oauth/renew_refresh_token')).toBe(1);
		expect(tokenRequests(since).every((e) => e.code === 0)).toBe(true);
		// every item went through each of the three operations exactly once (rejected calls are retried, not lost)
		expect(apiCalls(since)).toEqual({ ticket: EXECUTIONS * ITEMS, drafts: EXECUTIONS * ITEMS, account: EXECUTIONS * ITEMS });
		expect(perWorker().every((n) => n > 0)).toBe(true);
		figures.twoWorkers = { workers: perWorker(), tokenRequests: tokenRequests(since).length, items: EXECUTIONS * ITEMS };
		await rememberRefreshToken();
	});

	it(`runs ${EXECUTIONS} more on 3 workers, still one token request per credential per lifetime`, async () => {
		await q.addWorker();
		const since = q.sim.log[q.sim.log.length - 1].seq;
		faultsMidRun();
		await burst('3 workers');
		// the stored tokens are reused by the new worker; only the mid-run revocation/expiry costs a request each
		expect(count(since, '/oauth/client_token')).toBe(1);
		expect(count(since, '/cgi-bin/stable_token')).toBe(1);
		expect(count(since, '/oauth/refresh_token')).toBe(1);
		expect(count(since, '/oauth/renew_refresh_token')).toBe(0);
		expect(tokenRequests(since).every((e) => e.code === 0)).toBe(true);
		expect(apiCalls(since)).toEqual({ ticket: EXECUTIONS * ITEMS, drafts: EXECUTIONS * ITEMS, account: EXECUTIONS * ITEMS });
		expect(perWorker().filter((n) => n > 0).length).toBe(3);
		figures.threeWorkers = { workers: perWorker(), tokenRequests: tokenRequests(since).length, items: EXECUTIONS * ITEMS };
		await rememberRefreshToken();
	});

	it('restarts every process and runs on the stored tokens; the rotated refresh token still refreshes', async () => {
		const before = await rememberRefreshToken();
		await q.restart(2);
		const since = q.sim.log[q.sim.log.length - 1].seq;
		await burst('after restart');
		expect(tokenRequests(since)).toHaveLength(0);
		// now expire the user token: the refresh must work with the refresh token stored after the rotation
		const since2 = q.sim.log[q.sim.log.length - 1].seq;
		await dy().admin!('expire', { kind: 'user' }, q.sim);
		await burst('after restart, user token expired');
		const refreshes = tokenRequests(since2);
		expect(refreshes.map((e) => [e.path, e.code])).toEqual([['/oauth/refresh_token/', 0]]);
		expect(await rememberRefreshToken()).toBe(before);
		const statuses = await executionStatuses();
		figures.executions = statuses;
		expect(Object.keys(statuses)).toEqual(['success']);
		expect(statuses.success).toBe(4 * EXECUTIONS);
	});

	it('reports a run whose worker was SIGKILLed mid-upload as failed (n8n 2.41 marks it error), keeps the stored tokens, and the re-run completes the upload once', async () => {
		await dy().admin!('config', { singleUploadLimit: 8 * 1024 * 1024, minPartSize: 1024 * 1024 }, q.sim);
		await q.main.createWorkflow(
			chainWorkflow('queue upload', 'q-upload', [
				{ name: 'Read File', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: '={{ $json.body.path }}', options: {} } },
				{ name: 'Upload', type: DOUYIN, parameters: { resource: 'video', operation: 'upload', binaryPropertyName: 'data', options: { mode: 'auto', thresholdMb: 8, partSizeMb: 8 } }, credentials: { mediaXDouyinOAuth2Api: creds.mediaXDouyinOAuth2Api } },
			]),
		);
		const path = join(files, 'video-64.mp4');
		const fd = openSync(path, 'w');
		const block = Buffer.alloc(1024 * 1024, 0x5a);
		for (let i = 0; i < 64; i++) writeSync(fd, block);
		closeSync(fd);
		const storedBefore = await q.main.exportCredential(creds.mediaXDouyinOAuth2Api.id);
		// each part is slow, so the worker is surely inside the chunked upload when it dies
		q.sim.faults.push({ id: 9601, platform: 'douyin', type: 'slow', delayMs: 1500, match: '^/api/douyin/v1/video/upload_video_part', count: 8 });
		const since = q.sim.log[q.sim.log.length - 1].seq;
		const pending = q.main.callWebhook('q-upload', { method: 'POST', body: { path } });
		const deadline = Date.now() + 60_000;
		while (!q.sim.log.some((e) => e.seq > since && e.path.startsWith('/api/douyin/v1/video/upload_video_part')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		const victim = q.workers.find((w) => /Worker started execution/.test(w.output().split('Worker finished execution').pop() ?? '')) ?? q.workers[0];
		await victim.kill();
		q.sim.faults.length = 0;
		const reply = await Promise.race([pending, new Promise<{ status: number; body: unknown }>((r) => setTimeout(() => r({ status: 0, body: 'no reply in 120 s' }), 120_000))]);
		// what n8n 2.41 marks a run whose worker died: poll the database (queue recovery / stalled job)
		let status = '';
		for (let i = 0; i < 90 && !['crashed', 'error'].includes(status); i++) {
			status = q.services.psql(`select status from execution_entity where "workflowId" = (select id from workflow_entity where name = 'queue upload') order by id desc limit 1`).trim();
			if (!['crashed', 'error'].includes(status)) await new Promise((r) => setTimeout(r, 1000));
		}
		const executionId = q.services.psql(`select id from execution_entity where "workflowId" = (select id from workflow_entity where name = 'queue upload') order by id desc limit 1`).trim();
		figures.killedRun = { status, webhookReply: reply.status, killedWorkerRanIt: new RegExp(`Worker started execution ${executionId} `).test(victim.output()) };
		// the killed worker had started this very run and never finished it
		expect(victim.output()).toMatch(new RegExp(`Worker started execution ${executionId} `));
		expect(victim.output()).not.toMatch(new RegExp(`Worker finished execution ${executionId} `));
		expect(['crashed', 'error']).toContain(status);
		expect(reply.status).not.toBe(200);
		const storedAfter = await q.main.exportCredential(creds.mediaXDouyinOAuth2Api.id);
		expect(storedAfter.oauthTokenData.data.refresh_token).toBe(storedBefore.oauthTokenData.data.refresh_token);
		expect(storedAfter.oauthTokenData.data.access_token).toBe(storedBefore.oauthTokenData.data.access_token);
		// run it again on the surviving worker: one complete video, nothing from the killed run counted as finished
		const again = await q.main.callWebhook('q-upload', { method: 'POST', body: { path } });
		expect(again.status).toBe(200);
		expect(again.body[0]).toMatchObject({ upload_mode: 'chunked', size: 64 * 1024 * 1024 });
		const state = (await dy().admin!('state', {}, q.sim)) as { uploadedVideos: Array<{ size: number }> };
		expect(state.uploadedVideos.filter((v) => v.size === 64 * 1024 * 1024)).toHaveLength(1);
		figures.killedRun = { ...(figures.killedRun as object), rerun: 'ok', completedVideos: state.uploadedVideos.length };
		rmSync(path);
	});

	it('a worker SIGKILLed during a MediaX Publish batch: the re-run repeats what the killed run published (the record is in the credential) and publishes the rest once; a failed run\'s re-run publishes only the failed post', async () => {
		// a live worker to kill and one to re-run on (the upload test above killed one)
		await q.addWorker();
		const cover = join(files, 'cover.png');
		writeFileSync(cover, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(4088, 1)]));
		const publishWorkflow = (name: string, path: string) =>
			chainWorkflow(name, path, [
				{ ...splitItems },
				{ name: 'Read Cover', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: '={{ $json.cover }}', options: { dataPropertyName: 'cover' } } },
				{
					name: 'Publish',
					type: 'n8n-nodes-mediax.mediaXPublish',
					parameters: {
						targets: ['wechatArticle'],
						title: "={{ $('Split Items').item.json.title }}",
						bodyHtml: `<p>${'MediaX 批量发布，一个进程在中途被杀死。'.repeat(6)}</p>`,
						coverBinaryPropertyName: 'cover',
						idempotencyKey: "={{ $('Split Items').item.json.title }}",
					},
					credentials: { mediaXWeChatOfficialAccountApi: creds.mediaXWeChatOfficialAccountApi },
				},
			]);
		await q.main.createWorkflow(publishWorkflow('queue publish batch', 'q-publish'), { activate: true });
		const titles = [1, 2, 3, 4].map((n) => `Batch post ${n}`);
		const body = { items: titles.map((title) => ({ title, cover })) };
		const wx = () => q.sim.platforms.get('wechat')!;
		const publishedTitles = async () => ((await wx().admin!('state', {}, q.sim)) as { publishes: Array<{ titles: string[] }> }).publishes.flatMap((p) => p.titles);
		const already = (await publishedTitles()).length;
		const submits = (since: number) => q.sim.log.filter((e) => e.seq > since && e.path.startsWith('/cgi-bin/freepublish/submit') && e.code === 0).length;
		const lastId = () => q.services.psql(`select id from execution_entity where "workflowId" = (select id from workflow_entity where name = 'queue publish batch') order by id desc limit 1`).trim();

		// post 1 goes out; the second post's draft is held 60 s by the simulator, and its worker is killed meanwhile
		q.sim.faults.push({ id: 9701, platform: 'wechat', type: 'slow', delayMs: 60_000, match: '/cgi-bin/draft/add', after: 1, count: 1 });
		const since = q.sim.log[q.sim.log.length - 1].seq;
		const pending = q.main.callWebhook('q-publish', { method: 'POST', body });
		const deadline = Date.now() + 90_000;
		while (q.sim.log.filter((e) => e.seq > since && e.path.startsWith('/cgi-bin/draft/add')).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect(submits(since)).toBe(1);
		const executionId = lastId();
		const victim = q.workers.find((w) => !w.exited() && new RegExp(`Worker started execution ${executionId} `).test(w.output()));
		expect(victim).toBeDefined();
		await victim!.kill();
		q.sim.faults.length = 0;
		const reply = await Promise.race([pending, new Promise<{ status: number; body: unknown }>((r) => setTimeout(() => r({ status: 0, body: 'no reply in 120 s' }), 120_000))]);
		let status = '';
		for (let i = 0; i < 90 && !['crashed', 'error'].includes(status); i++) {
			status = q.services.psql(`select status from execution_entity where id = ${executionId}`).trim();
			if (!['crashed', 'error'].includes(status)) await new Promise((r) => setTimeout(r, 1000));
		}
		expect(['crashed', 'error']).toContain(status);
		expect(reply.status).not.toBe(200);
		expect((await publishedTitles()).slice(already)).toEqual([titles[0]]);

		// the re-run (another worker, empty static data: n8n 2.41 gives queue workers none for a new execution) reads the
		// record in the WeChat credential, written right after post 1 went out: post 1 repeated, posts 2-4 published once
		const since2 = q.sim.log[q.sim.log.length - 1].seq;
		const rerun = await q.main.callWebhook('q-publish', { method: 'POST', body });
		expect(rerun.status).toBe(200);
		expect((rerun.body as Array<Record<string, unknown>>).map((r) => [r.status, r.repeated ?? false])).toEqual([['submitted', true], ['submitted', false], ['submitted', false], ['submitted', false]]);
		expect(submits(since2)).toBe(3);
		expect((await publishedTitles()).slice(already)).toEqual(titles);

		// a third run with the same keys sends nothing
		const since3 = q.sim.log[q.sim.log.length - 1].seq;
		const third = await q.main.callWebhook('q-publish', { method: 'POST', body });
		expect(third.status).toBe(200);
		expect((third.body as Array<Record<string, unknown>>).map((r) => r.repeated)).toEqual([true, true, true, true]);
		expect(q.sim.log.filter((e) => e.seq > since3 && e.method === 'POST' && e.category !== 'token-request')).toHaveLength(0);

		// a run in which WeChat refuses post B once: its re-run repeats post A and publishes only post B
		await q.main.createWorkflow(publishWorkflow('queue publish failed', 'q-publish-failed'), { activate: true });
		const pair = { items: ['Failed post A', 'Failed post B'].map((title) => ({ title, cover })) };
		q.sim.faults.push({ id: 9702, platform: 'wechat', type: 'platformError', code: 48001, message: 'api unauthorized', match: '/cgi-bin/freepublish/submit', after: 1, count: 1 });
		const failedRun = await q.main.callWebhook('q-publish-failed', { method: 'POST', body: pair });
		q.sim.faults.length = 0;
		expect(failedRun.status).toBe(200);
		expect((failedRun.body as Array<Record<string, any>>).map((r) => r.status)).toEqual(['submitted', 'failed']);
		expect((failedRun.body as Array<Record<string, any>>)[1].error).toMatchObject({ code: 48001 });
		const since4 = q.sim.log[q.sim.log.length - 1].seq;
		const retried = await q.main.callWebhook('q-publish-failed', { method: 'POST', body: pair });
		expect((retried.body as Array<Record<string, any>>).map((r) => [r.status, r.repeated ?? false])).toEqual([['submitted', true], ['submitted', false]]);
		expect(submits(since4)).toBe(1);
		const all = (await publishedTitles()).slice(already);
		expect(all.filter((t) => t === 'Failed post A')).toHaveLength(1);
		expect(all.filter((t) => t === 'Failed post B')).toHaveLength(1);
		// the WeChat credential's stored token survived the kill: no token request in the re-runs
		expect(q.sim.log.filter((e) => e.seq > since2 && e.category === 'token-request')).toHaveLength(0);
		figures.killedPublish = { executionStatus: status, killedRunPublished: 1, rerunRepeated: 1, rerunPublished: 3, publishedTwice: 0, thirdRunSent: 0, failedRunRerunSent: 1 };
		rmSync(cover);
	});

	it('secrets audit: no client secret, token or refresh token in PostgreSQL, the debug logs, process output or outside token requests', async () => {
		const stored = await q.main.exportCredential(creds.mediaXDouyinClientCredentialsApi.id);
		const wx = await q.main.exportCredential(creds.mediaXWeChatOfficialAccountApi.id);
		const secrets = [
			{ label: 'Douyin client secret', value: DOUYIN_SECRET },
			{ label: 'WeChat app secret', value: WECHAT_SECRET },
			...[...refreshTokens].map((value) => ({ label: 'Douyin refresh token', value })),
			...[...new Set(q.sim.log.map((e) => e.token).filter((t): t is string => !!t))].map((value) => ({ label: 'access token', value })),
			{ label: 'Douyin client token', value: String(stored.accessToken ?? '') },
			{ label: 'WeChat access token', value: String(wx.accessToken ?? '') },
		];
		const sources = [
			{ name: 'PostgreSQL dump', text: q.services.dump() },
			{ name: 'n8n log files (debug)', text: q.logs() },
			{ name: 'main output', text: q.main.output() },
			...q.workers.map((w) => ({ name: `worker ${w.index} output`, text: w.output() })),
		];
		expect(sources[1].text.length).toBeGreaterThan(1000); // the debug logs were written
		// the audit itself finds a planted secret (in a text source and in a non-token request's query)
		expect(auditSecrets(secrets.slice(0, 1), [{ name: 'planted', text: `x ${DOUYIN_SECRET} y` }], [{ seq: 1, at: 0, platform: 'douyin', method: 'GET', path: '/x', query: { s: DOUYIN_SECRET }, contentType: '' }])).toHaveLength(2);
		const findings = auditSecrets(secrets, sources, q.sim.log);
		figures.audit = { secrets: secrets.filter((s) => s.value.length >= 8).length, sources: sources.length, bytes: sources.reduce((n, s) => n + s.text.length, 0), findings: findings.length };
		if (findings.length) throw new Error(`secrets found:\n${formatFindings(findings)}`);
	});
});
