// For every (resource, operation) of every node, the credential fields n8n's editor shows (its own displayParameter on
// the node's parameters with defaults filled in) are exactly the credential types the operation's `token` can use.
import { NodeHelpers, type INode, type INodeType, type IDataObject } from 'n8n-workflow';
import { MediaXBilibili } from '../../nodes/MediaXBilibili/MediaXBilibili.node';
import { bilibiliPlatform } from '../../nodes/MediaXBilibili/transport';
import { MediaXBlogger } from '../../nodes/MediaXBlogger/MediaXBlogger.node';
import { bloggerPlatform } from '../../nodes/MediaXBlogger/transport';
import { MediaXDouyin } from '../../nodes/MediaXDouyin/MediaXDouyin.node';
import { douyinPlatform } from '../../nodes/MediaXDouyin/transport';
import { MediaXRedBook } from '../../nodes/MediaXRedBook/MediaXRedBook.node';
import { redbookPlatform } from '../../nodes/MediaXRedBook/transport';
import { MediaXWeChatOfficialAccount } from '../../nodes/MediaXWeChatOfficialAccount/MediaXWeChatOfficialAccount.node';
import { wechatPlatform } from '../../nodes/MediaXWeChatOfficialAccount/transport';
import { MediaXYouTube } from '../../nodes/MediaXYouTube/MediaXYouTube.node';
import { youTubePlatform } from '../../nodes/MediaXYouTube/transport';
import { credentialChoices, credentialNotice, credentialTypesFor } from '../../nodes/shared/node/credentialChoice';
import type { NodePlatform } from '../../nodes/shared/node/router';

const cases: Array<[string, INodeType, NodePlatform]> = [
	['Douyin', new MediaXDouyin(), douyinPlatform],
	['WeChat Official Account', new MediaXWeChatOfficialAccount(), wechatPlatform],
	['YouTube', new MediaXYouTube(), youTubePlatform],
	['Blogger', new MediaXBlogger(), bloggerPlatform],
	['RedBook', new MediaXRedBook(), redbookPlatform],
	['Bilibili', new MediaXBilibili(), bilibiliPlatform],
];

/** The credential entries the editor shows for this resource/operation, the way NodeCredentials filters them. */
function shown(type: INodeType, resource: string, operation: string) {
	const d = type.description;
	const parameters = NodeHelpers.getNodeParameters(d.properties, { resource, operation }, true, false, null, d) as IDataObject;
	expect(parameters.resource).toBe(resource);
	expect(parameters.operation).toBe(operation);
	const node: INode = { id: 'n', name: 'n', type: d.name, typeVersion: 1, position: [0, 0], parameters: parameters as INode['parameters'] };
	return (d.credentials ?? []).filter((c) => NodeHelpers.displayParameter(parameters as INode['parameters'], c, node, d));
}

describe.each(cases)('%s node: the credential fields follow the operation', (_label, type, platform) => {
	const pairs = Object.entries(platform.resources).flatMap(([r, ops]) => Object.keys(ops).map((o) => [r, o] as const));

	it('every resource and operation of the panel has a module (and back)', () => {
		const d = type.description;
		const resources = (d.properties.find((p) => p.name === 'resource')!.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(resources).toEqual(Object.keys(platform.resources).sort());
	});

	it.each(pairs)('%s → %s shows exactly the declared credential types, once each, required iff only one serves', (resource, operation) => {
		const declared = credentialTypesFor(platform, resource, operation);
		expect(declared.length).toBeGreaterThan(0);
		const entries = shown(type, resource, operation);
		expect(entries.map((e) => e.name).sort()).toEqual([...declared].sort());
		// one entry per type serves every operation it is shown for, so `required` holds for all of them or none
		for (const e of entries) if (e.required) expect(declared).toEqual([e.name]);
	});

	// n8n's runtime takes the FIRST entry with the type's name and refuses the credential ("Credentials not found")
	// when that entry is hidden for the node's parameters (n8n-core NodeExecutionContext._getCredentials)
	it.each(pairs)('%s → %s: the run finds every declared credential type the way n8n looks it up', (resource, operation) => {
		const visible = new Set(shown(type, resource, operation));
		for (const credentialType of credentialTypesFor(platform, resource, operation)) {
			const first = (type.description.credentials ?? []).find((c) => c.name === credentialType);
			expect(first && visible.has(first)).toBe(true);
		}
	});

	it('one entry per credential type', () => {
		const names = (type.description.credentials ?? []).map((c) => c.name);
		expect(new Set(names).size).toBe(names.length);
	});

	it('labels say what each credential is, and differ within the node', () => {
		const byType = new Map<string, string>();
		for (const e of type.description.credentials ?? []) {
			expect(e.displayName).toMatch(/\(.+\)$/);
			expect(e.displayName).not.toBe(e.name);
			if (byType.has(e.name)) expect(e.displayName).toBe(byType.get(e.name));
			byType.set(e.name, e.displayName!);
		}
		expect(new Set(byType.values()).size).toBe(byType.size);
	});
});

// Stub operations and adapters: only the token declaration and the credential type matter here
const op = (token: unknown) => ({ token, description: [], execute: async () => ({}) }) as never;
const adapter = (credentialType: string) => ({ credentialType }) as never;

describe('credentialChoices', () => {
	const platform = {
		label: 'P',
		adapters: { user: adapter('userCred'), app: adapter('appCred'), key: adapter('appCred') },
		purpose: {},
		resources: {
			a: { list: op('user'), get: op(['user', 'key']) },
			b: { list: op('app'), get: op('user') },
			c: { run: op(['app', 'key']) },
		},
	} as unknown as NodePlatform;

	it('one entry per type: the resources it serves × the operations it serves, required where it alone serves', () => {
		const entries = credentialChoices(platform, { userCred: 'User (x)', appCred: 'App (y)' });
		expect(entries).toEqual([
			// a/list, a/get, b/get: not a product, so b/list shows it too (the node ignores it there); no operation condition
			{ name: 'userCred', displayName: 'User (x)', required: false, displayOptions: { show: { resource: ['a', 'b'] } } },
			// two kinds of one credential type are one type: a/get, b/list, c/run → shown everywhere, no condition
			{ name: 'appCred', displayName: 'App (y)', required: false },
		]);
		const exact = { ...platform, resources: { a: { list: op('user'), get: op('user') }, c: { run: op(['app', 'key']) } } } as unknown as NodePlatform;
		expect(credentialChoices(exact, { userCred: 'User (x)', appCred: 'App (y)' })).toEqual([
			{ name: 'userCred', displayName: 'User (x)', required: true, displayOptions: { show: { resource: ['a'] } } },
			{ name: 'appCred', displayName: 'App (y)', required: true, displayOptions: { show: { resource: ['c'] } } },
		]);
	});
	it('one credential serving everything needs no condition', () => {
		const single = { ...platform, adapters: { user: adapter('userCred') }, resources: { a: { x: op('user') }, b: { y: op('user') } } } as unknown as NodePlatform;
		expect(credentialChoices(single, { userCred: 'U (z)' })).toEqual([{ name: 'userCred', displayName: 'U (z)', required: true }]);
	});
});

describe('credentialNotice', () => {
	it('counts what each credential serves from the declarations', () => {
		const platform = {
			label: 'P',
			adapters: { user: adapter('userCred'), key: adapter('keyCred') },
			purpose: {},
			resources: { a: { list: op('user'), get: op(['user', 'key']) }, b: { get: op('user'), search: op(['key', 'user']) } },
		} as unknown as NodePlatform;
		expect(credentialNotice(platform, { userCred: 'User (x)', keyCred: 'Key (y)' })).toBe(
			'The Credential fields shown below are the ones the chosen operation can use. "User (x)" serves every operation. "Key (y)" (2 of 4 operations) serves only the operations where it is shown. Where several are shown, filling in one is enough.',
		);
	});
	it('says "above" when no credential field has a display condition (n8n then shows the fields first)', () => {
		const single = { label: 'P', adapters: { user: adapter('userCred') }, purpose: {}, resources: { a: { x: op('user') }, b: { y: op('user') } } } as unknown as NodePlatform;
		expect(credentialNotice(single, { userCred: 'U (z)' })).toMatch(/^The Credential fields shown above /);
	});
	it("YouTube's notice names exactly the credentials its panel offers, with their panel labels", () => {
		const node = new MediaXYouTube();
		const notice = node.description.properties.find((p) => p.name === 'credentialsNotice')!.displayName;
		const quoted = [...notice.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
		const labels = [...new Set((node.description.credentials ?? []).map((c) => c.displayName!))].sort();
		expect(quoted).toEqual(labels);
		expect(notice).not.toMatch(/two fields/);
		// some of YouTube's credential fields have display conditions, so n8n shows them under the notice
		expect(notice).toMatch(/^The Credential fields shown below /);
		expect(notice).toContain('"Google Account (user authorization)" serves every operation.');
	});
});
