// The demo's printed steps, followed over HTTP for the pasted-code platforms: the authorization link from the steps
// leads through the simulator's consent page to the callback page, which shows a code that the platform accepts and
// names the credential and field the steps use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSteps, printSteps, type DemoAction, type DemoCredential } from '../../e2e/lib/demoSteps';
import { startSimulator, type RunningSimulator } from '../helpers/simulator';

const FIXTURES = join(__dirname, '..', '..', 'e2e', 'fixtures', 'demo');
const N8N = 'http://localhost:5678';

function substitute(value: unknown, sim: string): unknown {
	if (typeof value === 'string') return value.split('{{SIM}}').join(sim).split('{{N8N}}').join(N8N);
	if (Array.isArray(value)) return value.map((v) => substitute(v, sim));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, sim)]));
	return value;
}

const attr = (html: string, id: string, name: string) => new RegExp(`id="${id}"[^>]*${name}="([^"]*)"|${name}="([^"]*)"[^>]*id="${id}"`).exec(html)?.slice(1).find(Boolean)?.replace(/&amp;/g, '&');

describe('demo steps', () => {
	let sim: RunningSimulator;
	let credentials: DemoCredential[];
	beforeAll(async () => {
		sim = await startSimulator();
		credentials = substitute(JSON.parse(readFileSync(join(FIXTURES, 'credentials.json'), 'utf8')), sim.baseUrl) as DemoCredential[];
	});
	afterAll(() => sim.close());

	const steps = (version = '2.41.1') => demoSteps({ n8nUrl: N8N, email: 'demo@mediax.local', password: 'pw', simUrl: sim.baseUrl, n8nVersion: version, credentials, workflows: ['W1', 'W2'] });

	it('uses the button label of each n8n version, and one host for n8n', () => {
		const labels = (v: string) => steps(v).flatMap((s) => s.actions).filter((a): a is Extract<DemoAction, { do: 'click' }> => a.do === 'click' && a.in === 'n8n').map((a) => a.text);
		expect(labels('2.41.1')).toContain('Connect');
		expect(labels('2.41.1')).not.toContain('Connect my account');
		expect(labels('1.123.50')).toContain('Connect my account');
		const printed = printSteps(steps());
		expect(printed).toContain(`Open ${N8N}`);
		expect(printed).not.toMatch(/127\.0\.0\.1:5678|localhost(?!:5678)\/rest/);
		// n8n's pages by address, not by the collapsed sidebar's icons (its "Overview" reads nothing at 1280 pixels)
		const opened = steps().flatMap((s) => s.actions).filter((a): a is Extract<DemoAction, { do: 'open' }> => a.do === 'open' && a.in === 'n8n').map((a) => a.url);
		expect(opened).toEqual([N8N, `${N8N}/home/credentials`, `${N8N}/home/workflows`]);
		expect(labels('2.41.1')).not.toContain('Overview');
	});

	it('every OAuth2 and pasted-code credential of the demo has its step, in the printed text word for word', () => {
		const printed = printSteps(steps());
		for (const s of steps()) expect(printed).toContain(`${s.title}: `);
		const titles = steps().map((s) => s.title);
		for (const name of ['Douyin account (simulator)', 'Google account (simulator)', 'Bilibili account (simulator)']) expect(titles).toContain(`Connect "${name}"`);
		for (const name of ['RedBook JuGuang (simulator)', 'WeChat login (simulator)']) expect(titles).toContain(`Authorize "${name}"`);
	});

	async function followToCallback(name: string): Promise<{ html: string; code: string }> {
		const step = steps().find((s) => s.title === `Authorize "${name}"`)!;
		const open = step.actions[0] as Extract<DemoAction, { do: 'open' }>;
		const agree = step.actions[1] as Extract<DemoAction, { do: 'click' }>;
		const consent = await fetch(open.url);
		const page = await consent.text();
		expect(consent.status).toBe(200);
		expect(page).toContain(agree.text);
		let decision: Response;
		const href = attr(page, 'agree', 'href');
		if (href) decision = await fetch(new URL(href, sim.baseUrl), { redirect: 'manual' });
		else {
			const form = new URLSearchParams([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')] as [string, string]));
			form.set('decision', 'agree');
			const action = /<form method="post" action="([^"]+)"/.exec(page)![1];
			decision = await fetch(new URL(action, sim.baseUrl), { method: 'POST', body: form, redirect: 'manual' });
		}
		expect(decision.status).toBe(302);
		const callback = await fetch(decision.headers.get('location')!);
		const html = await callback.text();
		expect(callback.status).toBe(200);
		const code = attr(html, 'code', 'value')!;
		expect(code).toBeTruthy();
		// the page says what the printed steps do next
		expect(html).toContain('id="copy"');
		expect(html).toContain('Copy code');
		expect(html).toContain(`the credential &quot;${name}&quot;`);
		const paste = step.actions.find((a) => a.do === 'paste') as Extract<DemoAction, { do: 'paste' }>;
		expect(html).toContain(`&quot;${paste.field}&quot;`);
		expect(html).toContain('Click &quot;Save&quot;');
		return { html, code };
	}

	it('RedBook: the callback page shows an auth_code JuGuang exchanges', async () => {
		const { code } = await followToCallback('RedBook JuGuang (simulator)');
		const c = credentials.find((x) => x.type === 'mediaXRedBookOAuth2Api')!.data;
		const reply = await (await fetch(`${c.baseUrl}/api/open/oauth2/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ app_id: Number(c.appId), secret: c.secret, auth_code: code }) })).json();
		expect(reply).toMatchObject({ success: true, data: { access_token: expect.any(String) } });
	});

	it('WeChat web authorization: the callback page shows a code WeChat exchanges', async () => {
		const { code } = await followToCallback('WeChat login (simulator)');
		const c = credentials.find((x) => x.type === 'mediaXWeChatOAuth2Api')!.data;
		const q = new URLSearchParams({ appid: String(c.appId), secret: String(c.appSecret), code, grant_type: 'authorization_code' });
		const reply = await (await fetch(`${c.baseUrl}/sns/oauth2/access_token?${q}`)).json();
		expect(reply).toMatchObject({ access_token: expect.any(String), openid: expect.any(String) });
	});

	it('a callback without a code says why', async () => {
		const res = await fetch(`${sim.baseUrl}/redbook/oauth-callback?error=access_denied`);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('access_denied');
	});
});
