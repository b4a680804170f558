// The editor as a person clicks it, in headless Chromium against real n8n with the packed package: every credential
// type of the package created in the credential dialog with defaults left alone, saved, connected (OAuth2 popup →
// simulator consent → Agree) or tested, reopened, saved again and connected again; then, per credential, a workflow
// built from the node creator whose node runs with that credential and shows the simulator's reply in the output
// panel. REST is used only to read results afterwards (exported credentials, the simulator's log).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { selectors } from 'playwright-core';
import { E2E_OWNER, freePort, startN8n, type N8nHarness } from '../lib/harness';
import { n8nMajor, REPO_ROOT } from '../lib/install';
import {
	addNodeWithAction,
	clickAgree,
	closeModal,
	connectOAuth2,
	credentialNoticePlacement,
	POINTS_AT_CREDENTIAL_FIELDS,
	executeStep,
	fillParameter,
	listenForTestEvent,
	waitForOutput,
	webhookTestUrl,
	newWorkflow,
	nodeCredentialSlots,
	openBrowser,
	openCredential,
	openNewCredentialDialog,
	outputJson,
	pickNodeCredential,
	publishOutputTable,
	renameCredential,
	replayPrintedSteps,
	saveCredential,
	Screenshots,
	selectParameter,
	signIn,
	type ConnectResult,
} from '../lib/browser';
import { SIM_BILI_OPENID } from '../../simulator/src/platforms/bilibili/store';
import { SIM_API_KEY, SIM_BLOG_ID, SIM_CHANNEL_ID } from '../../simulator/src/platforms/google/store';

const VERSION = process.env.MEDIAX_N8N_VERSION ?? '2.41.1';

/** what a person fills in: only required fields, plus Environment → the simulator (a non-default choice they make) */
type Field = { name: string; value: (ctx: Ctx) => string | Promise<string>; select?: boolean; ifShown?: boolean };
interface Ctx {
	h: N8nHarness;
	sim: string;
}
/** an action node's run, or a trigger's (which has no resource or operation) */
type NodeRun = NodeRunCommon &
	(
		| { resource: string; operation: string; trigger?: undefined }
		| {
				resource?: undefined;
				operation?: undefined;
				/**
				 * the node creator's trigger text, the push the simulator sends to the Test URL the panel shows, and the
				 * README image of the listening panel
				 */
				trigger: { action: RegExp; push: (ctx: Ctx, url: string) => Promise<unknown>; docs?: string };
		  }
	);
interface NodeRunCommon {
	search: string;
	node: string;
	/** the node type; an action's text in the node creator is read from it (so texts may change) */
	type: string;
	/** parameters to set after the action is added (options by visible text) */
	params?: Array<{ name: string; value: string | RegExp; select?: boolean }>;
	/** what the output panel must show */
	expect: Array<string | RegExp>;
	/**
	 * the platform call the run made, as the simulator logged it: which kind of token (or key) signed it. `byField` is
	 * the operation's order of preference as [credential field label, token kind]: the first field that holds a
	 * credential signs (n8n fills every field that has exactly one credential of its type, so a person who picks the
	 * API key may also find their Google account filled in)
	 */
	signedWith?: { path: RegExp; byField: Array<[string, string]> };
}
interface CredentialCase {
	type: string;
	name: string;
	/** the README image of this platform's credential dialog */
	docs?: string;
	fields: Field[];
	/** connected by a pasted code: which node action prints the consent URL, and the parameter the code goes in */
	pastedCode?: { node: string; search: string; type: string; resource: string; operation: string; codeParam: string; redirectParam: string };
	run: NodeRun;
}

const env = (platform: string): Field[] => [
	{ name: 'environment', value: () => 'Custom', select: true },
	{ name: 'baseUrl', value: ({ sim }) => `${sim}/${platform}` },
];

const CASES: CredentialCase[] = [
	{
		type: 'mediaXDouyinOAuth2Api',
		name: 'Douyin account (browser)',
		docs: 'credential-douyin',
		fields: [...env('douyin'), { name: 'clientId', value: () => 'sim_douyin_key' }, { name: 'clientSecret', value: () => 'sim_douyin_secret' }],
		run: { search: 'MediaX Douyin', node: 'MediaX Douyin', type: 'mediaXDouyin', resource: 'user', operation: 'getInfo', expect: ['sim-open-id-0001'] },
	},
	{
		type: 'mediaXDouyinClientCredentialsApi',
		name: 'Douyin app (browser)',
		docs: 'credential-douyin-app',
		fields: [...env('douyin'), { name: 'clientKey', value: () => 'sim_douyin_key' }, { name: 'clientSecret', value: () => 'sim_douyin_secret' }],
		run: { search: 'MediaX Douyin', node: 'MediaX Douyin', type: 'mediaXDouyin', resource: 'tool', operation: 'getShareId', expect: ['share_id'] },
	},
	{
		type: 'mediaXWeChatOfficialAccountApi',
		name: 'WeChat OA (browser)',
		docs: 'credential-wechat',
		fields: [...env('wechat'), { name: 'appId', value: () => 'wxsim0000000001' }, { name: 'appSecret', value: () => 'sim_wechat_secret' }],
		run: { search: 'MediaX WeChat', node: 'MediaX WeChat Official Account', type: 'mediaXWeChatOfficialAccount', resource: 'material', operation: 'count', expect: ['image_count'] },
	},
	{
		type: 'mediaXWeChatOAuth2Api',
		name: 'WeChat login (browser)',
		docs: 'credential-wechat-web',
		fields: [
			...env('wechat'),
			{ name: 'appId', value: () => 'wxsim0000000001' },
			{ name: 'appSecret', value: () => 'sim_wechat_secret' },
			// the person's own page at the Redirect URI; the simulator stands in for it with a page that shows the code
			{ name: 'redirectUri', value: ({ sim }) => `${sim}/wechat/oauth-callback`, ifShown: true },
		],
		pastedCode: { search: 'MediaX WeChat', node: 'MediaX WeChat Official Account', type: 'mediaXWeChatOfficialAccount', resource: 'webAuthorization', operation: 'getAuthorizationUrl', codeParam: 'authCode', redirectParam: 'code' },
		run: { search: 'MediaX WeChat', node: 'MediaX WeChat Official Account', type: 'mediaXWeChatOfficialAccount', resource: 'webAuthorization', operation: 'getUserInfo', expect: ['openid', '模拟用户'] },
	},
	{
		type: 'mediaXGoogleOAuth2Api',
		name: 'Google account (browser)',
		docs: 'credential-google',
		fields: [...env('google'), { name: 'clientId', value: () => 'sim-google-client.apps.googleusercontent.com' }, { name: 'clientSecret', value: () => 'sim_google_secret' }],
		run: {
			search: 'MediaX YouTube',
			node: 'MediaX YouTube',
			type: 'mediaXYouTube',
			resource: 'channel',
			operation: 'get',
			expect: [SIM_CHANNEL_ID],
			// "Mine": the account's own channel, so the account's token
			signedWith: { path: /\/youtube\/v3\/channels$/, byField: [['Google Account (user authorization)', 'user']] },
		},
	},
	{
		type: 'mediaXGoogleServiceAccountApi',
		name: 'Google service account (browser)',
		docs: 'credential-google-service-account',
		fields: [
			...env('google'),
			{ name: 'email', value: ({ h }) => serviceAccountKey(h).client_email },
			// as it reads in the downloaded key file: one line, newlines written as \n (a password input drops real ones)
			{ name: 'privateKey', value: ({ h }) => JSON.stringify(serviceAccountKey(h).private_key).slice(1, -1) },
		],
		run: { search: 'MediaX Blogger', node: 'MediaX Blogger', type: 'mediaXBlogger', resource: 'blog', operation: 'get', params: [{ name: 'blogId', value: SIM_BLOG_ID }], expect: ['MediaX Sim Blog'] },
	},
	{
		type: 'mediaXGoogleApiKeyApi',
		name: 'Google API key (browser)',
		docs: 'credential-google-api-key',
		fields: [...env('google'), { name: 'apiKey', value: () => SIM_API_KEY }],
		run: {
			search: 'MediaX YouTube',
			node: 'MediaX YouTube',
			type: 'mediaXYouTube',
			resource: 'channel',
			operation: 'get',
			params: [
				{ name: 'by', value: 'By ID', select: true },
				{ name: 'channelId', value: SIM_CHANNEL_ID },
			],
			expect: [SIM_CHANNEL_ID],
			// a public read: the account's token when that field is filled too, else the key (YouTube's order of preference)
			signedWith: {
				path: /\/youtube\/v3\/channels$/,
				byField: [
					['Google Account (user authorization)', 'user'],
					['Google API Key (public reads)', 'api-key'],
				],
			},
		},
	},
	{
		type: 'mediaXRedBookOAuth2Api',
		name: 'RedBook JuGuang (browser)',
		docs: 'credential-redbook',
		fields: [
			...env('redbook'),
			{ name: 'appId', value: () => '4000001' },
			{ name: 'secret', value: () => 'sim_redbook_secret' },
			{ name: 'redirectUri', value: ({ sim }) => `${sim}/redbook/oauth-callback`, ifShown: true },
		],
		pastedCode: { search: 'MediaX RedBook', node: 'MediaX RedBook', type: 'mediaXRedBook', resource: 'authorization', operation: 'getAuthorizationUrl', codeParam: 'authCode', redirectParam: 'auth_code' },
		run: {
			search: 'MediaX RedBook',
			node: 'MediaX RedBook',
			type: 'mediaXRedBook',
			resource: 'account',
			operation: 'getInfo',
			params: [{ name: 'advertiserId', value: /1234567|测试广告主 A/, select: true }],
			expect: ['1234567'],
		},
	},
	{
		type: 'mediaXWeChatOfficialAccountServerApi',
		name: 'WeChat server configuration (browser)',
		fields: [
			{ name: 'appId', value: () => 'wxsim0000000001' },
			{ name: 'token', value: () => 'simtoken123' },
			{ name: 'encodingAesSecretKey', value: () => 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' },
		],
		run: {
			search: 'MediaX WeChat',
			node: 'MediaX WeChat Official Account',
			type: 'mediaXWeChatOfficialAccountTrigger',
			trigger: {
				action: /any message or event/i,
				docs: 'trigger-wechat-listening',
				// safe mode: the push is encrypted and signed with the credential's Token and EncodingAESKey
				push: ({ h }, url) => h.sim.platforms.get('wechat')!.admin!('push', { url, mode: 'safe', message: { MsgType: 'text', Content: '浏览器里的消息', MsgId: '7007' } }, h.sim) as Promise<unknown>,
			},
			expect: ['浏览器里的消息', '7007'],
		},
	},
	{
		type: 'mediaXBilibiliOAuth2Api',
		name: 'Bilibili account (browser)',
		docs: 'credential-bilibili',
		fields: [
			...env('bilibili'),
			{ name: 'clientId', value: () => 'sim_bili_client' },
			{ name: 'clientSecret', value: () => 'sim_bili_secret' },
			// older versions of the credential asked for n8n's callback URL a second time
			{ name: 'redirectUrl', value: ({ h }) => `${h.baseUrl}/rest/oauth2-credential/callback`, ifShown: true },
		],
		run: { search: 'MediaX Bilibili', node: 'MediaX Bilibili', type: 'mediaXBilibili', resource: 'user', operation: 'getInfo', expect: [SIM_BILI_OPENID] },
	},
];

function serviceAccountKey(h: N8nHarness): { client_email: string; private_key: string } {
	return h.sim.platforms.get('google')!.admin!('service-account', {}, h.sim) as { client_email: string; private_key: string };
}

/** the package's credential types, from package.json `n8n.credentials` (dist/credentials/MediaXFoo.credentials.js → mediaXFoo) */
function packageCredentialTypes(): string[] {
	const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };
	return pkg.n8n.credentials.map((p) => {
		const base = p.split('/').pop()!.replace(/\.credentials\.js$/, '');
		return base[0].toLowerCase() + base.slice(1);
	});
}

/** per credential type: which steps passed; printed at the end (the lead's table of what works on which branch) */
const results = new Map<string, Array<[string, 'pass' | 'FAIL', string?]>>();
let onFail: (type: string, step: string) => Promise<unknown> = async () => undefined;
async function step<T>(type: string, name: string, fn: () => Promise<T>): Promise<T> {
	const list = results.get(type) ?? [];
	results.set(type, list);
	try {
		const r = await fn();
		list.push([name, 'pass']);
		return r;
	} catch (e) {
		list.push([name, 'FAIL', (e as Error).message.split('\n')[0].slice(0, 300)]);
		await onFail(type, name).catch(() => undefined);
		throw e;
	}
}

describe(`the editor in Chromium on n8n ${VERSION}`, () => {
	let h: N8nHarness;
	let page: Page;
	let closeBrowser: () => Promise<void>;
	let shots: Screenshots;
	let displayNames: Map<string, string>;
	let nodeTypes: Array<{ name: string; properties: Array<{ name: string; displayName: string; type: string; displayOptions?: { show?: Record<string, unknown[]> }; options?: Array<{ value: unknown; action?: string }> }> }>;
	/** the package's node type as n8n's /types/nodes.json serves it to the editor */
	const nodeTypeOf = (name: string) => {
		const type = nodeTypes.find((t) => t.name === `n8n-nodes-mediax.${name}`);
		if (!type) throw new Error(`n8n does not list the node type ${name}`);
		return type;
	};
	/** the text the node creator lists for this resource + operation (the operation option's `action`) */
	const actionText = (r: { type: string; resource: string; operation: string }): string => {
		const prop = nodeTypeOf(r.type).properties.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(r.resource));
		const text = prop?.options?.find((o) => o.value === r.operation)?.action;
		if (!text) throw new Error(`no action for ${r.type} ${r.resource} → ${r.operation}`);
		return text;
	};
	const ids = new Map<string, string>();
	const names = new Map<string, string>();
	const ctx = () => ({ h, sim: h.sim.baseUrl });

	beforeAll(async () => {
		selectors.setTestIdAttribute('data-test-id');
		h = await startN8n();
		const b = await openBrowser();
		page = b.page;
		closeBrowser = b.close;
		shots = new Screenshots(VERSION);
		onFail = (type, name) => shots.take(page, `${type}-FAILED-${name.replace(/\W+/g, '-')}`);
		const types = await h.rest('GET', '/types/credentials.json');
		nodeTypes = (await h.rest('GET', '/types/nodes.json')).body;
		displayNames = new Map((types.body as Array<{ name: string; displayName: string }>).map((t) => [t.name, t.displayName]));
	});
	afterAll(async () => {
		console.log(
			`browser suite on n8n ${VERSION}, steps per credential type:\n` +
				[...results].map(([type, steps]) => `  ${type}\n${steps.map(([s, r, why]) => `    ${r.padEnd(4)} ${s}${why ? ` — ${why}` : ''}`).join('\n')}`).join('\n'),
		);
		await closeBrowser?.();
		await h?.stop();
	});

	it('signs in through the sign-in page', async () => {
		await signIn(page, h.baseUrl, E2E_OWNER.email, E2E_OWNER.password);
		await shots.take(page, 'signed-in');
		expect(new URL(page.url()).pathname).not.toMatch(/signin/);
	});

	it('has a browser case for every credential type the package declares', () => {
		const declared = packageCredentialTypes();
		expect(CASES.map((c) => c.type).sort()).toEqual([...declared].sort());
	});

	/** the dialog's fields filled as the case says; ifShown fields only when the form has them */
	async function fillFields(modal: Locator, c: CredentialCase): Promise<void> {
		for (const f of c.fields) {
			const shown = await modal.getByTestId(`parameter-input-${f.name}`).isVisible().catch(() => false);
			if (f.ifShown && !shown) continue;
			const value = await f.value(ctx());
			if (f.select) await selectParameter(modal, f.name, new RegExp(value));
			else await fillParameter(modal, f.name, value);
		}
	}

	/** Connect in the dialog: the popup, the consent page's Agree, "Account connected" */
	async function connect(c: CredentialCase, modal: Locator, label: string): Promise<ConnectResult> {
		const r = await connectOAuth2(modal, clickAgree);
		await shots.take(page, `${c.type}-${label}`, label === 'connect-1' ? c.docs : undefined);
		if (!r.connected) throw new Error(`not connected; consent popup said: ${r.popupText.slice(0, 300)}`);
		return r;
	}

	/** Pasted-code connect: the node's authorization-URL action run in the editor, consent page, code pasted, saved */
	async function connectWithCode(c: CredentialCase, label: string): Promise<void> {
		const p = c.pastedCode!;
		await newWorkflow(page, h.baseUrl);
		const ndv = await addNodeWithAction(page, p.search, p.node, actionText(p));
		await pickNodeCredential(ndv, names.get(c.type)!);
		await executeStep(ndv);
		const text = await outputJson(ndv);
		const url = /https?:\/\/[^\s"]+/.exec(text)?.[0];
		if (!url) throw new Error(`no authorization URL in the output panel: ${text.slice(0, 300)}`);
		await shots.take(page, `${c.type}-${label}-auth-url`);
		const consent = await page.context().newPage();
		let landed = '';
		consent.on('request', (r) => {
			if (new URL(r.url()).searchParams.get(p.redirectParam)) landed = r.url();
		});
		await consent.goto(url);
		await shots.take(consent, `${c.type}-${label}-consent`);
		await clickAgree(consent);
		// the page at the Redirect URI shows the code and a "Copy code" button
		const copy = consent.getByRole('button', { name: 'Copy code', exact: true });
		await copy.waitFor({ timeout: 15_000 });
		await shots.take(consent, `${c.type}-${label}-code-page`, label === 'connect-1' && c.docs ? `${c.docs}-code-page` : undefined);
		await copy.click();
		const copied = await consent.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
		await consent.close();
		const code = landed && new URL(landed).searchParams.get(p.redirectParam);
		if (!code) throw new Error('the consent page did not redirect with a code');
		if (copied !== code) throw new Error(`"Copy code" copied ${JSON.stringify(copied)}, the redirect carried ${code}`);
		const modal = await openCredential(page, h.baseUrl, names.get(c.type)!);
		await fillParameter(modal, p.codeParam, code);
		const saved = await saveCredential(modal);
		await shots.take(page, `${c.type}-${label}-code-saved`, label === 'connect-1' ? c.docs : undefined);
		if (saved.banner !== 'Connection tested successfully') throw new Error(`after pasting the code: ${saved.banner || 'no test result'}`);
		await closeModal(modal);
	}

	for (const c of CASES) {
		it(`${c.type}: created by clicks with defaults, saved, connected or tested, reopened, saved and connected again`, async () => {
			const typeName = displayNames.get(c.type);
			expect(typeName).toBeDefined();
			names.set(c.type, `${c.name} (new)`);
			let modal = await step(c.type, 'create in the dialog', async () => {
				const m = await openNewCredentialDialog(page, h.baseUrl, typeName!);
				await renameCredential(m, `${c.name} (new)`);
				await fillFields(m, c);
				return m;
			});
			await shots.take(page, `${c.type}-filled`);
			const first = await step(c.type, 'save', async () => {
				const s = await saveCredential(modal);
				if (!s.id) throw new Error('no id from the save');
				return s;
			});
			ids.set(c.type, first.id);
			const oauth = await modal.getByTestId('quick-connect-button').or(modal.getByTestId('oauth-connect-button')).first().isVisible();
			if (oauth) await step(c.type, 'Connect (popup, consent, Agree)', () => connect(c, modal, 'connect-1'));
			else if (!c.pastedCode) {
				await shots.take(page, `${c.type}-tested`, c.docs);
				await step(c.type, 'Test on save', async () => {
					if (first.banner !== 'Connection tested successfully') throw new Error(first.banner || 'no test result shown');
				});
			}
			await closeModal(modal);
			if (!oauth && c.pastedCode) await step(c.type, 'connect with the pasted code', () => connectWithCode(c, 'connect-1'));

			// reopen: what the editor loads back must save again without losing anything
			// (a real edit: n8n keeps Save disabled for an unchanged form)
			modal = await step(c.type, 'reopen', () => openCredential(page, h.baseUrl, `${c.name} (new)`));
			await step(c.type, 'save again', async () => {
				await renameCredential(modal, c.name);
				const again = await saveCredential(modal);
				names.set(c.type, c.name);
				if (!oauth && !c.pastedCode && again.banner !== 'Connection tested successfully') throw new Error(`test after the second save: ${again.banner || 'no result'}`);
			});
			await shots.take(page, `${c.type}-saved-again`);
			if (oauth)
				await step(c.type, 'Connect again (Switch account)', async () => {
					const before = (await h.exportCredential(first.id)).oauthTokenData;
					await connect(c, modal, 'connect-2');
					const after = (await h.exportCredential(first.id)).oauthTokenData;
					if (JSON.stringify(after) === JSON.stringify(before)) throw new Error('the second Connect stored no new token');
				});
			await closeModal(modal);
			if (!oauth && c.pastedCode) await step(c.type, 'connect again with a new pasted code', () => connectWithCode(c, 'connect-2'));

			// what was stored (read, not written)
			const stored = await h.exportCredential(first.id);
			if (oauth) expect(stored.oauthTokenData).toBeDefined();
			else if (c.pastedCode) expect(stored.accessToken).toBeTruthy();
		});
	}

	for (const c of CASES) {
		it(`${c.type}: a workflow built in the editor runs ${c.run.trigger ? `the trigger on a push to its Test URL` : `${c.run.resource} → ${c.run.operation}`} with the credential the panel offers`, async () => {
			expect(ids.get(c.type)).toBeDefined();
			await newWorkflow(page, h.baseUrl);
			const ndv = await step(c.type, 'node from the node creator', () => addNodeWithAction(page, c.run.search, c.run.node, c.run.trigger ? c.run.trigger.action : actionText(c.run)));
			const slots = await nodeCredentialSlots(ndv);
			await step(c.type, 'panel names each credential field distinctly', async () => {
				const labels = slots.map((s) => s.label);
				if (new Set(labels).size !== labels.length) throw new Error(`credential fields: ${JSON.stringify(labels)}`);
			});
			await step(c.type, 'a notice that points at the credential fields points where they are', async () => {
				const found = await credentialNoticePlacement(ndv);
				// the node's own notices that say where the fields are (shown for every operation): each must be found
				const declared = nodeTypeOf(c.run.type).properties.filter((p) => p.type === 'notice' && !p.displayOptions && POINTS_AT_CREDENTIAL_FIELDS.test(p.displayName));
				if (found.length < declared.length) throw new Error(`the panel shows ${found.length} of the node's ${declared.length} notices about its credential fields`);
				const wrong = found.filter((n) => n.says !== n.actual);
				if (wrong.length) throw new Error(wrong.map((n) => `"${n.text.slice(0, 80)}…" says ${n.says}, the fields are ${n.actual}`).join('; '));
			});
			await step(c.type, 'pick the credential the panel offers', () => pickNodeCredential(ndv, names.get(c.type)!));
			// YouTube's panel: three credential fields, each named for what it serves
			await shots.take(page, `${c.type}-node-credentials`, c.type === 'mediaXGoogleApiKeyApi' ? 'node-panel-credentials' : undefined);
			for (const p of c.run.params ?? []) {
				if (p.select) await selectParameter(ndv, p.name, p.value);
				else await fillParameter(ndv, p.name, String(p.value));
			}
			const trigger = c.run.trigger;
			const out = trigger
				? await step(c.type, 'Listen for test event, the platform pushes to the Test URL the panel shows', async () => {
						const url = await webhookTestUrl(ndv);
						await listenForTestEvent(ndv);
						await shots.take(page, `${c.type}-listening`, trigger.docs);
						await trigger.push(ctx(), url);
						await waitForOutput(ndv);
						return outputJson(ndv);
					})
				: await step(c.type, 'execute step', async () => {
						await executeStep(ndv);
						return outputJson(ndv);
					});
			await shots.take(page, `${c.type}-output`, c.type === 'mediaXDouyinOAuth2Api' ? 'node-panel-output' : undefined);
			await step(c.type, 'output panel shows the reply', async () => {
				for (const e of c.run.expect) if (!(typeof e === 'string' ? out.includes(e) : e.test(out))) throw new Error(`output lacks ${String(e)}: ${out.slice(0, 400)}`);
			});
			const signedWith = c.run.signedWith;
			if (signedWith) {
				const filled = new Map((await nodeCredentialSlots(ndv)).map((slot) => [slot.label.replace(/\s*\*$/, ''), slot.value]));
				const expected = signedWith.byField.find(([label]) => filled.get(label))?.[1];
				await step(c.type, `the platform call was signed with the ${expected ?? '(no filled field)'}`, async () => {
					if (!expected) throw new Error(`none of ${JSON.stringify(signedWith.byField.map(([l]) => l))} holds a credential: ${JSON.stringify([...filled])}`);
					const call = h.sim.log.filter((e) => signedWith.path.test(e.path)).at(-1);
					if (call?.tokenKind !== expected) throw new Error(`the last ${signedWith.path} call was signed with ${call?.tokenKind ?? 'nothing (no call)'}`);
				});
			}
			await page.keyboard.press('Escape');
		});
	}

	// the demo exists for n8n 2.x only (`npm start` runs 2.41.1)
	if (n8nMajor(VERSION) >= 2) {
		it('replays the demo\'s printed steps word for word: printed URL, printed account, every step by its texts', async () => {
			const dir = mkdtempSync(join(tmpdir(), 'mediax-demo-'));
			let demo: ChildProcess | undefined;
			let exitedP: Promise<unknown> | undefined;
			try {
				let out = '';
				const env = { ...process.env, MEDIAX_DEMO_DIR: dir, N8N_DEMO_PORT: String(await freePort()), SIM_PORT: String(await freePort()) };
				demo = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(REPO_ROOT, 'e2e', 'demo.ts')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
				demo.stdout!.on('data', (d) => (out += d));
				demo.stderr!.on('data', (d) => (out += d));
				const exited = new Promise<number | null>((r) => demo!.on('exit', (code) => r(code)));
				exitedP = exited;
				const ready = new Promise<void>((resolve, reject) => {
					const t = setInterval(() => {
						if (/Ctrl-C stops/.test(out)) {
							clearInterval(t);
							resolve();
						}
					}, 250);
					void exited.then((code) => {
						clearInterval(t);
						reject(new Error(`the demo exited (${code}) before it was ready:\n${out.slice(-2000)}`));
					});
				});
				await ready;
				const url = /^ n8n \S+\s+(http\S+)/m.exec(out)?.[1];
				const email = /sign in as\s+(\S+)/.exec(out)?.[1];
				const password = /password\s+(\S+)/.exec(out)?.[1];
				const lines = out.slice(out.indexOf('step by step:')).split('\n').filter((l) => /^\s+\d+\.\s/.test(l));
				expect({ url: !!url, email, password: !!password }).toEqual({ url: true, email: expect.stringContaining('@'), password: true });
				expect(lines.length).toBeGreaterThan(3);
				// the printed sign-in step names the printed URL and account
				expect(lines[0]).toContain(url!);
				expect(lines[0]).toContain(email!);
				const demoPage = await page.context().newPage();
				// what each printed click picked, with how long it looked: written beside the screenshots, also on a failure
				const picks: string[] = [];
				try {
					let publishRows: string[] = [];
					await replayPrintedSteps(
						demoPage,
						lines,
						(p, name) => shots.take(p, name),
						picks,
						// after the Publish sample ran: its node's output table, one row per platform (the README image)
						async (p, title) => {
							if (!/^Run "MediaX Publish/.test(title)) return;
							publishRows = await publishOutputTable(p);
							await shots.take(p, 'demo-publish-output', 'publish-output');
							await p.keyboard.press('Escape');
						},
					);
					// the demo's first run: every platform has a row whose status says the post exists there
					const statusOf = (platform: string) => (publishRows.find((row) => new RegExp(`\\b${platform}\\b`, 'i').test(row)) ?? '').match(/\b(published|scheduled|in_review|submitted|failed|skipped)\b/)?.[1] ?? 'no row';
					const statuses = Object.fromEntries(['douyin', 'wechat', 'youtube', 'bilibili', 'blogger'].map((p) => [p, statusOf(p)]));
					expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((p) => [p, expect.stringMatching(/^(published|scheduled|in_review|submitted)$/)])));
				} finally {
					writeFileSync(join(shots.dir, 'demo-clicks.log'), picks.join('\n') + '\n');
					await demoPage.close().catch(() => undefined);
				}
			} finally {
				if (demo?.pid && demo.exitCode === null) {
					try {
						process.kill(-demo.pid, 'SIGTERM');
					} catch {}
					await Promise.race([exitedP, new Promise((r) => setTimeout(r, 30_000))]);
				}
				rmSync(dir, { recursive: true, force: true });
			}
		});
	}
});
