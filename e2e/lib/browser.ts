// The n8n editor as a person clicks it, in headless Debian Chromium (playwright-core): sign in, create and connect
// credentials in the credential dialog, build a workflow from the node creator, run it, read the output panel.
// Screenshots of each key step go to e2e/artifacts/<version>/; with MEDIAX_SCREENSHOTS=docs the chosen ones are also
// copied to docs/images/ for the README.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from './harness';
import { DEFAULT_N8N_VERSION, REPO_ROOT } from './install';

export const VIEWPORT = { width: 1280, height: 800 };

/** Debian Chromium for the whole suite: one browser, one page per test when needed. */
export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
	const { context, close } = await launchChromium({ viewport: VIEWPORT });
	context.setDefaultTimeout(20_000);
	// "Copy code" on the pasted-code pages writes to the clipboard; the test reads it back as a paste would
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page, close };
}

export class Screenshots {
	readonly dir: string;
	private n = 0;
	/** the README shows the editor of the demo's n8n version only */
	private readonly forDocs: boolean;
	constructor(version: string) {
		this.forDocs = process.env.MEDIAX_SCREENSHOTS === 'docs' && version === DEFAULT_N8N_VERSION;
		this.dir = join(REPO_ROOT, 'e2e', 'artifacts', version);
		rmSync(this.dir, { recursive: true, force: true });
		mkdirSync(this.dir, { recursive: true });
	}

	/** a screenshot of the page; `docs` names the README image it becomes under MEDIAX_SCREENSHOTS=docs */
	async take(page: Page, name: string, docs?: string): Promise<string> {
		const file = join(this.dir, `${String(++this.n).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file }).catch(() => undefined);
		if (docs && this.forDocs) {
			const target = join(REPO_ROOT, 'docs', 'images');
			mkdirSync(target, { recursive: true });
			copyFileSync(file, join(target, `${docs}.png`));
		}
		return file;
	}
}

/** The sign-in form, filled and submitted. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').or(page.getByTestId('email')).first().locator('input').fill(email);
	await page.getByTestId('password').locator('input').fill(password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
	await dismissPopups(page);
}

/** n8n greets a new owner with notices and tours that sit over the canvas. */
export async function dismissPopups(page: Page): Promise<void> {
	for (const name of ['Close this dialog', 'Skip', 'Dismiss', 'Got it']) {
		const b = page.getByRole('button', { name, exact: true });
		if (await b.first().isVisible().catch(() => false)) await b.first().click().catch(() => undefined);
	}
}

/** the open credential dialog */
export function credentialModal(page: Page): Locator {
	return page.getByTestId('editCredential-modal');
}

/** Overview → Credentials → Create credential → search the type by its display name → Continue. */
export async function openNewCredentialDialog(page: Page, baseUrl: string, typeDisplayName: string): Promise<Locator> {
	await page.goto(`${baseUrl}/home/credentials`);
	await dismissPopups(page);
	// 2.x: "Create credential" in the header; 1.x: the header's "Create" menu → Credential
	const direct = page.getByTestId('add-resource-credential');
	await direct.or(page.getByTestId('add-resource')).first().waitFor();
	if (await direct.isVisible()) await direct.click();
	else {
		await page.getByTestId('add-resource').click();
		await page.getByTestId('action-credential').or(page.getByRole('menuitem', { name: 'Credential' })).first().click();
	}
	const picker = page.getByTestId('selectCredential-modal');
	await picker.waitFor();
	await picker.locator('input').first().fill(typeDisplayName);
	await page.getByTestId('new-credential-type-select-option').filter({ hasText: typeDisplayName }).first().click();
	await page.getByTestId('new-credential-type-button').click();
	const modal = credentialModal(page);
	await modal.waitFor();
	return modal;
}

/** the input (or textarea) of one credential or node parameter, by its internal name */
export function parameterInput(scope: Locator, name: string): Locator {
	return scope.getByTestId(`parameter-input-${name}`).locator('input, textarea').first();
}

export async function fillParameter(scope: Locator, name: string, value: string): Promise<void> {
	const input = parameterInput(scope, name);
	await input.waitFor({ state: 'visible' });
	await input.click();
	await input.fill(value);
}

/** Opens an options parameter and clicks the option whose visible text matches. */
export async function selectParameter(scope: Locator, name: string, option: string | RegExp): Promise<void> {
	const page = scope.page();
	await scope.getByTestId(`parameter-input-${name}`).click();
	// an option with a description renders both in its item: a string is matched as the option's own exact text
	const items = page.locator('.el-select-dropdown__item:visible');
	const item = (typeof option === 'string' ? items.filter({ has: page.getByText(option, { exact: true }) }) : items.filter({ hasText: option })).first();
	await item.click();
}

/** The credential's name in the dialog header. */
export async function renameCredential(modal: Locator, name: string): Promise<void> {
	await modal.getByTestId('credential-name').click();
	const input = modal.getByTestId('credential-name').getByTestId('inline-edit-input').or(modal.getByTestId('credential-name').locator('input'));
	await input.first().fill(name);
	await input.first().press('Enter');
}

export interface SaveResult {
	id: string;
	/** "Connection tested successfully", or what the dialog's test said; '' when the type has no test */
	banner: string;
}

/** Save; returns the stored id (from the editor's own request) and the result of the test n8n runs after it. */
export async function saveCredential(modal: Locator): Promise<SaveResult> {
	const page = modal.page();
	const isPath = (url: string, re: RegExp) => re.test(new URL(url).pathname);
	const saved = page.waitForResponse((r) => isPath(r.url(), /^\/rest\/credentials(\/[^/]+)?$/) && ['POST', 'PATCH'].includes(r.request().method()), { timeout: 30_000 });
	// the test n8n sends after this save: a request that starts from now on (n8n 2.x also tests a credential when its
	// dialog opens, and that earlier test may still be answering)
	const testRequest = page.waitForRequest((r) => isPath(r.url(), /^\/rest\/credentials\/test$/), { timeout: 30_000 }).catch(() => undefined);
	await modal.getByTestId('credential-save-button').click();
	const res = await saved;
	const body = await res.json().catch(() => undefined);
	if (res.status() >= 400) throw new Error(`credential save answered ${res.status()}: ${JSON.stringify(body).slice(0, 300)}`);
	const id = String(body?.data?.id ?? body?.id ?? '');
	// n8n tests right after the save when the type has a test; none follows within a few seconds otherwise
	const request = await Promise.race([testRequest, new Promise<undefined>((r) => setTimeout(() => r(undefined), 4_000))]);
	const test = await request?.response();
	if (!request || !test) return { id, banner: '' };
	const result = (await test.json().catch(() => undefined))?.data as { status?: string; message?: string } | undefined;
	const ok = modal.getByText('Connection tested successfully');
	if (result?.status === 'OK') {
		await ok.waitFor({ timeout: 10_000 });
		return { id, banner: 'Connection tested successfully' };
	}
	// which fields the editor sent with the test (names only): tells a lost field from a platform refusal
	const sent = Object.keys((test.request().postDataJSON() as { credentials?: { data?: object } } | null)?.credentials?.data ?? {}).sort().join(',');
	return { id, banner: `Couldn't connect: ${result?.message ?? `test answered ${test.status()}`} (test sent: ${sent})` };
}

export interface ConnectResult {
	connected: boolean;
	/** the authorize URL the popup opened (its scope parameter is what n8n asked for) */
	authorizeUrl: string;
	popupText: string;
}

/**
 * Connect (OAuth2): the popup opens the platform's consent page; `agree` clicks through it; the popup closes and the
 * dialog says the account is connected.
 */
export async function connectOAuth2(modal: Locator, agree: (popup: Page) => Promise<void>): Promise<ConnectResult> {
	const page = modal.page();
	const popupP = page.waitForEvent('popup', { timeout: 20_000 });
	// not connected: "Connect" (1.x "Connect my account"); connected: "Switch account" (1.x "Reconnect")
	// (1.x's Reconnect carries no test id: found by its text)
	await modal
		.getByTestId('quick-connect-button')
		.or(modal.getByTestId('oauth-connect-button'))
		.or(modal.getByTestId('oauth-switch-account-button'))
		.or(modal.getByRole('button', { name: 'Reconnect', exact: true }))
		.filter({ visible: true })
		.first()
		.click();
	const popup = await popupP;
	// n8n opens about:blank first, then sets the authorize URL
	await popup.waitForURL((u) => u.protocol !== 'about:', { timeout: 20_000 }).catch(() => undefined);
	await popup.waitForLoadState('domcontentloaded').catch(() => undefined);
	const authorizeUrl = popup.url();
	let popupText = await popup.locator('body').innerText().catch(() => '');
	// listened for before Agree: the callback page may close the popup before the click returns
	const closedP = popup.waitForEvent('close', { timeout: 40_000 }).then(
		() => true,
		() => false,
	);
	try {
		await agree(popup);
	} catch (e) {
		await popup.close().catch(() => undefined);
		return { connected: false, authorizeUrl, popupText: `${popupText} [${(e as Error).message.split('\n')[0]}]` };
	}
	// the callback page closes the popup itself; an error page stays open
	const closed = popup.isClosed() || (await closedP);
	if (!closed) {
		popupText = await popup.locator('body').innerText().catch(() => popupText);
		await popup.close().catch(() => undefined);
	}
	// an error page (e.g. "Unauthorized") stays open; only n8n's success page closes itself
	const connected = closed && await modal
		.getByTestId('oauth-connect-success-banner')
		.waitFor({ timeout: 15_000 })
		.then(
			() => true,
			() => false,
		);
	return { connected, authorizeUrl, popupText };
}

/** the simulator's consent pages all have one #agree control */
export async function clickAgree(popup: Page): Promise<void> {
	await popup.locator('#agree').click({ timeout: 15_000 });
}

export async function closeModal(modal: Locator): Promise<void> {
	const page = modal.page();
	const btn = page.locator('.el-dialog__headerbtn:visible').or(page.getByRole('button', { name: 'Close this dialog' }));
	if (await btn.first().isVisible().catch(() => false)) await btn.first().click();
	else await page.keyboard.press('Escape');
	await modal.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Credentials list → the card with that name → the dialog. */
export async function openCredential(page: Page, baseUrl: string, name: string): Promise<Locator> {
	await page.goto(`${baseUrl}/home/credentials`);
	await page.getByTestId('resources-list-item').or(page.getByTestId('credential-cards')).filter({ hasText: name }).first().click();
	const modal = credentialModal(page);
	await modal.waitFor();
	return modal;
}

// ---------------------------------------------------------------- workflows

/** A new empty workflow in the editor. */
export async function newWorkflow(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/new`);
	await page.getByTestId('canvas-add-button').or(page.getByTestId('canvas-plus-button')).first().waitFor({ timeout: 30_000 });
	await dismissPopups(page);
}

/** The node creator: search the node, then click the action (resource + operation) by its text. */
export async function addNodeWithAction(page: Page, search: string, nodeName: string, action: string | RegExp): Promise<Locator> {
	const add = page.getByTestId('canvas-add-button').or(page.getByTestId('node-creator-plus-button'));
	await add.first().click();
	const creator = page.getByTestId('node-creator');
	await creator.waitFor();
	await page.getByTestId('node-creator-search-bar').fill(search);
	await creator.getByTestId('item-iterator-item').filter({ hasText: nodeName }).first().click();
	const item = creator.getByTestId('item-iterator-item').filter({ hasText: action }).first();
	// a node with a trigger of the same name (MediaX Douyin, WeChat) lists its triggers first on an empty canvas and
	// its actions under a collapsed "Actions" heading, as a person sees it
	if (!(await item.waitFor({ timeout: 3_000 }).then(() => true, () => false))) {
		const actions = creator.getByTestId('node-creator-category-item').filter({ hasText: /^\s*Actions/ }).first();
		if (await actions.isVisible().catch(() => false)) await actions.click();
	}
	await item.click();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	return ndv;
}

/**
 * The credential a node panel's credential select shows ('' when empty): older element-plus (n8n 1.x) keeps the label
 * in the input, newer (2.x) in a placeholder element that is transparent while the field is empty.
 */
async function shownCredential(select: Locator): Promise<string> {
	const input = (await select.locator('input').first().inputValue().catch(() => '')).trim();
	if (input) return input;
	const label = select.locator('.el-select__placeholder:not(.is-transparent), .el-select__selected-item:not(.is-transparent)').first();
	return (await label.count()) ? (await label.innerText().catch(() => '')).trim() : '';
}

/**
 * The node panel's credential fields, one element per field: n8n 2.x marks each with `node-credentials-slot`, 1.x only
 * renders it as a child of `.node-credentials`, which both versions have.
 */
function credentialFields(ndv: Locator): Locator {
	return ndv.locator('.node-credentials > div');
}

/** The node panel's credential fields: their labels and the credential each holds ('' when empty). */
export async function nodeCredentialSlots(ndv: Locator): Promise<Array<{ label: string; value: string }>> {
	const slots = credentialFields(ndv);
	await slots.first().waitFor();
	const out: Array<{ label: string; value: string }> = [];
	for (let i = 0; i < (await slots.count()); i++) {
		const slot = slots.nth(i);
		const label = (await slot.getByTestId('credentials-label').first().innerText().catch(() => '')).trim();
		const select = slot.getByTestId('node-credentials-select');
		const value = (await select.count()) ? await shownCredential(select) : '';
		out.push({ label, value });
	}
	return out;
}

export const POINTS_AT_CREDENTIAL_FIELDS = /credential (field|fields)( shown)? (above|below)|credentials to watch (above|below)/i;

/**
 * Notices of the panel that point at the credential fields ("… credential fields above / below …"), each with where
 * the fields really are: n8n places them after the leading notices when a field depends on Resource or Operation,
 * before everything when none does, and the same on 1.x and 2.x.
 */
export async function credentialNoticePlacement(ndv: Locator): Promise<Array<{ text: string; says: string; actual: string }>> {
	const fields = credentialFields(ndv);
	await fields.first().waitFor();
	const fieldsTop = (await fields.first().boundingBox())?.y ?? 0;
	const notices = ndv.getByText(POINTS_AT_CREDENTIAL_FIELDS);
	const out: Array<{ text: string; says: string; actual: string }> = [];
	for (let i = 0; i < (await notices.count()); i++) {
		const notice = notices.nth(i);
		if (!(await notice.isVisible())) continue;
		const text = (await notice.innerText()).trim();
		const says = /\b(above|below)\b/i.exec(text)![1].toLowerCase();
		const top = (await notice.boundingBox())?.y ?? 0;
		out.push({ text, says, actual: fieldsTop < top ? 'above' : 'below' });
	}
	return out;
}

/**
 * Picks `name` in whichever credential field offers it; nothing to do when a field already shows it (n8n fills a
 * field with the only credential of its type). A field's dropdown that lacks it is closed by a click on the field's
 * label (outside the select), so it cannot cover the next field.
 */
export async function pickNodeCredential(ndv: Locator, name: string): Promise<void> {
	const page = ndv.page();
	const slots = credentialFields(ndv);
	// the slots render after the parameters they follow
	await slots.first().waitFor();
	const count = await slots.count();
	for (let i = 0; i < count; i++) {
		const select = slots.nth(i).getByTestId('node-credentials-select');
		if ((await select.count()) && (await shownCredential(select)) === name) return;
	}
	const seen: string[][] = [];
	for (let i = 0; i < count; i++) {
		const slot = slots.nth(i);
		const select = slot.getByTestId('node-credentials-select');
		if (!(await select.count())) continue;
		// the dropdown renders after the click (teleported to the body; a tooltip may be the last popper, so the
		// options are looked up among the visible ones: one select is open at a time)
		const items = page.locator('.el-select-dropdown__item:visible');
		// its options load after it opens (slowly on a busy machine); a click that landed while the previous field's
		// dropdown was closing opens nothing, so it is clicked again
		for (let attempt = 0; attempt < 3; attempt++) {
			await select.click();
			if (await items.first().waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
		}
		const option = items.filter({ has: page.getByText(name, { exact: true }) }).first();
		if (await option.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
			await option.click();
			await option.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
			return;
		}
		seen.push(await items.allInnerTexts().catch(() => []));
		// Escape would close the whole node panel
		await slot.getByTestId('credentials-label').first().click({ position: { x: 2, y: 2 } }).catch(() => undefined);
		await items.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
	}
	const texts = await slots.allInnerTexts();
	throw new Error(`no credential field of the node offers "${name}" (fields: ${JSON.stringify(texts)}; their options: ${JSON.stringify(seen)})`);
}

/** Execute step; waits until the output panel shows items or an error, and returns its text. */
export async function executeStep(ndv: Locator): Promise<string> {
	await ndv.getByTestId('node-execute-button').first().click();
	return waitForOutput(ndv);
}

/** The trigger panel's Test URL, read as shown (the "Webhook URLs" section opened if closed; MediaX triggers answer
 * WeChat's GET check and the POST pushes on one path, so every row shows the same URL). */
export async function webhookTestUrl(ndv: Locator): Promise<string> {
	const urls = ndv.getByText(/\/webhook-test\//).filter({ visible: true });
	if (!(await urls.first().isVisible().catch(() => false))) await ndv.getByText('Webhook URLs', { exact: true }).first().click();
	await urls.first().waitFor();
	const url = /https?:\/\/\S+/.exec(await urls.first().innerText())?.[0];
	if (!url) throw new Error(`no Test URL in the panel: ${JSON.stringify(await urls.allInnerTexts())}`);
	return url;
}

/** Execute step on a trigger: n8n listens on the Test URL until one event arrives */
export async function listenForTestEvent(ndv: Locator): Promise<void> {
	await ndv.getByTestId('node-execute-button').first().click();
	await ndv.getByText(/Listening for test event|Waiting for you to create an event/).first().waitFor({ timeout: 30_000 });
}

/** Waits until the output panel shows items or an error, and returns its text (throws the error's text). */
export async function waitForOutput(ndv: Locator): Promise<string> {
	const out = ndv.getByTestId('output-panel');
	await out.getByTestId('ndv-items-count').or(out.getByTestId('node-error-message')).first().waitFor({ timeout: 60_000 });
	const error = out.getByTestId('node-error-message');
	if (await error.isVisible().catch(() => false)) {
		const description = await out.getByTestId('node-error-description').innerText().catch(() => '');
		throw new Error(`the node failed: ${(await error.innerText()).trim()} ${description.trim()}`.trim());
	}
	return out.innerText();
}

/**
 * The output panel switched to its JSON view (the easiest to assert on); returns that text once an item is in it.
 * The items count can show before the items do (2.41.1 once returned only the panel's header here).
 */
export async function outputJson(ndv: Locator): Promise<string> {
	const out = ndv.getByTestId('output-panel');
	const json = out.getByTestId('radio-button-json');
	if (await json.isVisible().catch(() => false)) await json.click();
	const data = out.getByTestId('ndv-data-container').first();
	await data.waitFor({ timeout: 30_000 });
	let text = '';
	for (let waited = 0; waited < 30_000; waited += 200) {
		text = await data.innerText();
		if (text.includes('{')) return text;
		await ndv.page().waitForTimeout(200);
	}
	throw new Error(`no item in the output panel's JSON view after 30 s: ${text.slice(0, 300)}`);
}

/**
 * After a workflow ran in the editor: the MediaX Publish node opened from the canvas, its output in table view; returns
 * the table's rows as text (one row per post and platform).
 */
export async function publishOutputTable(page: Page): Promise<string[]> {
	await page.getByTestId('canvas-node').filter({ hasText: 'MediaX Publish' }).first().dblclick();
	await waitForOutput(page.getByTestId('ndv'));
	const out = page.getByTestId('output-panel');
	const table = out.getByTestId('radio-button-table');
	if (await table.isVisible().catch(() => false)) await table.click();
	const rows = out.locator('table tbody tr');
	await rows.first().waitFor();
	return rows.allInnerTexts();
}

// ---------------------------------------------------------------- printed instructions

export type PrintedAction =
	| { do: 'open'; url: string; tab: boolean }
	| { do: 'fill'; field: string; value: string }
	| { do: 'click'; text: string; popup: boolean }
	| { do: 'see'; text: string; popup: boolean }
	| { do: 'paste'; field: string }
	| { do: 'closeDialog' };

/** One printed step ("Title: Open …, click "X", you see "Y" in the window that opens.") back into its actions. */
export function parsePrintedStep(line: string): { title: string; actions: PrintedAction[] } {
	const m = /^\s*\d+\.\s+(.+?):\s+(.*)$/.exec(line);
	if (!m) throw new Error(`not a numbered step: ${line}`);
	const actions: PrintedAction[] = [];
	const re =
		/open (\S+?) in a new browser tab|open (\S+?)(?=,|\.$|$)|type (\S+) into "([^"]+)"|click "([^"]+)"( in the window that opens)?|you see "([^"]+)"( in the window that opens)?|paste the code into "([^"]+)"|close the dialog/gi;
	for (const a of m[2].matchAll(re)) {
		if (a[1]) actions.push({ do: 'open', url: a[1], tab: true });
		else if (a[2]) actions.push({ do: 'open', url: a[2], tab: false });
		else if (a[3]) actions.push({ do: 'fill', field: a[4], value: a[3] });
		else if (a[5]) actions.push({ do: 'click', text: a[5], popup: !!a[6] });
		else if (a[7]) actions.push({ do: 'see', text: a[7], popup: !!a[8] });
		else if (a[9]) actions.push({ do: 'paste', field: a[9] });
		else actions.push({ do: 'closeDialog' });
	}
	return { title: m[1], actions };
}

/**
 * Where a person's click on this element lands: its centre, when nothing around it is transparent and the topmost
 * thing there is the element or inside it (Playwright's own rule for a click); 'scroll' when it is outside the window
 * (the click scrolls it into view first); null when it cannot be clicked where it is. n8n renders hover-only controls
 * that read like visible ones: the canvas trigger's "Execute workflow" button is under the canvas pane until its node
 * is hovered.
 */
function clickPoint(node: unknown): { x: number; y: number } | 'scroll' | null {
	// the suite compiles without the DOM library: the little of it used here
	type Box = { left: number; top: number; width: number; height: number };
	type El = { getBoundingClientRect(): Box; parentElement: El | null; contains(other: El): boolean };
	const win = globalThis as unknown as {
		getComputedStyle(e: El): { opacity: string; visibility: string };
		innerWidth: number;
		innerHeight: number;
		document: { elementFromPoint(x: number, y: number): El | null };
	};
	const el = node as El;
	const r = el.getBoundingClientRect();
	if (!r.width || !r.height) return null;
	for (let e: El | null = el; e; e = e.parentElement) {
		const style = win.getComputedStyle(e);
		if (style.opacity === '0' || style.visibility === 'hidden') return null;
	}
	const x = r.left + r.width / 2;
	const y = r.top + r.height / 2;
	if (x < 0 || y < 0 || x >= win.innerWidth || y >= win.innerHeight) return 'scroll';
	const hit = win.document.elementFromPoint(x, y);
	return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
}

/**
 * Clickable where it is, and still so with the pointer on it: a hover-only control shows while the pointer happens to
 * rest on its node (where the previous click left it) and fades as the pointer moves to it.
 */
async function pointable(page: Page, c: Locator): Promise<boolean> {
	const at = await c.evaluate(clickPoint).catch(() => null);
	if (at === null || at === 'scroll') return at === 'scroll';
	await page.mouse.move(at.x, at.y);
	// n8n's hover transitions take up to a few hundred milliseconds
	await new Promise((r) => setTimeout(r, 400));
	return (await c.evaluate(clickPoint).catch(() => null)) !== null;
}

/**
 * The element a person reading "click X" clicks: one whose own text is exactly X and which is in sight, controls first
 * (a button, then a link, menu item or tab, then any text such as a card title), so "Sign in" is the button, not the
 * form's heading. An icon control merely named X does not count: the printed step would not match the screen.
 */
async function byExactText(scope: Page | Locator, text: string, picks: string[]): Promise<Locator> {
	const reads = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
	const groups = [
		...(['button', 'link', 'menuitem', 'tab'] as const).map((role) => scope.getByRole(role, { name: text, exact: true }).filter({ hasText: reads })),
		scope.getByText(text, { exact: true }),
	];
	const page = 'mouse' in scope ? scope : scope.page();
	const start = Date.now();
	for (;;) {
		for (const [k, group] of groups.entries()) {
			const shown = group.filter({ visible: true });
			const n = Math.min(await shown.count().catch(() => 0), 10);
			for (let j = 0; j < n; j++) {
				const c = shown.nth(j);
				if (!(await pointable(page, c))) continue;
				const html = await c.evaluate((el) => `${el.closest('button')?.getAttribute('data-test-id') ?? '-'} ${el.outerHTML.replace(/\s+/g, ' ').slice(0, 160)}`).catch(() => '?');
				picks.push(`"${text}" → #${k}.${j} after ${Date.now() - start} ms: ${html}`);
				return c;
			}
		}
		if (Date.now() - start > 20_000) throw new Error(`nothing in sight reads exactly "${text}"`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** the input that a visible label with exactly this text belongs to */
function fieldByLabel(page: Page, label: string): Locator {
	const quoted = JSON.stringify(label);
	return page
		.getByLabel(label, { exact: true })
		.or(page.locator(`xpath=//*[normalize-space(text())=${quoted}]/following::*[self::input or self::textarea][1]`))
		// n8n's parameter: its label and, in the same item, the input of parameter-input-<name>
		.or(page.locator(`xpath=//*[normalize-space(.)=${quoted}]/ancestor::*[.//*[starts-with(@data-test-id,'parameter-input-')]][1]//*[starts-with(@data-test-id,'parameter-input-')]//*[self::input or self::textarea]`))
		.filter({ visible: true })
		.first();
}

/** the field under a label, scrolled into view first (long credential forms scroll inside the dialog) */
async function fillByLabel(page: Page, label: string, value: string): Promise<void> {
	await page.getByText(label, { exact: true }).filter({ visible: true }).first().scrollIntoViewIfNeeded({ timeout: 5_000 }).catch(() => undefined);
	await fieldByLabel(page, label).fill(value);
}

/** the text a browser renders from an HTML document: no head, scripts or styles, tags dropped, entities decoded */
export function visibleTextOf(html: string): string {
	return html
		.replace(/<head[\s\S]*?<\/head>|<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Does what the printed steps say, finding every element by exactly the printed text; screenshots after each step.
 * `popup` is the window n8n opens for Connect; a new tab is used for "open … in a new browser tab".
 * `picks` receives a line per click: what it picked and how long it looked.
 * `afterStep` looks at what a step left on n8n's page (a person reading the result) before the next step.
 */
export async function replayPrintedSteps(
	page: Page,
	lines: string[],
	shoot: (p: Page, name: string) => Promise<unknown>,
	picks: string[],
	afterStep?: (page: Page, title: string) => Promise<void>,
): Promise<void> {
	const context = page.context();
	let popup: Page | undefined;
	let tab: Page | undefined;
	const popupTexts: string[] = [];
	let clipboard = '';
	// after "open … in a new browser tab" the person works in that tab until a step names n8n's window again
	let lastWasTab = false;
	const popupUrls: string[] = [];
	page.on('popup', (p) => {
		popup = p;
		// the callback page closes itself soon after it says so: keep what each page of the popup showed, from the
		// document the window received (the window may be gone before its text can be read) and from the rendered page
		p.on('framenavigated', (f) => {
			if (f === p.mainFrame()) popupUrls.push(f.url());
		});
		p.on('response', (r) => {
			if (r.request().isNavigationRequest() && r.frame() === p.mainFrame() && r.status() < 300)
				void r.text().then((html) => popupTexts.push(visibleTextOf(html)), () => undefined);
		});
		p.on('domcontentloaded', () => void p.locator('body').innerText().then((t) => popupTexts.push(t), () => undefined));
		p.on('requestfailed', (r) => {
			if (r.frame() === p.mainFrame()) popupUrls.push(`(failed: ${r.failure()?.errorText ?? '?'})`);
		});
		p.on('close', () => popupUrls.push('(window closed)'));
	});
	for (const [i, line] of lines.entries()) {
		const { title, actions } = parsePrintedStep(line);
		for (const a of actions) {
			const where = (isPopup: boolean): Page => {
				if (isPopup) {
					if (!popup) throw new Error(`step ${i + 1} (${title}): no window opened`);
					return popup;
				}
				return tab && !tab.isClosed() && a.do !== 'closeDialog' && lastWasTab ? tab : page;
			};
			try {
				switch (a.do) {
					case 'open':
						if (a.tab) {
							tab = await context.newPage();
							await tab.goto(a.url);
							lastWasTab = true;
						} else {
							await page.goto(a.url);
							lastWasTab = false;
						}
						break;
					case 'fill':
						await fillByLabel(page, a.field, a.value);
						lastWasTab = false;
						break;
					case 'click': {
						const w = where(a.popup);
						// a click in the tab stays there until the person turns back to n8n's window
						if (w === tab && !(await tab.getByText(a.text, { exact: true }).filter({ visible: true }).count())) {
							lastWasTab = false;
							await (await byExactText(page, a.text, picks)).click();
							break;
						}
						if (w === tab && a.text === 'Copy code') clipboard = await tab.locator('#code').inputValue().catch(() => '');
						await (await byExactText(w, a.text, picks)).click();
						if (w === tab && a.text === 'Copy code') {
							const copied = await tab.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()).catch(() => '');
							clipboard = copied || clipboard;
						}
						break;
					}
					case 'see': {
						const w = where(a.popup);
						if (a.popup) {
							const seen = async () => popupTexts.some((t) => t.includes(a.text)) || (!w.isClosed() && (await w.getByText(a.text, { exact: false }).first().isVisible().catch(() => false)));
							const until = Date.now() + 20_000;
							while (!(await seen())) {
								if (Date.now() > until) throw new Error(`"${a.text}" never showed in the window (it went to ${popupUrls.join(' → ') || 'nowhere'}; it showed: ${popupTexts.map((t) => t.slice(0, 120)).join(' | ') || 'nothing'})`);
								await new Promise((r) => setTimeout(r, 250));
							}
						} else await w.getByText(a.text, { exact: false }).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
						break;
					}
					case 'paste':
						if (!clipboard) throw new Error('nothing was copied');
						await fillByLabel(page, a.field, clipboard);
						break;
					case 'closeDialog':
						await closeModal(credentialModal(page));
						lastWasTab = false;
						break;
				}
			} catch (e) {
				await shoot(popup && !popup.isClosed() && 'popup' in a && a.popup ? popup : page, `demo-step-${i + 1}-FAILED`);
				// the first line and the end of Playwright's call log (what the element was waiting for)
				const lines = (e as Error).message.split('\n').map((l) => l.trim()).filter(Boolean);
				throw new Error(`demo step ${i + 1} "${title}", ${JSON.stringify(a)}: ${[lines[0], ...lines.slice(1).slice(-4)].join(' | ')}`);
			}
		}
		await shoot(page, `demo-step-${i + 1}`);
		await afterStep?.(page, title);
	}
}
