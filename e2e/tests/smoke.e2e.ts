// Smoke test of the harness itself against real n8n: the package loads, a webhook workflow reaches the simulator,
// the OAuth2 "Connect" flow works headlessly (plain HTTP and a real Chromium), and a broken package is rejected.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startN8n, type N8nHarness } from '../lib/harness';
import { buildAndPack, expectedTypesOfTarball, packVariant, PACKAGE_NAME } from '../lib/package';
import { startSimulator, type RunningSimulator } from '../../simulator/src/server';
import type { PlatformModule } from '../../simulator/src/core/types';

/** A tiny extra simulator platform for harness checks (independent of the Douyin/WeChat modules). */
function probePlatform(): PlatformModule {
	let tokenSeq = 0;
	return {
		name: 'e2eprobe',
		reset() {
			tokenSeq = 0;
		},
		async handle(ctx) {
			if (ctx.path === '/hello') {
				ctx.json(200, { hello: 'world', query: ctx.query });
				return true;
			}
			if (ctx.path === '/oauth/authorize') {
				const q = new URLSearchParams({ state: ctx.query.state ?? '', redirect_uri: ctx.query.redirect_uri ?? '' });
				ctx.html(200, `<!doctype html><html><body><h1>Authorize ${ctx.query.client_id}?</h1>
<form method="post" action="/e2eprobe/oauth/approve?${q.toString().replace(/&/g, '&amp;')}"><input type="hidden" name="client_id" value="${ctx.query.client_id}">
<button id="agree" type="submit">Agree</button></form></body></html>`);
				return true;
			}
			if (ctx.path === '/oauth/approve') {
				const body = await ctx.body();
				const to = new URL(ctx.query.redirect_uri);
				to.searchParams.set('code', `CODE-${body.form.client_id}`);
				to.searchParams.set('state', ctx.query.state);
				ctx.redirect(to.href);
				return true;
			}
			if (ctx.path === '/oauth/token') {
				const body = await ctx.body();
				ctx.log.category = 'token-request';
				if (!String(body.form.code ?? '').startsWith('CODE-')) {
					ctx.json(400, { error: 'invalid_grant' });
					return true;
				}
				tokenSeq++;
				ctx.json(200, { access_token: `AT${tokenSeq}`, refresh_token: `RT${tokenSeq}`, expires_in: 7200, token_type: 'bearer' });
				return true;
			}
			return false;
		},
	};
}

function webhookWorkflow(path: string, httpUrl: string) {
	return {
		name: `smoke ${path}`,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'GET', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Call simulator',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: { url: `=${httpUrl}?from={{ $json.query.from }}`, options: {} },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Call simulator', type: 'main', index: 0 }]] } },
	};
}

describe(`n8n ${process.env.MEDIAX_N8N_VERSION ?? '2.41.1'} smoke`, () => {
	let sim: RunningSimulator;
	let n8n: N8nHarness;
	let tarball: string;

	beforeAll(async () => {
		tarball = buildAndPack();
		sim = await startSimulator({ platforms: [probePlatform()], quiet: true });
		n8n = await startN8n({ sim, log: (m) => console.log(m) });
	});
	afterAll(async () => {
		await n8n?.stop();
		await sim?.close();
	});

	it('loads every node and credential type the package declares', async () => {
		const expected = expectedTypesOfTarball(tarball);
		const nodes = await n8n.rest('GET', '/types/nodes.json');
		const creds = await n8n.rest('GET', '/types/credentials.json');
		const ours = (nodes.body as any[]).map((n) => n.name).filter((n: string) => n.startsWith(`${PACKAGE_NAME}.`));
		const ourCreds = (creds.body as any[]).map((c) => c.name).filter((n: string) => expected.credentials.includes(n));
		expect(ours).toEqual(expect.arrayContaining(expected.nodes));
		expect(ourCreds.sort()).toEqual([...expected.credentials].sort());
		for (const c of expected.credentials) expect(c).toMatch(/^mediaX/);
		// the package.json n8n block lists exactly what the build produced
		expect(expected.nodes.length).toBe(expected.nodeFiles.length);
		// once the lead's Douyin node exists, it must be among them
		if (expected.nodeFiles.some((f) => /MediaXDouyin\.node\.js$/.test(f))) expect(ours).toContain(`${PACKAGE_NAME}.mediaXDouyin`);
	});

	it('runs a webhook workflow that calls the simulator', async () => {
		const path = `smoke-${Date.now()}`;
		await n8n.createWorkflow(webhookWorkflow(path, `${sim.baseUrl}/e2eprobe/hello`));
		const since = sim.log.length;
		const res = await n8n.callWebhook(path, { query: { from: 'jest' } });
		expect(res.status).toBe(200);
		const items = Array.isArray(res.body) ? res.body : [res.body];
		expect(items[0]).toMatchObject({ hello: 'world', query: { from: 'jest' } });
		const hits = sim.log.slice(since).filter((e) => e.platform === 'e2eprobe' && e.path === '/hello');
		expect(hits).toHaveLength(1);
		expect(hits[0]).toMatchObject({ method: 'GET', status: 200, query: { from: 'jest' } });
	});

	it.each([
		['plain HTTP', false],
		['Chromium', true],
	])('connects an OAuth2 credential headlessly (%s)', async (_label, browser) => {
		if (browser && !existsSync(process.env.MEDIAX_CHROMIUM ?? '/usr/bin/chromium')) throw new Error('Chromium missing: apt-get install -y chromium');
		const secret = `sec-${randomUUID()}`;
		const id = await n8n.createCredential({
			name: `probe oauth ${browser ? 'browser' : 'http'}`,
			type: 'oAuth2Api',
			data: {
				grantType: 'authorizationCode',
				authUrl: `${sim.baseUrl}/e2eprobe/oauth/authorize`,
				accessTokenUrl: `${sim.baseUrl}/e2eprobe/oauth/token`,
				clientId: `client-${browser ? 'b' : 'h'}`,
				clientSecret: secret,
				scope: 'user_info',
				authQueryParameters: '',
				authentication: 'body',
			},
		});
		const tokenCalls = sim.log.filter((e) => e.path === '/oauth/token').length;
		await n8n.connectOAuth2(id, { browser });
		expect(sim.log.filter((e) => e.path === '/oauth/token').length).toBe(tokenCalls + 1);
		const data = await n8n.exportCredential(id);
		expect(data.clientSecret).toBe(secret);
		expect(data.oauthTokenData).toMatchObject({ access_token: expect.stringMatching(/^AT\d+$/), refresh_token: expect.stringMatching(/^RT\d+$/) });
		expect(n8n.output()).not.toContain(secret);
	});

	it('reports the peak memory of the n8n process', () => {
		const mb = n8n.peakRssMb();
		expect(mb).toBeGreaterThan(50);
		console.log(`n8n ${n8n.version} peak RSS ${mb} MB`);
	});
});

describe('a broken package fails the harness', () => {
	it('rejects startup when a node (or credential) file of the package cannot be loaded', async () => {
		const good = buildAndPack();
		const expected = expectedTypesOfTarball(good);
		const victim = expected.nodeFiles[0] ?? expected.credentialFiles[0];
		if (!victim) {
			console.warn('package declares no nodes or credentials yet; nothing to corrupt');
			return;
		}
		const broken = packVariant(good, (dir) => {
			const f = join(dir, victim);
			writeFileSync(f, readFileSync(f, 'utf8').replace(/class (\w+)/, 'class $1 {{ syntax error'));
		});
		const err: Error | undefined = await startN8n({ tarball: broken, expect: expected }).then(
			(h) => h.stop().then(() => undefined),
			(e) => e,
		);
		expect(err?.message).toMatch(/not fully loaded|exited during startup/);
		console.log(`broken package (${victim}) rejected: ${err!.message.split('\n')[0]}`);
	});
});
