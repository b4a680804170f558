import type { INodeExecutionData } from 'n8n-workflow';
import { MediaXGoogleOAuth2Api } from '../../credentials/MediaXGoogleOAuth2Api.credentials';
import { MediaXGoogleServiceAccountApi } from '../../credentials/MediaXGoogleServiceAccountApi.credentials';
import { MediaXBlogger } from '../../nodes/MediaXBlogger/MediaXBlogger.node';
import { CredentialStore, fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const USER = 'mediaXGoogleOAuth2Api';
const SA = 'mediaXGoogleServiceAccountApi';
const BLOG_ID = '1000000000000000001';
const SIM_USER_EMAIL = 'sim.creator@sim-workspace.example';

describe('MediaX Blogger node', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	let base: string;

	beforeAll(async () => {
		sim = await startSimulator();
		base = `${sim.baseUrl}/google`;
	});
	afterAll(() => sim.close());

	async function setup(delegatedUser = '') {
		sim.reset();
		store = new CredentialStore({ [USER]: new MediaXGoogleOAuth2Api(), [SA]: new MediaXGoogleServiceAccountApi() });
		const tokens = await admin(sim, '/google/issue-user-token', { offline: true });
		store.add({
			id: 'g1',
			name: 'Google account',
			type: USER,
			data: { environment: 'custom', baseUrl: base, clientId: 'sim-google-client.apps.googleusercontent.com', clientSecret: 'sim_google_secret', oauthTokenData: { ...tokens } },
		});
		const key = await admin(sim, '/google/service-account');
		store.add({ id: 'sa1', name: 'Service account', type: SA, data: { environment: 'custom', baseUrl: base, email: key.client_email, privateKey: key.private_key, delegatedUser, apiKey: 'sim-google-api-key' } });
	}

	async function run(attached: Record<string, string>, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<INodeExecutionData[]> {
		const [out] = await new MediaXBlogger().execute.call(fakeContext({ store, attached, parameters, ...extra }));
		return out;
	}
	const asUser = (parameters: Record<string, unknown>) => run({ [USER]: 'g1' }, parameters);
	const calls = (pathPart: string) => sim.log.filter((e) => e.platform === 'google' && e.path.includes(pathPart));

	it('creates a draft, publishes it and finds it among the live posts; a future publish date schedules', async () => {
		await setup();
		const [draft] = await asUser({ resource: 'post', operation: 'create', blogId: BLOG_ID, title: 'Hello from n8n', content: '<p>Hi</p>', createAs: 'draft', options: { labels: 'n8n, news' } });
		expect(draft.json).toMatchObject({ title: 'Hello from n8n', status: 'DRAFT', labels: ['n8n', 'news'] });
		expect(calls('/posts').pop()!.query.isDraft).toBe('true');

		const drafts = await asUser({ resource: 'post', operation: 'list', blogId: BLOG_ID, status: 'DRAFT', returnAll: true });
		expect(drafts.map((p) => p.json.id)).toContain(draft.json.id);
		const liveBefore = await asUser({ resource: 'post', operation: 'list', blogId: BLOG_ID, status: 'LIVE', returnAll: true });
		expect(liveBefore.map((p) => p.json.id)).not.toContain(draft.json.id);

		const [published] = await asUser({ resource: 'post', operation: 'publish', blogId: BLOG_ID, postId: draft.json.id });
		expect(published.json.status).toBe('LIVE');
		const live = await asUser({ resource: 'post', operation: 'list', blogId: BLOG_ID, status: 'LIVE', returnAll: false, limit: 5, options: { fetchBodies: false } });
		expect(live).toHaveLength(5);
		expect(live[0].json.id).toBe(draft.json.id);
		expect(calls('/posts').pop()!.query).toMatchObject({ status: 'LIVE', maxResults: '5', fetchBodies: 'false' });
		const all = await asUser({ resource: 'post', operation: 'list', blogId: BLOG_ID, status: 'LIVE', returnAll: true });
		expect(all).toHaveLength(25);

		// by path, patch (labels kept), update (PUT replaces: labels cleared), revert, schedule, delete
		const path = new URL(String(published.json.url)).pathname;
		const [byPath] = await asUser({ resource: 'post', operation: 'get', blogId: BLOG_ID, by: 'path', path });
		expect(byPath.json.id).toBe(draft.json.id);
		const [patched] = await asUser({ resource: 'post', operation: 'patch', blogId: BLOG_ID, postId: draft.json.id, updateFields: { title: 'Patched' } });
		expect(patched.json).toMatchObject({ title: 'Patched', labels: ['n8n', 'news'] });
		const [replaced] = await asUser({ resource: 'post', operation: 'update', blogId: BLOG_ID, postId: draft.json.id, title: 'Replaced', content: '<p>New</p>' });
		expect(replaced.json.title).toBe('Replaced');
		expect(replaced.json.labels ?? []).toEqual([]);
		const [reverted] = await asUser({ resource: 'post', operation: 'revert', blogId: BLOG_ID, postId: draft.json.id });
		expect(reverted.json.status).toBe('DRAFT');
		const future = new Date(Date.now() + 3 * 86400_000).toISOString();
		const [scheduled] = await asUser({ resource: 'post', operation: 'publish', blogId: BLOG_ID, postId: draft.json.id, publishDate: future });
		expect(scheduled.json.status).toBe('SCHEDULED');
		const [deleted] = await asUser({ resource: 'post', operation: 'delete', blogId: BLOG_ID, postId: draft.json.id });
		expect(deleted.json.deleted).toBe(true);

		const found = await asUser({ resource: 'post', operation: 'search', blogId: BLOG_ID, q: 'post', returnAll: false, limit: 3 });
		expect(found.length).toBeGreaterThan(0);
		expect(found.length).toBeLessThanOrEqual(3);
	});

	it('reads a public blog with an undelegated service account, and writes through a delegated one', async () => {
		await setup();
		// no delegation: the service account token (app) is preferred over the key and still reads public data
		const [blog] = await run({ [SA]: 'sa1' }, { resource: 'blog', operation: 'get', by: 'url', url: 'https://sim-blog.blogspot.com/' });
		expect(blog.json.id).toBe(BLOG_ID);
		expect(calls('/blogs/byurl').pop()!.tokenKind).toBe('service-account');

		// delegated to the blog's author: "mine" and writes work
		await setup(SIM_USER_EMAIL);
		const [mine] = await run({ [SA]: 'sa1' }, { resource: 'blog', operation: 'listMine', options: { fetchUserInfo: true } });
		expect(mine.json.id).toBe(BLOG_ID);
		expect(mine.json.blogUserInfo).toBeDefined();
		const [created] = await run({ [SA]: 'sa1' }, { resource: 'post', operation: 'create', blogId: BLOG_ID, title: 'By robot', content: '<p>x</p>', createAs: 'published' });
		expect(created.json.status).toBe('LIVE');
		expect(tokenRequests(sim, 'google')).toHaveLength(1);
	});

	it('names the credentials it needs', async () => {
		await setup();
		const error = await run({}, { resource: 'post', operation: 'create', blogId: BLOG_ID, title: 't', content: 'c' }).catch((e) => e);
		expect(error.message).toBe('"post → create" needs the "MediaX Google OAuth2 API" or the "MediaX Google Service Account API" credential');
		expect(error.description).toMatch(/blog author/);
		const out = await run({}, { resource: 'blog', operation: 'get', by: 'id', blogId: BLOG_ID }, { continueOnFail: true });
		expect(String(out[0].json.error)).toMatch(/needs the "MediaX Google OAuth2 API" or the "MediaX Google Service Account API" or the "MediaX Google API Key API" credential/);
	});

	it('moderates comments and manages pages', async () => {
		await setup();
		const pending = await asUser({ resource: 'comment', operation: 'list', blogId: BLOG_ID, status: 'PENDING', returnAll: true });
		expect(pending.length).toBeGreaterThan(0);
		const c = pending[0].json as any;
		const ids = { blogId: BLOG_ID, postId: c.post.id, commentId: c.id };
		const [approved] = await asUser({ resource: 'comment', operation: 'approve', ...ids });
		expect(approved.json.status).toBe('LIVE');
		const perPost = await asUser({ resource: 'comment', operation: 'list', blogId: BLOG_ID, postId: c.post.id, status: 'LIVE', returnAll: true });
		expect(perPost.map((x) => x.json.id)).toContain(c.id);
		const [spam] = await asUser({ resource: 'comment', operation: 'markAsSpam', ...ids });
		expect(spam.json.status).toBe('SPAM');
		const [emptied] = await asUser({ resource: 'comment', operation: 'removeContent', ...ids });
		expect(emptied.json.status).toBe('EMPTIED');
		const [gone] = await asUser({ resource: 'comment', operation: 'delete', ...ids });
		expect(gone.json.deleted).toBe(true);

		const [page] = await asUser({ resource: 'page', operation: 'create', blogId: BLOG_ID, title: 'Imprint', content: '<p>i</p>', isDraft: true });
		expect(page.json.status).toBe('DRAFT');
		const [live] = await asUser({ resource: 'page', operation: 'update', blogId: BLOG_ID, pageId: page.json.id, updateFields: { title: 'Imprint 2', statusChange: 'publish' } });
		expect(live.json).toMatchObject({ title: 'Imprint 2', status: 'LIVE' });
		const pages = await asUser({ resource: 'page', operation: 'list', blogId: BLOG_ID, status: 'LIVE', returnAll: true });
		expect(pages.map((p) => p.json.id)).toContain(page.json.id);
		const [got] = await asUser({ resource: 'page', operation: 'get', blogId: BLOG_ID, pageId: page.json.id });
		expect(got.json.title).toBe('Imprint 2');
		await asUser({ resource: 'page', operation: 'delete', blogId: BLOG_ID, pageId: page.json.id });

		// quota-free Blogger still reports Google's reasons: a post that does not exist
		const missing = await asUser({ resource: 'post', operation: 'get', blogId: BLOG_ID, by: 'id', postId: '1' }).catch((e) => e);
		expect(missing.message).toMatch(/Google error 404/);
	});
});
