// The sample credentials and workflows that `npm start` imports must work: each sample workflow runs to success in
// real n8n against the simulator (OAuth2 credentials connected first, as the demo instructions say).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startN8n, type N8nHarness } from '../lib/harness';
import { substituteDemo } from '../lib/workflows';

const FIXTURES = join(__dirname, '..', 'fixtures', 'demo');

describe(`demo fixtures on n8n ${process.env.MEDIAX_N8N_VERSION ?? '2.41.1'}`, () => {
	let h: N8nHarness;
	const ids = new Map<string, string>();
	beforeAll(async () => {
		h = await startN8n();
		const creds = substituteDemo(JSON.parse(readFileSync(join(FIXTURES, 'credentials.json'), 'utf8')), h.sim.baseUrl, h.baseUrl) as Array<{ name: string; type: string; data: Record<string, unknown> }>;
		for (const c of creds) ids.set(c.name, await h.createCredential(c));
		for (const name of ['Douyin account (simulator)', 'Google account (simulator)', 'Bilibili account (simulator)']) await h.connectOAuth2(ids.get(name)!);
	});
	afterAll(() => h?.stop());

	for (const file of readdirSync(join(FIXTURES, 'workflows')).filter((f) => f.endsWith('.json')).sort()) {
		it(`runs "${file}" to success`, async () => {
			const wf = substituteDemo(JSON.parse(readFileSync(join(FIXTURES, 'workflows', file), 'utf8')), h.sim.baseUrl, h.baseUrl) as { nodes: Array<{ credentials?: Record<string, { id: string; name: string }> }> };
			for (const node of wf.nodes) for (const ref of Object.values(node.credentials ?? {})) ref.id = ids.get(ref.name) ?? ref.id;
			const id = await h.createWorkflow(wf as Record<string, unknown>, { activate: false });
			const out = await h.cli(['execute', `--id=${id}`, '--rawOutput']);
			expect(out).not.toMatch(/NodeApiError|NodeOperationError|"error":/);
			if (file === 'mediax-publish-everywhere.json') {
				// the README's "run it again": a second (non-production) run repeats every row and publishes nothing
				expect(out).not.toMatch(/"repeated":\s*true/);
				const again = await h.cli(['execute', `--id=${id}`, '--rawOutput']);
				expect(again.match(/"repeated":\s*true/g)).toHaveLength(5);
			}
		});
	}
});
