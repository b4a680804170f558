// The words the credential dialogs and node panels show, checked against what n8n's editor really shows (issue 11,
// item 3 and 6): the docs link opens this package's README section, OAuth2 notices name n8n's own labels and buttons,
// the redirect URL is asked for once, and no text lost an apostrophe ("the account s videos").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialType, INodeProperties, INodeType } from 'n8n-workflow';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).n8n as { credentials: string[]; nodes: string[] };

/** the source module of a built file the package declares, and the class it exports */
function load<T>(built: string): T {
	const source = join(root, built.replace(/^dist\//, '').replace(/\.js$/, ''));
	const exports = require(source) as Record<string, new () => T>;
	const [Class] = Object.values(exports).filter((v) => typeof v === 'function');
	return new Class();
}

const credentials = manifest.credentials.map((f) => load<ICredentialType>(f));
const nodes = manifest.nodes.map((f) => load<INodeType>(f));

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens */
function anchor(heading: string): string {
	return heading
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.replace(/\s/g, '-');
}
const readmeAnchors = new Set(
	readFileSync(join(root, 'README.md'), 'utf8')
		.split('\n')
		.filter((l) => /^#{1,6} /.test(l))
		.map((l) => anchor(l.replace(/^#+ /, '').trim())),
);

/** every string a description holds, with where it sits */
function strings(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
	if (typeof value === 'string') out.push([path, value]);
	else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
	return out;
}
const userTexts = (props: INodeProperties[], path: string) =>
	strings(props, path).filter(([p]) => /\.(displayName|description|hint|placeholder|name|action)$/.test(p) && !/\.default$/.test(p));

describe('credential dialog texts', () => {
	it.each(credentials.map((c) => [c.name, c] as const))("%s: 'Read our docs' opens this package's README section for it", (_, c) => {
		const url = typeof c.documentationUrl === 'string' ? c.documentationUrl : '';
		const m = /^https:\/\/github\.com\/ArtisanCloud\/n8n-nodes-mediax#(.+)$/.exec(url);
		expect(m).not.toBeNull();
		expect(readmeAnchors).toContain(m![1]);
	});

	const oauth2 = credentials.filter((c) => c.extends?.includes('oAuth2Api'));
	it('there are OAuth2 credentials to check', () => expect(oauth2.length).toBeGreaterThanOrEqual(3));

	it.each(oauth2.map((c) => [c.name, c] as const))('%s: the notice uses the labels and buttons n8n shows for OAuth2', (_, c) => {
		for (const [where, text] of userTexts(c.properties, c.name)) {
			// n8n labels the OAuth2 client fields "Client ID" / "Client Secret", whatever the platform calls them
			expect([where, /Client Key/.test(text)]).toEqual([where, false]);
			// n8n shows its OAuth Redirect URL at the top of the dialog, above every field of the credential
			expect([where, /OAuth Redirect URL"? (shown )?below/i.test(text)]).toEqual([where, false]);
			// 2.x's button is "Connect"; "Connect my account" is 1.x's and is named only as such
			for (const m of text.matchAll(/Connect my account/g)) expect([where, text.slice(Math.max(0, m.index! - 20), m.index)]).toEqual([where, expect.stringContaining('1.x')]);
		}
	});

	it.each(oauth2.map((c) => [c.name, c] as const))('%s: asks for no redirect URL of its own besides an optional override', (_, c) => {
		const redirectFields = c.properties.filter((p) => p.type !== 'notice' && p.type !== 'hidden' && /redirect/i.test(p.displayName));
		expect(redirectFields.length).toBeLessThanOrEqual(1);
		for (const p of redirectFields) {
			expect(p.required).not.toBe(true);
			expect(p.default).toBe('');
		}
	});
});

describe('texts without a lost apostrophe', () => {
	const all = [
		...credentials.flatMap((c) => userTexts(c.properties, c.name)),
		...nodes.flatMap((n) => [...userTexts(n.description.properties, n.description.name), ...strings(n.description.description, `${n.description.name}.description`)]),
	];
	it('reads every text of every node and credential', () => expect(all.length).toBeGreaterThan(500));
	it('has no word "s" standing alone (e.g. "the account s videos")', () => {
		expect(all.filter(([, text]) => /\p{L} s(?=[\s.,;:]|$)/u.test(text.replace(/\{\{[^}]*\}\}/g, '')))).toEqual([]);
	});
});
