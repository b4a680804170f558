// `npx tsx scripts/screenshot-publish.ts`: the README's MediaX Publish screenshot, taken as a person sees it. Starts
// n8n 2.41.1 with the package and the simulator, imports the demo credentials (OAuth2 ones connected) and the sample
// workflow "MediaX Publish: one post to …", opens it in headless Chromium, clicks "Execute workflow", opens the
// MediaX Publish node and saves docs/images/publish-output.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectors } from 'playwright-core';
import { dismissPopups, openBrowser, signIn } from '../e2e/lib/browser';
import { E2E_OWNER, startN8n } from '../e2e/lib/harness';
import { REPO_ROOT } from '../e2e/lib/install';
import { substituteDemo } from '../e2e/lib/workflows';

const FIXTURES = join(REPO_ROOT, 'e2e', 'fixtures', 'demo');

async function main() {
	// n8n's editor marks its elements with data-test-id
	selectors.setTestIdAttribute('data-test-id');
	const h = await startN8n();
	const browser = await openBrowser();
	try {
		const ids = new Map<string, string>();
		const creds = substituteDemo(JSON.parse(readFileSync(join(FIXTURES, 'credentials.json'), 'utf8')), h.sim.baseUrl, h.baseUrl) as Array<{ name: string; type: string; data: Record<string, unknown> }>;
		for (const c of creds) ids.set(c.name, await h.createCredential(c));
		for (const name of ['Douyin account (simulator)', 'Google account (simulator)', 'Bilibili account (simulator)']) await h.connectOAuth2(ids.get(name)!);
		const wf = substituteDemo(JSON.parse(readFileSync(join(FIXTURES, 'workflows', 'mediax-publish-everywhere.json'), 'utf8')), h.sim.baseUrl, h.baseUrl) as { nodes: Array<{ credentials?: Record<string, { id: string; name: string }> }> };
		for (const node of wf.nodes) for (const ref of Object.values(node.credentials ?? {})) ref.id = ids.get(ref.name) ?? ref.id;
		const id = await h.createWorkflow(wf as Record<string, unknown>, { activate: false });

		const { page } = browser;
		await signIn(page, h.baseUrl, E2E_OWNER.email, E2E_OWNER.password);
		await page.goto(`${h.baseUrl}/workflow/${id}`);
		await page.getByTestId('execute-workflow-button').first().waitFor({ timeout: 60_000 });
		await dismissPopups(page);
		await page.getByTestId('execute-workflow-button').first().click();
		// the run ends when the canvas shows the last node's success and n8n's toast
		await page.getByText(/Workflow executed successfully/).first().waitFor({ timeout: 120_000 });
		await page.getByTestId('canvas-node').filter({ hasText: 'MediaX Publish' }).first().dblclick();
		const out = page.getByTestId('output-panel');
		await out.getByTestId('ndv-items-count').first().waitFor({ timeout: 30_000 });
		const table = out.getByTestId('radio-button-table');
		if (await table.isVisible().catch(() => false)) await table.click();
		const dir = join(REPO_ROOT, 'docs', 'images');
		mkdirSync(dir, { recursive: true });
		await page.screenshot({ path: join(dir, 'publish-output.png') });
		console.log(`saved ${join(dir, 'publish-output.png')}; output panel: ${(await out.innerText()).slice(0, 300).replace(/\s+/g, ' ')}`);
	} finally {
		await browser.close();
		await h.stop();
	}
}

main().then(
	() => process.exit(0),
	(e) => {
		console.error(e);
		process.exit(1);
	},
);
