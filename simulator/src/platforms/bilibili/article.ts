import { imagePart } from './api';
import { BiliError, chars, type BiliCall, type BiliRoute } from './call';
import { ARTICLE_CATEGORIES, LEAF_ARTICLE_CATEGORY_IDS, seeded, type Article } from './store';

const GROUP_STATE: Record<number, string> = { 1: '审核中', 2: '已通过', 3: '未通过' };

function articleView(a: Article): Record<string, unknown> {
	const category = ARTICLE_CATEGORIES.flatMap((x) => x.children ?? []).find((x) => x.id === a.category);
	return {
		id: a.id,
		title: a.title,
		category: category ? { id: category.id, parent_id: category.parent_id, name: category.name } : { id: a.category },
		template_id: a.templateId,
		summary: a.summary,
		content: a.content,
		banner_url: a.bannerUrl,
		top_video_bvid: a.topVideoBvid,
		image_urls: a.imageUrls,
		tags: a.tags,
		original: a.original,
		list_id: a.listId,
		up_closed_reply: a.upClosedReply,
		state: a.group,
		state_desc: GROUP_STATE[a.group] ?? '',
		ctime: Math.floor(a.ctime / 1000),
		ptime: a.ptime ? Math.floor(a.ptime / 1000) : 0,
	};
}

function ownArticle(call: BiliCall, id: number | undefined): Article {
	if (id === undefined) throw call.param('id is required');
	call.store.advanceReview(call.now());
	const a = call.store.articles.find((x) => x.id === id && x.openid === call.grant.openid && !x.deleted);
	if (!a) throw new BiliError(call.store.code('notFound'), `article ${id} does not exist`);
	return a;
}

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** title ≤40; content 200–40000 chars unless it holds ≥3 images; banner_url and top_video_bvid exclusive; template cover rules */
function articleFields(call: BiliCall, a: Partial<Article>, creating: boolean): void {
	const title = call.str('title', creating);
	if (title !== undefined) {
		if (chars(title) > 40 || !title.trim()) throw call.error('articleTitleInvalid', '专栏标题含有特殊文字或者标题长度大于40');
		a.title = title;
	}
	const category = call.int('category', { required: creating });
	if (category !== undefined) {
		if (!LEAF_ARTICLE_CATEGORY_IDS.has(category)) throw call.param(`category ${category} is not a sub-category`);
		a.category = category;
	}
	const template = call.int('template_id', { oneOf: [3, 4, 5] });
	if (template !== undefined) a.templateId = template;
	else if (creating) (a.templateId = 4), call.note('template_id absent, 4 assumed');
	const summary = call.str('summary');
	if (summary !== undefined) a.summary = summary;
	const content = call.str('content', creating);
	if (content !== undefined) {
		const images = (content.match(/<img\b/gi) ?? []).length;
		const length = chars(content);
		if (length > 40000 || (length < 200 && images < 3)) throw call.param('content must be 200–40000 characters, or hold at least 3 images');
		a.content = content;
	}
	const banner = call.str('banner_url');
	const video = call.str('top_video_bvid');
	if (banner !== undefined) a.bannerUrl = banner;
	if (video !== undefined) a.topVideoBvid = video;
	if (a.bannerUrl && a.topVideoBvid) throw call.param('banner_url and top_video_bvid cannot both be set');
	const imageUrls = call.str('image_urls');
	if (imageUrls !== undefined) a.imageUrls = list(imageUrls);
	if (a.templateId === 3 && (a.imageUrls ?? []).length < 3) throw call.param('template_id 3 needs three image_urls');
	if (a.templateId === 4 && !a.bannerUrl && !a.topVideoBvid && !(a.imageUrls ?? []).length) throw call.param('template_id 4 needs banner_url, top_video_bvid or one image_url');
	const tags = call.str('tags');
	if (tags !== undefined) a.tags = list(tags);
	const original = call.int('original', { oneOf: [0, 1] });
	if (original !== undefined) a.original = original;
	const listId = call.int('list_id', { min: 0 });
	if (listId !== undefined) a.listId = listId;
	const closed = call.int('up_closed_reply', { oneOf: [0, 1] });
	if (closed !== undefined) a.upClosedReply = closed;
}

function categories(call: BiliCall): void {
	call.ok(ARTICLE_CATEGORIES);
}

/**
 * 文章提交 and 文章编辑 document a multipart/form-data body (their curl examples use --form; open.bilibili.com doc center,
 * mirrored at apifox.com/apidoc/docs-site/1106400/api-23767554 and api-23769817); a JSON body is refused.
 */
function formBody(call: BiliCall, name: string): void {
	if (call.body?.kind !== 'multipart') throw call.param(`${name} takes a multipart/form-data body, not ${call.body?.kind ?? 'none'}`);
}

function add(call: BiliCall): void {
	formBody(call, '文章提交 (article/add)');
	const a: Partial<Article> = { summary: '', bannerUrl: '', topVideoBvid: '', imageUrls: [], tags: [], original: 1, listId: 0, upClosedReply: 0 };
	articleFields(call, a, true);
	const now = call.now();
	const article: Article = { ...(a as Article), id: ++call.store.articleSeq, openid: call.grant.openid, group: 1, reviewAt: now + call.store.config.reviewDelaySeconds * 1000, ctime: now, deleted: false };
	call.store.articles.push(article);
	call.ok({ id: article.id });
}

/** 文章编辑: "请求body参数需要将所有字段传递过来，不需要修改的字段传原值" — every field of an add, unchanged ones with their old values */
function edit(call: BiliCall): void {
	formBody(call, '文章编辑 (article/edit)');
	const a = ownArticle(call, call.int('id', { required: true }));
	const next = { ...a };
	articleFields(call, next, true);
	Object.assign(a, next, { group: 1, reviewAt: call.now() + call.store.config.reviewDelaySeconds * 1000 });
	call.ok({ id: a.id });
}

/** id: one id or a comma list */
function remove(call: BiliCall): void {
	const raw = call.params.id;
	const ids = Array.isArray(raw) ? raw.map(Number) : list(raw === undefined ? undefined : String(raw)).map(Number);
	if (!ids.length || ids.some((n) => !Number.isInteger(n))) throw call.param('id must be an article id or a comma-separated list');
	const articles = ids.map((id) => ownArticle(call, id));
	for (const a of articles) a.deleted = true;
	call.ok({});
}

function detail(call: BiliCall): void {
	call.ok(articleView(ownArticle(call, call.int('id', { required: true }))));
}

/** sort: 1 newest (others fall back to it); group: 0 all, 1 processing, 2 approved, 3 rejected */
function articleList(call: BiliCall): void {
	const pn = call.int('pn', { min: 1 }) ?? 1;
	const ps = call.int('ps', { min: 1, max: 50 }) ?? 10;
	const group = call.int('group', { oneOf: [0, 1, 2, 3] }) ?? 0;
	const category = call.int('category');
	const sort = call.int('sort', { min: 1, max: 6 }) ?? 1;
	call.store.advanceReview(call.now());
	const mine = call.store.articles
		.filter((a) => a.openid === call.grant.openid && !a.deleted && (group === 0 || a.group === group) && (category === undefined || a.category === category))
		.sort((x, y) => y.ctime - x.ctime);
	if (sort !== 1) call.note(`sort=${sort} answered newest-first`);
	call.ok({ list: mine.slice((pn - 1) * ps, pn * ps).map(articleView), page: { pn, ps, total: mine.length } });
}

async function uploadImage(call: BiliCall): Promise<void> {
	const file = await imagePart(call, call.store.config.articleImageMaxBytes, ['jpeg', 'png', 'gif']);
	call.int('watermark', { oneOf: [0, 1] });
	const url = `https://i0.hdslb.com/bfs/article/${file.sha256.slice(0, 40)}.${file.kind === 'jpeg' ? 'jpg' : file.kind}`;
	call.store.images.push({ url, size: file.size, sha256: file.sha256, contentType: file.contentType, kind: 'article' });
	call.ok({ url });
}

/** ids ≤30; the reply shape (a list of per-article stats) is the simulator's (unverified) */
function artStat(call: BiliCall): void {
	const ids = list(call.str('ids', true)).map(Number);
	if (!ids.length || ids.some((n) => !Number.isInteger(n))) throw call.param('ids must be a comma-separated list of article ids');
	if (ids.length > 30) throw call.param('at most 30 ids');
	const articles = ids.map((id) => ownArticle(call, id));
	const s = (k: string, a: Article, max: number) => (a.group === 2 ? seeded(`${k}${a.id}`, 0, max) : 0);
	call.ok({ list: articles.map((a) => ({ id: a.id, view: s('v', a, 50000), reply: s('r', a, 500), like: s('l', a, 3000), coin: s('c', a, 800), fav: s('f', a, 1200), share: s('s', a, 300) })) });
}

export const bilibiliArticleRoutes: BiliRoute[] = [
	// both spellings seen in clients
	{ paths: ['/arcopen/fn/article/categories', '/arcopen/fn/article/category'], methods: ['GET'], scope: 'ATC_BASE', handler: categories },
	{ paths: ['/arcopen/fn/article/add'], methods: ['POST'], scope: 'ATC_BASE', handler: add },
	{ paths: ['/arcopen/fn/article/edit'], methods: ['POST'], scope: 'ATC_BASE', handler: edit },
	{ paths: ['/arcopen/fn/article/delete'], methods: ['POST'], scope: 'ATC_BASE', handler: remove },
	// GET per one client, POST per MediaX
	{ paths: ['/arcopen/fn/article/detail'], methods: ['GET', 'POST'], scope: 'ATC_BASE', handler: detail },
	{ paths: ['/arcopen/fn/article/list'], methods: ['GET'], scope: 'ATC_BASE', handler: articleList },
	{ paths: ['/arcopen/fn/article/upload/image'], methods: ['POST'], scope: 'ATC_BASE', handler: uploadImage },
	{ paths: ['/arcopen/fn/data/art/stat'], methods: ['GET'], scope: 'ATC_DATA', handler: artStat },
];
