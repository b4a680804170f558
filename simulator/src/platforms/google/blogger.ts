import type { SimContext } from '../../core/types';
import { RULES, requireUser, type AuthRule, type Caller } from './auth';
import { fail, iso, maxResultsOf, noContent, ok, paginate, truthy } from './reply';
import { etag } from './store';
import { SIM_BLOGGER_USER_ID, type Blog, type BlogComment, type BlogPage, type BlogPost, type GoogleStore } from './store';

export interface BloggerCall {
	ctx: SimContext;
	store: GoogleStore;
	caller: Caller;
	body: Record<string, any>;
	/** repeated query parameters (status=live&status=draft); the core keeps only the last one */
	all(name: string): string[];
}

export interface BloggerRoute {
	method: string;
	path: RegExp;
	rule: AuthRule;
	handler(call: BloggerCall, m: RegExpExecArray): void;
}

const notFound = (): never => fail(404, 'notFound', 'Not Found');
const forbidden = (): never => fail(403, 'forbidden', "We're sorry, but you don't have permission to access this resource.");
const invalid = (message: string): never => fail(400, 'invalid', message);

/** enums are accepted in either case (reference pages: lowercase; discovery document: uppercase) */
const upper = (values: string[]) => values.flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase()).filter(Boolean);

function self(ctx: SimContext, path: string): string {
	return `${ctx.baseUrl}/google/blogger/v3${path}`;
}

const AUTHOR = (ctx: SimContext) => ({ id: SIM_BLOGGER_USER_ID, displayName: 'MediaX Sim Blogger', url: `https://www.blogger.com/profile/${SIM_BLOGGER_USER_ID}`, image: { url: `${ctx.baseUrl}/__samples/image.png` } });

/** scheduled posts go live once their time has come */
export function promoteScheduled(store: GoogleStore, now: number): void {
	for (const p of store.posts) if (p.status === 'SCHEDULED' && p.published <= now) p.status = 'LIVE';
}

function findBlog(call: BloggerCall, blogId: string): Blog {
	return call.store.blogs.find((b) => b.id === blogId) ?? notFound();
}

const ownsBlog = (caller: Caller, blog: Blog) => caller.asUser && blog.ownerUserId === SIM_BLOGGER_USER_ID;

function ownedBlog(call: BloggerCall, blogId: string): Blog {
	const blog = findBlog(call, blogId);
	if (!ownsBlog(call.caller, blog)) forbidden();
	return blog;
}

function checkView(call: BloggerCall, blog: Blog) {
	const view = call.ctx.query.view?.toUpperCase();
	if (view && !['READER', 'AUTHOR', 'ADMIN'].includes(view)) invalid(`Invalid value for view: ${call.ctx.query.view}`);
	if ((view === 'ADMIN' || view === 'AUTHOR') && !ownsBlog(call.caller, blog)) forbidden();
}

function renderBlog(call: BloggerCall, blog: Blog) {
	const posts = call.store.posts.filter((p) => p.blogId === blog.id && p.status === 'LIVE');
	const out: Record<string, unknown> = {
		kind: 'blogger#blog',
		id: blog.id,
		name: blog.name,
		description: blog.description,
		published: iso(blog.published),
		updated: iso(blog.updated),
		url: blog.url,
		selfLink: self(call.ctx, `/blogs/${blog.id}`),
		posts: { totalItems: posts.length, selfLink: self(call.ctx, `/blogs/${blog.id}/posts`) },
		pages: { totalItems: call.store.pages.filter((p) => p.blogId === blog.id && p.status === 'LIVE').length, selfLink: self(call.ctx, `/blogs/${blog.id}/pages`) },
		locale: { language: 'en', country: '', variant: '' },
	};
	const maxPosts = Number(call.ctx.query.maxPosts ?? 0);
	if (maxPosts > 0) (out.posts as Record<string, unknown>).items = [...posts].sort((a, b) => b.published - a.published).slice(0, maxPosts).map((p) => renderPost(call, p, true));
	return out;
}

function renderPost(call: BloggerCall, p: BlogPost, withBody: boolean) {
	const blog = call.store.blogs.find((b) => b.id === p.blogId)!;
	const comments = call.store.blogComments.filter((c) => c.postId === p.id && c.status === 'LIVE');
	const out: Record<string, unknown> = {
		kind: 'blogger#post',
		id: p.id,
		blog: { id: p.blogId },
		published: iso(p.published),
		updated: iso(p.updated),
		etag: `"${etag(p)}"`,
		url: p.status === 'DRAFT' ? undefined : blog.url.replace(/\/$/, '') + p.path,
		selfLink: self(call.ctx, `/blogs/${p.blogId}/posts/${p.id}`),
		title: p.title,
		content: withBody ? p.content : undefined,
		author: AUTHOR(call.ctx),
		// totalItems is a string in Blogger replies
		replies: { totalItems: String(comments.length), selfLink: self(call.ctx, `/blogs/${p.blogId}/posts/${p.id}/comments`) },
		labels: p.labels.length ? p.labels : undefined,
		customMetaData: p.customMetaData,
		location: p.location,
		status: p.status,
	};
	const maxComments = Number(call.ctx.query.maxComments ?? 0);
	if (maxComments > 0) (out.replies as Record<string, unknown>).items = comments.slice(0, maxComments).map((c) => renderComment(call, c));
	return out;
}

function renderPage(call: BloggerCall, p: BlogPage, withBody: boolean) {
	const blog = call.store.blogs.find((b) => b.id === p.blogId)!;
	return {
		kind: 'blogger#page',
		id: p.id,
		blog: { id: p.blogId },
		published: iso(p.published),
		updated: iso(p.updated),
		etag: `"${etag(p)}"`,
		url: p.status === 'DRAFT' ? undefined : blog.url.replace(/\/$/, '') + p.path,
		selfLink: self(call.ctx, `/blogs/${p.blogId}/pages/${p.id}`),
		title: p.title,
		content: withBody ? p.content : undefined,
		author: AUTHOR(call.ctx),
		status: p.status,
	};
}

function renderComment(call: BloggerCall, c: BlogComment) {
	return {
		kind: 'blogger#comment',
		id: c.id,
		post: { id: c.postId },
		blog: { id: c.blogId },
		inReplyTo: c.inReplyTo ? { id: c.inReplyTo } : undefined,
		published: iso(c.published),
		updated: iso(c.updated),
		selfLink: self(call.ctx, `/blogs/${c.blogId}/posts/${c.postId}/comments/${c.id}`),
		content: c.content,
		author: { id: `reader-${c.id.slice(-4)}`, displayName: c.authorName, url: '', image: { url: '' } },
		status: c.status,
	};
}

function fetchBodies(call: BloggerCall, name = 'fetchBodies'): boolean {
	const v = call.ctx.query[name];
	return v === undefined ? true : truthy(v);
}

function listReply(call: BloggerCall, kind: string, page: { items: unknown[]; nextPageToken?: string; prevPageToken?: string }) {
	const payload: Record<string, unknown> = { kind, etag: `"${etag(page.items)}"` };
	if (page.nextPageToken) payload.nextPageToken = page.nextPageToken;
	if (page.prevPageToken) payload.prevPageToken = page.prevPageToken;
	payload.items = page.items;
	ok(call.ctx, payload);
}

function sortPosts<T extends { published: number; updated: number }>(call: BloggerCall, list: T[]): T[] {
	const orderBy = (call.ctx.query.orderBy ?? 'published').toUpperCase();
	if (!['PUBLISHED', 'UPDATED'].includes(orderBy)) invalid(`Invalid value for orderBy: ${call.ctx.query.orderBy}`);
	const ascending = (call.ctx.query.sortOption ?? 'DESCENDING').toUpperCase() === 'ASCENDING';
	const key = orderBy === 'UPDATED' ? 'updated' : 'published';
	return [...list].sort((a, b) => (ascending ? a[key] - b[key] : b[key] - a[key]));
}

/** status filter: live by default; anything else only for the blog's owner */
function statusFilter<S extends string>(call: BloggerCall, blog: Blog, allowed: S[], dflt: S[]): S[] {
	const asked = upper(call.all('status')) as S[];
	const bad = asked.find((s) => !allowed.includes(s));
	if (bad) invalid(`Invalid value for status: ${bad}`);
	const statuses = asked.length ? asked : dflt;
	if (statuses.some((s) => s !== 'LIVE') && !ownsBlog(call.caller, blog)) {
		requireUser(call.caller, 'blogger', 'status');
		forbidden();
	}
	return statuses;
}

function postsList(call: BloggerCall, m: RegExpExecArray) {
	const { ctx, store } = call;
	const blog = findBlog(call, m[1]);
	checkView(call, blog);
	const statuses = statusFilter(call, blog, ['LIVE', 'DRAFT', 'SCHEDULED', 'SOFT_TRASHED'] as Array<BlogPost['status'] | 'SOFT_TRASHED'>, ['LIVE']);
	let posts = store.posts.filter((p) => p.blogId === blog.id && statuses.includes(p.status));
	// several labels narrow the list: a post must carry all of them, like Blogger's /-/a/b feeds
	const labels = (ctx.query.labels ?? '').split(',').map((l) => l.trim()).filter(Boolean);
	if (labels.length) posts = posts.filter((p) => labels.every((l) => p.labels.includes(l)));
	if (ctx.query.startDate) posts = posts.filter((p) => p.published >= Date.parse(ctx.query.startDate));
	if (ctx.query.endDate) posts = posts.filter((p) => p.published < Date.parse(ctx.query.endDate));
	const max = maxResultsOf(ctx.query, 1, 500, 10, store.config.clampMaxResults);
	const listKey = `posts:${blog.id}:${statuses.join(',')}:${labels.join(',')}:${ctx.query.orderBy ?? ''}:${ctx.query.sortOption ?? ''}`;
	const page = paginate(listKey, sortPosts(call, posts), ctx.query.pageToken, max);
	listReply(call, 'blogger#postList', { ...page, items: page.items.map((p) => renderPost(call, p, fetchBodies(call))) });
}

function visiblePost(call: BloggerCall, blog: Blog, postId: string): BlogPost {
	const post = call.store.posts.find((p) => p.blogId === blog.id && p.id === postId);
	if (!post || (post.status !== 'LIVE' && !ownsBlog(call.caller, blog))) notFound();
	return post!;
}

function postsGet(call: BloggerCall, m: RegExpExecArray) {
	const blog = findBlog(call, m[1]);
	checkView(call, blog);
	ok(call.ctx, renderPost(call, visiblePost(call, blog, m[2]), fetchBodies(call, 'fetchBody')));
}

function postsByPath(call: BloggerCall, m: RegExpExecArray) {
	const blog = findBlog(call, m[1]);
	const path = call.ctx.query.path;
	if (!path) invalid('Required parameter: path');
	const post = call.store.posts.find((p) => p.blogId === blog.id && p.path === path && (p.status === 'LIVE' || ownsBlog(call.caller, blog)));
	if (!post) notFound();
	ok(call.ctx, renderPost(call, post!, true));
}

function postsSearch(call: BloggerCall, m: RegExpExecArray) {
	const { ctx, store } = call;
	const blog = findBlog(call, m[1]);
	const q = ctx.query.q;
	if (!q) invalid('Required parameter: q');
	const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
	const hits = store.posts.filter((p) => p.blogId === blog.id && p.status === 'LIVE' && terms.every((t) => `${p.title} ${p.content} ${p.labels.join(' ')}`.toLowerCase().includes(t)));
	const page = paginate(`search:${blog.id}:${q}`, sortPosts(call, hits), ctx.query.pageToken, 10);
	listReply(call, 'blogger#postList', { ...page, items: page.items.map((p) => renderPost(call, p, fetchBodies(call))) });
}

function slug(title: string): string {
	return (title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'post').slice(0, 40);
}

function parseDate(value: unknown, name: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const t = Date.parse(String(value));
	if (Number.isNaN(t)) invalid(`Invalid value for ${name}: ${value}`);
	return t;
}

function postsInsert(call: BloggerCall, m: RegExpExecArray) {
	const { ctx, store, body } = call;
	const blog = ownedBlog(call, m[1]);
	const now = ctx.now();
	if (body.content !== undefined && typeof body.content !== 'string') invalid('content must be a string');
	const published = parseDate(body.published, 'published');
	const isDraft = truthy(ctx.query.isDraft);
	const status: BlogPost['status'] = isDraft ? 'DRAFT' : published !== undefined && published > now ? 'SCHEDULED' : 'LIVE';
	const when = published ?? now;
	const date = new Date(when);
	const id = String(7500000000000000000n + BigInt(store.nextId()));
	const post: BlogPost = {
		id,
		blogId: blog.id,
		title: String(body.title ?? ''),
		content: body.content ?? '',
		labels: Array.isArray(body.labels) ? body.labels.map(String) : [],
		status,
		published: when,
		updated: now,
		path: `/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${slug(String(body.title ?? ''))}-${id.slice(-4)}.html`,
		customMetaData: body.customMetaData,
		location: body.location,
	};
	store.posts.push(post);
	ok(ctx, renderPost(call, post, fetchBodies(call, 'fetchBody')));
}

function ownedPost(call: BloggerCall, m: RegExpExecArray): BlogPost {
	const blog = ownedBlog(call, m[1]);
	return call.store.posts.find((p) => p.blogId === blog.id && p.id === m[2]) ?? notFound();
}

function publishPost(post: BlogPost, now: number, publishDate?: number) {
	if (publishDate !== undefined && publishDate > now) {
		post.status = 'SCHEDULED';
		post.published = publishDate;
	} else {
		// republishing a live post keeps its date; a draft goes out now
		post.published = publishDate ?? (post.status === 'LIVE' ? post.published : now);
		post.status = 'LIVE';
	}
	post.updated = now;
}

function postsUpdate(call: BloggerCall, m: RegExpExecArray, patch: boolean) {
	const { ctx, body } = call;
	const post = ownedPost(call, m);
	if (body.id !== undefined && String(body.id) !== post.id) invalid('The post id in the body does not match the URL');
	if (!patch || body.title !== undefined) post.title = String(body.title ?? '');
	if (!patch || body.content !== undefined) post.content = String(body.content ?? '');
	// PUT replaces: omitted labels are cleared
	if (!patch || body.labels !== undefined) post.labels = Array.isArray(body.labels) ? body.labels.map(String) : [];
	if (!patch || body.customMetaData !== undefined) post.customMetaData = body.customMetaData;
	if (!patch || body.location !== undefined) post.location = body.location;
	post.updated = ctx.now();
	if (truthy(ctx.query.publish)) publishPost(post, ctx.now());
	if (truthy(ctx.query.revert)) post.status = 'DRAFT';
	ok(ctx, renderPost(call, post, fetchBodies(call, 'fetchBody')));
}

function postsPublish(call: BloggerCall, m: RegExpExecArray) {
	const post = ownedPost(call, m);
	publishPost(post, call.ctx.now(), parseDate(call.ctx.query.publishDate, 'publishDate'));
	ok(call.ctx, renderPost(call, post, true));
}

function postsRevert(call: BloggerCall, m: RegExpExecArray) {
	const post = ownedPost(call, m);
	post.status = 'DRAFT';
	post.updated = call.ctx.now();
	ok(call.ctx, renderPost(call, post, true));
}

function postsDelete(call: BloggerCall, m: RegExpExecArray) {
	const post = ownedPost(call, m);
	call.store.posts = call.store.posts.filter((p) => p !== post);
	call.store.blogComments = call.store.blogComments.filter((c) => c.postId !== post.id);
	noContent(call.ctx);
}

// ---------- pages ----------

function pagesList(call: BloggerCall, m: RegExpExecArray) {
	const { ctx, store } = call;
	const blog = findBlog(call, m[1]);
	checkView(call, blog);
	const statuses = statusFilter(call, blog, ['LIVE', 'DRAFT'] as BlogPage['status'][], ['LIVE']);
	const pages = store.pages.filter((p) => p.blogId === blog.id && statuses.includes(p.status));
	const max = maxResultsOf(ctx.query, 1, 500, 100, store.config.clampMaxResults);
	const page = paginate(`pages:${blog.id}:${statuses.join(',')}`, pages, ctx.query.pageToken, max);
	listReply(call, 'blogger#pageList', { ...page, items: page.items.map((p) => renderPage(call, p, fetchBodies(call))) });
}

function findPage(call: BloggerCall, m: RegExpExecArray, mustOwn: boolean): BlogPage {
	const blog = mustOwn ? ownedBlog(call, m[1]) : findBlog(call, m[1]);
	const page = call.store.pages.find((p) => p.blogId === blog.id && p.id === m[2]);
	if (!page || (page.status !== 'LIVE' && !ownsBlog(call.caller, blog))) notFound();
	return page!;
}

function pagesGet(call: BloggerCall, m: RegExpExecArray) {
	ok(call.ctx, renderPage(call, findPage(call, m, false), true));
}

function pagesInsert(call: BloggerCall, m: RegExpExecArray) {
	const { ctx, store, body } = call;
	const blog = ownedBlog(call, m[1]);
	const now = ctx.now();
	const id = String(8500000000000000000n + BigInt(store.nextId()));
	const page: BlogPage = { id, blogId: blog.id, title: String(body.title ?? ''), content: String(body.content ?? ''), status: truthy(ctx.query.isDraft) ? 'DRAFT' : 'LIVE', published: now, updated: now, path: `/p/${slug(String(body.title ?? 'page'))}.html` };
	store.pages.push(page);
	ok(ctx, renderPage(call, page, true));
}

function pagesUpdate(call: BloggerCall, m: RegExpExecArray, patch: boolean) {
	const { ctx, body } = call;
	const page = findPage(call, m, true);
	if (!patch || body.title !== undefined) page.title = String(body.title ?? '');
	if (!patch || body.content !== undefined) page.content = String(body.content ?? '');
	page.updated = ctx.now();
	if (truthy(ctx.query.publish)) page.status = 'LIVE';
	if (truthy(ctx.query.revert)) page.status = 'DRAFT';
	ok(ctx, renderPage(call, page, true));
}

function pagesSetStatus(call: BloggerCall, m: RegExpExecArray, status: BlogPage['status']) {
	const page = findPage(call, m, true);
	page.status = status;
	page.updated = call.ctx.now();
	ok(call.ctx, renderPage(call, page, true));
}

function pagesDelete(call: BloggerCall, m: RegExpExecArray) {
	const page = findPage(call, m, true);
	call.store.pages = call.store.pages.filter((p) => p !== page);
	noContent(call.ctx);
}

// ---------- comments ----------

function commentsList(call: BloggerCall, blogId: string, postId?: string) {
	const { ctx, store } = call;
	const blog = findBlog(call, blogId);
	if (postId) visiblePost(call, blog, postId);
	const statuses = statusFilter(call, blog, ['LIVE', 'PENDING', 'SPAM', 'EMPTIED'] as BlogComment['status'][], ['LIVE']);
	let comments = store.blogComments.filter((c) => c.blogId === blog.id && (!postId || c.postId === postId) && statuses.includes(c.status));
	if (ctx.query.startDate) comments = comments.filter((c) => c.published >= Date.parse(ctx.query.startDate));
	if (ctx.query.endDate) comments = comments.filter((c) => c.published < Date.parse(ctx.query.endDate));
	const max = maxResultsOf(ctx.query, 1, 500, 20, store.config.clampMaxResults);
	const page = paginate(`comments:${blog.id}:${postId ?? ''}:${statuses.join(',')}`, comments, ctx.query.pageToken, max);
	listReply(call, 'blogger#commentList', { ...page, items: page.items.map((c) => renderComment(call, c)) });
}

function findComment(call: BloggerCall, m: RegExpExecArray, mustOwn: boolean): BlogComment {
	const blog = mustOwn ? ownedBlog(call, m[1]) : findBlog(call, m[1]);
	const c = call.store.blogComments.find((x) => x.blogId === blog.id && x.postId === m[2] && x.id === m[3]);
	if (!c || (c.status !== 'LIVE' && !ownsBlog(call.caller, blog))) notFound();
	return c!;
}

function moderate(call: BloggerCall, m: RegExpExecArray, status: BlogComment['status']) {
	const c = findComment(call, m, true);
	c.status = status;
	if (status === 'EMPTIED') c.content = '';
	c.updated = call.ctx.now();
	ok(call.ctx, renderComment(call, c));
}

// ---------- blogs and users ----------

function blogsGet(call: BloggerCall, m: RegExpExecArray) {
	const blog = findBlog(call, m[1]);
	checkView(call, blog);
	ok(call.ctx, renderBlog(call, blog));
}

function blogsByUrl(call: BloggerCall) {
	const url = call.ctx.query.url;
	if (!url) invalid('Required parameter: url');
	const norm = (u: string) => u.replace(/^https?:\/\//, '').replace(/\/+$/, '').toLowerCase();
	const blog = call.store.blogs.find((b) => norm(b.url) === norm(url)) ?? notFound();
	ok(call.ctx, renderBlog(call, blog));
}

function userIdOf(call: BloggerCall, userId: string) {
	if (userId !== 'self' && userId !== SIM_BLOGGER_USER_ID) notFound();
	if (userId === 'self' && call.caller.kind === 'api-key') requireUser(call.caller, 'blogger', 'userId=self');
}

function blogsListByUser(call: BloggerCall, m: RegExpExecArray) {
	userIdOf(call, m[1]);
	// a service account without delegation has no Blogger profile: an empty list
	const blogs = call.caller.asUser ? call.store.blogs : [];
	const payload: Record<string, unknown> = { kind: 'blogger#blogList', items: blogs.map((b) => renderBlog(call, b)) };
	if (truthy(call.ctx.query.fetchUserInfo)) {
		payload.blogUserInfos = blogs.map((b) => ({ kind: 'blogger#blogUserInfo', blog: { id: b.id }, blog_user_info: { kind: 'blogger#blogPerUserInfo', userId: SIM_BLOGGER_USER_ID, blogId: b.id, hasAdminAccess: true, role: 'ADMIN' } }));
	}
	ok(call.ctx, payload);
}

function usersGet(call: BloggerCall, m: RegExpExecArray) {
	userIdOf(call, m[1]);
	if (!call.caller.asUser && m[1] === 'self') notFound();
	ok(call.ctx, {
		kind: 'blogger#user',
		id: SIM_BLOGGER_USER_ID,
		created: iso(call.store.blogs[0]?.published ?? 0),
		url: `https://www.blogger.com/profile/${SIM_BLOGGER_USER_ID}`,
		selfLink: self(call.ctx, `/users/${SIM_BLOGGER_USER_ID}`),
		blogs: { selfLink: self(call.ctx, `/users/${SIM_BLOGGER_USER_ID}/blogs`) },
		displayName: 'MediaX Sim Blogger',
		about: 'The seeded Blogger profile of the simulator.',
		locale: { language: 'en', country: 'US', variant: '' },
	});
}

const ID = '(\\d+)';
const r = (pattern: string) => new RegExp(`^${pattern.replace(/:id/g, ID)}/?$`);

export const BLOGGER_ROUTES: BloggerRoute[] = [
	{ method: 'GET', path: r('/blogs/byurl'), rule: RULES.bloggerPublicRead, handler: blogsByUrl },
	{ method: 'GET', path: r('/blogs/:id'), rule: RULES.bloggerPublicRead, handler: blogsGet },
	{ method: 'GET', path: r('/users/(self|\\d+)/blogs'), rule: RULES.bloggerRead, handler: blogsListByUser },
	{ method: 'GET', path: r('/users/(self|\\d+)'), rule: RULES.bloggerRead, handler: usersGet },
	{ method: 'GET', path: r('/blogs/:id/posts'), rule: RULES.bloggerPublicRead, handler: postsList },
	{ method: 'POST', path: r('/blogs/:id/posts'), rule: RULES.bloggerWrite, handler: postsInsert },
	{ method: 'GET', path: r('/blogs/:id/posts/bypath'), rule: RULES.bloggerPublicRead, handler: postsByPath },
	{ method: 'GET', path: r('/blogs/:id/posts/search'), rule: RULES.bloggerPublicRead, handler: postsSearch },
	{ method: 'GET', path: r('/blogs/:id/posts/:id'), rule: RULES.bloggerPublicRead, handler: postsGet },
	{ method: 'PUT', path: r('/blogs/:id/posts/:id'), rule: RULES.bloggerWrite, handler: (c, m) => postsUpdate(c, m, false) },
	{ method: 'PATCH', path: r('/blogs/:id/posts/:id'), rule: RULES.bloggerWrite, handler: (c, m) => postsUpdate(c, m, true) },
	{ method: 'DELETE', path: r('/blogs/:id/posts/:id'), rule: RULES.bloggerWrite, handler: postsDelete },
	{ method: 'POST', path: r('/blogs/:id/posts/:id/publish'), rule: RULES.bloggerWrite, handler: postsPublish },
	{ method: 'POST', path: r('/blogs/:id/posts/:id/revert'), rule: RULES.bloggerWrite, handler: postsRevert },
	{ method: 'GET', path: r('/blogs/:id/pages'), rule: RULES.bloggerPublicRead, handler: pagesList },
	{ method: 'POST', path: r('/blogs/:id/pages'), rule: RULES.bloggerWrite, handler: pagesInsert },
	{ method: 'GET', path: r('/blogs/:id/pages/:id'), rule: RULES.bloggerPublicRead, handler: pagesGet },
	{ method: 'PUT', path: r('/blogs/:id/pages/:id'), rule: RULES.bloggerWrite, handler: (c, m) => pagesUpdate(c, m, false) },
	{ method: 'PATCH', path: r('/blogs/:id/pages/:id'), rule: RULES.bloggerWrite, handler: (c, m) => pagesUpdate(c, m, true) },
	{ method: 'DELETE', path: r('/blogs/:id/pages/:id'), rule: RULES.bloggerWrite, handler: pagesDelete },
	{ method: 'POST', path: r('/blogs/:id/pages/:id/publish'), rule: RULES.bloggerWrite, handler: (c, m) => pagesSetStatus(c, m, 'LIVE') },
	{ method: 'POST', path: r('/blogs/:id/pages/:id/revert'), rule: RULES.bloggerWrite, handler: (c, m) => pagesSetStatus(c, m, 'DRAFT') },
	{ method: 'GET', path: r('/blogs/:id/comments'), rule: RULES.bloggerPublicRead, handler: (c, m) => commentsList(c, m[1]) },
	{ method: 'GET', path: r('/blogs/:id/posts/:id/comments'), rule: RULES.bloggerPublicRead, handler: (c, m) => commentsList(c, m[1], m[2]) },
	{ method: 'GET', path: r('/blogs/:id/posts/:id/comments/:id'), rule: RULES.bloggerPublicRead, handler: (c, m) => ok(c.ctx, renderComment(c, findComment(c, m, false))) },
	{ method: 'POST', path: r('/blogs/:id/posts/:id/comments/:id/approve'), rule: RULES.bloggerWrite, handler: (c, m) => moderate(c, m, 'LIVE') },
	{ method: 'POST', path: r('/blogs/:id/posts/:id/comments/:id/spam'), rule: RULES.bloggerWrite, handler: (c, m) => moderate(c, m, 'SPAM') },
	{ method: 'POST', path: r('/blogs/:id/posts/:id/comments/:id/removecontent'), rule: RULES.bloggerWrite, handler: (c, m) => moderate(c, m, 'EMPTIED') },
	{
		method: 'DELETE',
		path: r('/blogs/:id/posts/:id/comments/:id'),
		rule: RULES.bloggerWrite,
		handler: (c, m) => {
			const comment = findComment(c, m, true);
			c.store.blogComments = c.store.blogComments.filter((x) => x !== comment);
			noContent(c.ctx);
		},
	},
];
