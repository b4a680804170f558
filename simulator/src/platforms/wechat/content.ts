import { readFile } from 'node:fs/promises';
import type { SimContext, UploadedFile } from '../../core/types';
import { readJsonBody } from './tokens';
import {
	TEMP_MEDIA_TTL_S,
	WxError,
	followerIndex,
	followerInfo,
	followerOpenid,
	ok,
	randomId,
	seconds,
	type Article,
	type Draft,
	type MaterialType,
	type Publish,
	type PublishedArticle,
	type StoredFile,
	type WeChatState,
} from './state';

const MB = 1024 * 1024;

interface Limit {
	maxBytes: number;
	extensions: string[];
	/** errcode for an oversize file: images say "invalid image size", the rest "media size out of limit" */
	tooBig: number;
}

const PERMANENT_LIMITS: Record<MaterialType, Limit> = {
	image: { maxBytes: 10 * MB, extensions: ['bmp', 'png', 'jpeg', 'jpg', 'gif'], tooBig: 40009 },
	voice: { maxBytes: 2 * MB, extensions: ['mp3', 'wma', 'wav', 'amr'], tooBig: 45001 },
	video: { maxBytes: 10 * MB, extensions: ['mp4'], tooBig: 45001 },
	thumb: { maxBytes: 64 * 1024, extensions: ['jpg', 'jpeg'], tooBig: 40009 },
};

const TEMP_LIMITS: Record<MaterialType, Limit> = {
	image: { maxBytes: 10 * MB, extensions: ['png', 'jpeg', 'jpg', 'gif'], tooBig: 40009 },
	voice: { maxBytes: 2 * MB, extensions: ['amr', 'mp3'], tooBig: 45001 },
	video: { maxBytes: 10 * MB, extensions: ['mp4'], tooBig: 45001 },
	thumb: { maxBytes: 64 * 1024, extensions: ['jpg', 'jpeg'], tooBig: 40009 },
};

const UPLOADIMG_LIMIT: Limit = { maxBytes: MB, extensions: ['jpg', 'jpeg', 'png'], tooBig: 40009 };

const MIME_BY_EXT: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	bmp: 'image/bmp',
	mp3: 'audio/mpeg',
	wma: 'audio/x-ms-wma',
	wav: 'audio/x-wav',
	amr: 'audio/amr',
	mp4: 'video/mp4',
};

const EXT_BY_MIME: Record<string, string> = Object.fromEntries(Object.entries(MIME_BY_EXT).map(([ext, mime]) => [mime, ext]));

function extensionOf(file: UploadedFile): string {
	const m = /\.([A-Za-z0-9]+)$/.exec(file.filename);
	if (m) return m[1].toLowerCase();
	return EXT_BY_MIME[file.contentType.split(';')[0].trim().toLowerCase()] ?? '';
}

const MEDIA_TYPES: MaterialType[] = ['image', 'voice', 'video', 'thumb'];

function mediaType(value: string | undefined): MaterialType {
	if (!value || !MEDIA_TYPES.includes(value as MaterialType)) throw new WxError(40004, 'invalid media type');
	return value as MaterialType;
}

/** Reads the multipart `media` part and checks it against a limit; returns the file and its stored form. */
async function readMedia(ctx: SimContext, limit: Limit): Promise<{ stored: StoredFile; form: Record<string, string> }> {
	const body = await ctx.body().catch(() => {
		throw new WxError(41005, 'media data missing');
	});
	const file = body.files.find((f) => f.field === 'media');
	if (!file || file.size === 0) throw new WxError(41005, 'media data missing');
	const ext = extensionOf(file);
	if (!limit.extensions.includes(ext)) throw new WxError(40005, 'invalid file type');
	if (file.size > limit.maxBytes) throw new WxError(limit.tooBig, limit.tooBig === 40009 ? 'invalid image size' : 'media size out of limit');
	const contentType = MIME_BY_EXT[ext];
	return { stored: { path: file.path, size: file.size, filename: file.filename, contentType, isImage: contentType.startsWith('image/') }, form: body.form };
}

function fileUrl(ctx: SimContext, fileId: string): string {
	return `${ctx.baseUrl}/wechat/mmbiz/${fileId}`;
}

function addFile(state: WeChatState, file: StoredFile): string {
	const id = randomId(40);
	state.files.set(id, file);
	return id;
}

async function fileBytes(file: StoredFile): Promise<Buffer> {
	return file.data ?? readFile(file.path as string);
}

async function sendFile(ctx: SimContext, file: StoredFile): Promise<void> {
	const bytes = await fileBytes(file);
	ctx.log.code = 0;
	ctx.send(200, bytes, file.contentType, { 'content-disposition': `attachment; filename="${encodeURIComponent(file.filename)}"` });
}

/** media_id from a JSON body, or a form body (MediaX sends get_material as form params). */
async function mediaIdFromBody(ctx: SimContext, allowForm: boolean): Promise<string> {
	if (allowForm) {
		const body = await ctx.body().catch(() => undefined);
		const fromForm = body?.form?.media_id;
		if (fromForm) return fromForm;
		if (body && body.kind !== 'json' && body.kind !== 'raw') throw new WxError(41006, 'media_id missing');
	}
	const json = await readJsonBody(ctx);
	if (!json.media_id || typeof json.media_id !== 'string') throw new WxError(41006, 'media_id missing');
	return json.media_id;
}

function pageArgs(json: Record<string, any>): { offset: number; count: number } {
	const offset = json.offset === undefined ? 0 : Number(json.offset);
	const count = Number(json.count);
	if (!Number.isInteger(offset) || offset < 0) throw new WxError(47003, 'argument invalid! data.offset invalid');
	if (!Number.isInteger(count) || count < 1 || count > 20) throw new WxError(47003, 'argument invalid! data.count invalid');
	return { offset, count };
}

// ---- permanent material ----

async function addMaterial(state: WeChatState, ctx: SimContext): Promise<void> {
	const type = mediaType(ctx.query.type);
	const { stored, form } = await readMedia(ctx, PERMANENT_LIMITS[type]);
	let title: string | undefined;
	let introduction: string | undefined;
	if (type === 'video') {
		// description is a JSON string in a form field: {"title":"...","introduction":"..."}
		let description: any;
		try {
			description = JSON.parse(form.description ?? '');
		} catch {
			throw new WxError(47001, 'data format error: description must be a JSON string with title and introduction');
		}
		if (!description || typeof description.title !== 'string' || !description.title) throw new WxError(47001, 'data format error: description.title missing');
		title = description.title;
		introduction = typeof description.introduction === 'string' ? description.introduction : '';
	}
	const fileId = addFile(state, stored);
	const mediaId = randomId(43);
	state.materials.set(mediaId, { mediaId, type, fileId, name: stored.filename, updateTime: seconds(ctx.now()), title, introduction });
	ok(ctx, type === 'image' ? { media_id: mediaId, url: fileUrl(ctx, fileId) } : { media_id: mediaId });
}

async function getMaterial(state: WeChatState, ctx: SimContext): Promise<void> {
	const material = state.materials.get(await mediaIdFromBody(ctx, true));
	if (!material) throw new WxError(40007, 'invalid media_id');
	if (material.type === 'video') {
		return ok(ctx, { title: material.title ?? '', description: material.introduction ?? '', down_url: fileUrl(ctx, material.fileId) });
	}
	await sendFile(ctx, state.files.get(material.fileId) as StoredFile);
}

async function delMaterial(state: WeChatState, ctx: SimContext): Promise<void> {
	const mediaId = await mediaIdFromBody(ctx, false);
	if (!state.materials.delete(mediaId)) throw new WxError(40007, 'invalid media_id');
	ok(ctx, { errcode: 0, errmsg: 'ok' });
}

// thumbs live in the image library
const LIBRARY: Record<string, MaterialType[]> = { image: ['image', 'thumb'], voice: ['voice'], video: ['video'], news: [] };

function materialCount(state: WeChatState, ctx: SimContext): void {
	const counts = { voice_count: 0, video_count: 0, image_count: 0, news_count: 0 };
	for (const m of state.materials.values()) {
		if (m.type === 'voice') counts.voice_count++;
		else if (m.type === 'video') counts.video_count++;
		else counts.image_count++;
	}
	ok(ctx, counts);
}

async function batchgetMaterial(state: WeChatState, ctx: SimContext): Promise<void> {
	const json = await readJsonBody(ctx);
	const kinds = LIBRARY[String(json.type)];
	if (!kinds) throw new WxError(40004, 'invalid media type');
	const { offset, count } = pageArgs(json);
	const all = [...state.materials.values()].filter((m) => kinds.includes(m.type)).sort((a, b) => b.updateTime - a.updateTime);
	const item = all.slice(offset, offset + count).map((m) => {
		const entry: Record<string, unknown> = { media_id: m.mediaId, name: m.name, update_time: m.updateTime };
		if (m.type === 'image' || m.type === 'thumb') entry.url = fileUrl(ctx, m.fileId);
		if (m.type === 'video') entry.description = m.introduction ?? '';
		return entry;
	});
	ok(ctx, { total_count: all.length, item_count: item.length, item });
}

// ---- media ----

async function uploadImg(state: WeChatState, ctx: SimContext): Promise<void> {
	const { stored } = await readMedia(ctx, UPLOADIMG_LIMIT);
	ok(ctx, { errcode: 0, errmsg: 'ok', url: fileUrl(ctx, addFile(state, stored)) });
}

async function uploadTemp(state: WeChatState, ctx: SimContext): Promise<void> {
	const type = mediaType(ctx.query.type);
	const { stored } = await readMedia(ctx, TEMP_LIMITS[type]);
	const mediaId = randomId(64);
	const createdAt = seconds(ctx.now());
	state.temps.set(mediaId, { mediaId, type, fileId: addFile(state, stored), createdAt });
	// legacy docs name the thumb id thumb_media_id; both are sent so either reading works
	ok(ctx, type === 'thumb' ? { type, thumb_media_id: mediaId, media_id: mediaId, created_at: createdAt } : { type, media_id: mediaId, created_at: createdAt });
}

async function getTemp(state: WeChatState, ctx: SimContext): Promise<void> {
	let mediaId = ctx.query.media_id;
	if (!mediaId && ctx.method === 'POST') {
		const body = await ctx.body().catch(() => undefined);
		mediaId = body?.form?.media_id ?? (body?.json as any)?.media_id;
	}
	if (!mediaId) throw new WxError(41006, 'media_id missing');
	const media = state.temps.get(mediaId);
	if (!media || seconds(ctx.now()) - media.createdAt > TEMP_MEDIA_TTL_S) throw new WxError(40007, 'invalid media_id');
	if (media.type === 'video') return ok(ctx, { video_url: fileUrl(ctx, media.fileId) });
	await sendFile(ctx, state.files.get(media.fileId) as StoredFile);
}

// ---- drafts ----

function isPermanentImage(state: WeChatState, mediaId: unknown): boolean {
	const m = typeof mediaId === 'string' ? state.materials.get(mediaId) : undefined;
	return !!m && (m.type === 'image' || m.type === 'thumb');
}

/** Keeps only <img> tags whose src the simulator's image host (uploadimg / image material) serves; drops scripts. */
export function sanitizeContent(state: WeChatState, html: string): string {
	return html
		.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
		.replace(/<img\b[^>]*>/gi, (tag) => {
			const src = /\bsrc\s*=\s*(["']?)([^"'\s>]+)\1/i.exec(tag)?.[2] ?? '';
			const id = /\/wechat\/mmbiz\/([A-Za-z0-9_-]+)/.exec(src)?.[1];
			return id && state.files.get(id)?.isImage ? tag : '';
		});
}

function textOf(html: string): string {
	return html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

function str(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function flag(value: unknown): number {
	return Number(value) === 1 ? 1 : 0;
}

function normalizeArticle(state: WeChatState, raw: unknown): Article {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new WxError(47001, 'data format error');
	const a = raw as Record<string, any>;
	const type = a.article_type === undefined || a.article_type === '' ? 'news' : a.article_type;
	if (type !== 'news' && type !== 'newspic') throw new WxError(47003, 'argument invalid! article_type invalid');
	const title = str(a.title);
	if (!title) throw new WxError(44003, 'empty news data');
	if ([...title].length > state.config.titleMaxLength) throw new WxError(45003, 'title size out of limit');
	const author = str(a.author);
	if ([...author].length > 16) throw new WxError(45110, 'author size out of limit');
	const digest = str(a.digest);
	if ([...digest].length > 128) throw new WxError(45004, 'description size out of limit');
	const content = str(a.content);
	if (!content) throw new WxError(44004, 'empty content data');
	if (content.length >= 20000 || Buffer.byteLength(content) >= 1024 * 1024) throw new WxError(45002, 'content size out of limit');
	const sourceUrl = str(a.content_source_url);
	if (Buffer.byteLength(sourceUrl) > 1024) throw new WxError(45005, 'link size out of limit');
	const thumb = str(a.thumb_media_id);
	// a cover must be a permanent image/thumb material; temporary ids and unknown ids both fail
	if ((type === 'news' || thumb) && !isPermanentImage(state, thumb)) throw new WxError(40007, 'invalid media_id');
	const article: Article = {
		article_type: type,
		title,
		author,
		digest,
		content: sanitizeContent(state, content),
		content_source_url: sourceUrl,
		thumb_media_id: thumb,
		need_open_comment: flag(a.need_open_comment),
		only_fans_can_comment: flag(a.only_fans_can_comment),
	};
	if (a.pic_crop_235_1 !== undefined) article.pic_crop_235_1 = str(a.pic_crop_235_1);
	if (a.pic_crop_1_1 !== undefined) article.pic_crop_1_1 = str(a.pic_crop_1_1);
	if (type === 'newspic') {
		const list = a.image_info?.image_list;
		if (!Array.isArray(list) || list.length < 1 || list.length > 20) throw new WxError(40007, 'invalid media_id');
		for (const img of list) if (!isPermanentImage(state, img?.image_media_id)) throw new WxError(40007, 'invalid media_id');
		article.image_info = { image_list: list.map((img: any) => ({ image_media_id: img.image_media_id })) };
		if (a.cover_info !== undefined) article.cover_info = a.cover_info;
	}
	return article;
}

/** A single-article draft without a digest gets the first 54 characters of its body. */
function fillDigests(articles: Article[]): void {
	if (articles.length === 1 && !articles[0].digest) articles[0].digest = [...textOf(articles[0].content)].slice(0, 54).join('');
}

function articleUrl(ctx: SimContext, articleId: string, idx: number): string {
	return `${ctx.baseUrl}/wechat/s/${articleId}/${idx}`;
}

function newsItem(state: WeChatState, ctx: SimContext, article: Article, url: string, noContent: boolean): Record<string, unknown> {
	const thumb = state.materials.get(article.thumb_media_id);
	const item: Record<string, unknown> = { ...article, url, thumb_url: thumb ? fileUrl(ctx, thumb.fileId) : '', show_cover_pic: 0 };
	if (noContent) delete item.content;
	return item;
}

function draftItems(state: WeChatState, ctx: SimContext, draft: Draft, noContent: boolean) {
	return draft.articles.map((a, i) => newsItem(state, ctx, a, `${ctx.baseUrl}/wechat/preview/${draft.mediaId}/${i}`, noContent));
}

function requireDraft(state: WeChatState, mediaId: unknown): Draft {
	const draft = typeof mediaId === 'string' ? state.drafts.get(mediaId) : undefined;
	if (!draft) throw new WxError(40007, 'invalid media_id');
	return draft;
}

async function draftAdd(state: WeChatState, ctx: SimContext): Promise<void> {
	const json = await readJsonBody(ctx);
	if (json.articles === undefined || (Array.isArray(json.articles) && json.articles.length === 0)) throw new WxError(44003, 'empty news data');
	if (!Array.isArray(json.articles)) throw new WxError(47001, 'data format error: articles must be an array');
	if (json.articles.length > 8) throw new WxError(45008, 'article size out of limit');
	const articles = json.articles.map((a: unknown) => normalizeArticle(state, a));
	fillDigests(articles);
	const now = seconds(ctx.now());
	const mediaId = randomId(43);
	state.drafts.set(mediaId, { mediaId, articles, createTime: now, updateTime: now });
	ok(ctx, { media_id: mediaId });
}

async function draftUpdate(state: WeChatState, ctx: SimContext): Promise<void> {
	const json = await readJsonBody(ctx);
	const draft = requireDraft(state, json.media_id);
	const index = Number(json.index ?? 0);
	// index is 0-based here (freepublish/delete is 1-based)
	if (!Number.isInteger(index) || index < 0 || index >= draft.articles.length) throw new WxError(47003, 'argument invalid! index invalid');
	if (!json.articles || typeof json.articles !== 'object' || Array.isArray(json.articles)) throw new WxError(47001, 'data format error: articles must be an object');
	draft.articles[index] = normalizeArticle(state, json.articles);
	fillDigests(draft.articles);
	draft.updateTime = seconds(ctx.now());
	ok(ctx, { errcode: 0, errmsg: 'ok' });
}

async function draftGet(state: WeChatState, ctx: SimContext): Promise<void> {
	const draft = requireDraft(state, (await readJsonBody(ctx)).media_id);
	ok(ctx, { news_item: draftItems(state, ctx, draft, false), create_time: draft.createTime, update_time: draft.updateTime });
}

async function draftDelete(state: WeChatState, ctx: SimContext): Promise<void> {
	const draft = requireDraft(state, (await readJsonBody(ctx)).media_id);
	state.drafts.delete(draft.mediaId);
	ok(ctx, { errcode: 0, errmsg: 'ok' });
}

function draftCount(state: WeChatState, ctx: SimContext): void {
	ok(ctx, { total_count: state.drafts.size });
}

async function draftBatchget(state: WeChatState, ctx: SimContext): Promise<void> {
	const json = await readJsonBody(ctx);
	const { offset, count } = pageArgs(json);
	const noContent = flag(json.no_content) === 1;
	const all = [...state.drafts.values()].sort((a, b) => b.updateTime - a.updateTime);
	const item = all.slice(offset, offset + count).map((d) => ({
		media_id: d.mediaId,
		content: { news_item: draftItems(state, ctx, d, noContent), create_time: d.createTime, update_time: d.updateTime },
		update_time: d.updateTime,
	}));
	ok(ctx, { total_count: all.length, item_count: item.length, item });
}

// ---- publishing ----

function publishIdOut(state: WeChatState, id: string): string | number {
	return state.config.publishIdAsNumber ? Number(id) : id;
}

async function publishSubmit(state: WeChatState, ctx: SimContext): Promise<void> {
	const draft = requireDraft(state, (await readJsonBody(ctx)).media_id);
	const cfg = state.config;
	const publish: Publish = {
		publishId: String(state.nextPublishId++),
		msgDataId: state.nextMsgDataId++,
		draft,
		submittedAt: ctx.now(),
		polls: 0,
		pendingPolls: cfg.publishPendingPolls,
		pendingMs: cfg.publishPendingMs,
		outcome: cfg.publishOutcome,
		status: 1,
		failIdx: [],
	};
	state.publishes.set(publish.publishId, publish);
	// a submitted draft leaves the draft box (it comes back if the publish fails)
	state.drafts.delete(draft.mediaId);
	ok(ctx, { errcode: 0, errmsg: 'ok', publish_id: publishIdOut(state, publish.publishId), msg_data_id: publish.msgDataId });
}

function settle(state: WeChatState, publish: Publish, now: number): void {
	publish.status = publish.outcome;
	if (publish.outcome !== 0) {
		publish.failIdx = publish.draft.articles.map((_, i) => i + 1);
		state.drafts.set(publish.draft.mediaId, publish.draft);
		return;
	}
	const articleId = randomId(43);
	const t = seconds(now);
	const published: PublishedArticle = {
		articleId,
		publishId: publish.publishId,
		items: publish.draft.articles.map((article) => ({ article, deleted: false })),
		createTime: t,
		updateTime: t,
	};
	state.articles.set(articleId, published);
	publish.articleId = articleId;
}

function stillPending(publish: Publish, now: number): boolean {
	return publish.polls < publish.pendingPolls || now - publish.submittedAt < publish.pendingMs;
}

async function publishGet(state: WeChatState, ctx: SimContext): Promise<void> {
	const json = await readJsonBody(ctx);
	const publish = state.publishes.get(String(json.publish_id ?? ''));
	if (!publish) throw new WxError(40007, 'invalid publish_id');
	const now = ctx.now();
	const publishId = publishIdOut(state, publish.publishId);
	if (publish.status === 1) {
		if (stillPending(publish, now)) {
			publish.polls++;
			return ok(ctx, { publish_id: publishId, publish_status: 1, fail_idx: [] });
		}
		settle(state, publish, now);
	}
	if (publish.status !== 0) return ok(ctx, { publish_id: publishId, publish_status: publish.status, fail_idx: publish.failIdx });
	const article = state.articles.get(publish.articleId as string) as PublishedArticle;
	if (article.items.every((i) => i.deleted)) return ok(ctx, { publish_id: publishId, publish_status: 5, article_id: article.articleId, fail_idx: [] });
	ok(ctx, {
		publish_id: publishId,
		publish_status: 0,
		article_id: article.articleId,
		article_detail: { count: article.items.length, item: article.items.map((_, i) => ({ idx: i + 1, article_url: articleUrl(ctx, article.articleId, i + 1) })) },
		fail_idx: [],
	});
}

function publishedItems(state: WeChatState, ctx: SimContext, article: PublishedArticle, noContent: boolean) {
	return article.items.map((item, i) => ({ ...newsItem(state, ctx, item.article, articleUrl(ctx, article.articleId, i + 1), noContent), is_deleted: item.deleted }));
}

function requireArticle(state: WeChatState, articleId: unknown): PublishedArticle {
	const article = typeof articleId === 'string' ? state.articles.get(articleId) : undefined;
	if (!article) throw new WxError(53600, 'Article ID 无效');
	return article;
}

async function publishBatchget(state: WeChatState, ctx: SimContext): Promise<void> {
	const json = await readJsonBody(ctx);
	const { offset, count } = pageArgs(json);
	const noContent = flag(json.no_content) === 1;
	const all = [...state.articles.values()].sort((a, b) => b.updateTime - a.updateTime);
	const item = all.slice(offset, offset + count).map((a) => ({
		article_id: a.articleId,
		content: { news_item: publishedItems(state, ctx, a, noContent), create_time: a.createTime, update_time: a.updateTime },
		update_time: a.updateTime,
	}));
	ok(ctx, { total_count: all.length, item_count: item.length, item });
}

async function publishGetArticle(state: WeChatState, ctx: SimContext): Promise<void> {
	const article = requireArticle(state, (await readJsonBody(ctx)).article_id);
	ok(ctx, { news_item: publishedItems(state, ctx, article, false) });
}

async function publishDelete(state: WeChatState, ctx: SimContext): Promise<void> {
	const json = await readJsonBody(ctx);
	const article = requireArticle(state, json.article_id);
	const index = Number(json.index ?? 0);
	// 1-based; 0 or omitted deletes every article of the message
	if (!Number.isInteger(index) || index < 0 || index > article.items.length) throw new WxError(47003, 'argument invalid! index invalid');
	if (index === 0) article.items.forEach((i) => (i.deleted = true));
	else article.items[index - 1].deleted = true;
	article.updateTime = seconds(ctx.now());
	ok(ctx, { errcode: 0, errmsg: 'ok' });
}

// ---- followers ----

const FOLLOWERS_PER_PAGE = 10000;

function userGet(state: WeChatState, ctx: SimContext): void {
	const total = state.config.followerCount;
	const next = ctx.query.next_openid ?? '';
	let start = 0;
	if (next) {
		const index = followerIndex(state, next);
		if (index < 0) throw new WxError(40003, 'invalid openid');
		start = index + 1;
	}
	const count = Math.max(0, Math.min(FOLLOWERS_PER_PAGE, total - start));
	const openids = Array.from({ length: count }, (_, i) => followerOpenid(start + i));
	const reply: Record<string, unknown> = { total, count };
	if (count > 0) reply.data = { openid: openids };
	reply.next_openid = start + count < total ? openids[count - 1] : '';
	ok(ctx, reply);
}

function userInfo(state: WeChatState, ctx: SimContext): void {
	const openid = ctx.query.openid;
	if (!openid) throw new WxError(41009, 'missing openid');
	const index = followerIndex(state, openid);
	if (index < 0) throw new WxError(40003, 'invalid openid');
	ok(ctx, followerInfo(openid, index));
}

async function userInfoBatch(state: WeChatState, ctx: SimContext): Promise<void> {
	const json = await readJsonBody(ctx);
	const list = json.user_list;
	if (!Array.isArray(list) || list.length === 0) throw new WxError(47001, 'data format error');
	if (list.length > 100) throw new WxError(47003, 'argument invalid! user_list size out of limit');
	const infos = list.map((entry: any) => {
		const openid = str(entry?.openid);
		const index = followerIndex(state, openid);
		if (index < 0) throw new WxError(40003, 'invalid openid');
		return followerInfo(openid, index);
	});
	ok(ctx, { user_info_list: infos });
}

async function clearQuota(state: WeChatState, ctx: SimContext): Promise<void> {
	const json = await readJsonBody(ctx);
	if (json.appid !== undefined && json.appid !== '' && json.appid !== 'wxsim0000000001') throw new WxError(40013, 'invalid appid');
	state.classicQuota.count = 0;
	ok(ctx, { errcode: 0, errmsg: 'ok' });
}

export interface CgiRoute {
	methods: Array<'GET' | 'POST'>;
	run(state: WeChatState, ctx: SimContext): void | Promise<void>;
}

const POST: CgiRoute['methods'] = ['POST'];
const GET: CgiRoute['methods'] = ['GET'];
const ANY: CgiRoute['methods'] = ['GET', 'POST'];

/** /cgi-bin APIs that take ?access_token=; method lists include the variants SDKs are known to send. */
export const CGI_ROUTES: Record<string, CgiRoute> = {
	'/cgi-bin/material/add_material': { methods: POST, run: addMaterial },
	'/cgi-bin/material/get_material': { methods: POST, run: getMaterial },
	'/cgi-bin/material/del_material': { methods: POST, run: delMaterial },
	'/cgi-bin/material/get_materialcount': { methods: ANY, run: materialCount },
	'/cgi-bin/material/batchget_material': { methods: POST, run: batchgetMaterial },
	'/cgi-bin/media/uploadimg': { methods: POST, run: uploadImg },
	'/cgi-bin/media/upload': { methods: POST, run: uploadTemp },
	'/cgi-bin/media/get': { methods: ANY, run: getTemp },
	'/cgi-bin/draft/add': { methods: POST, run: draftAdd },
	'/cgi-bin/draft/update': { methods: POST, run: draftUpdate },
	'/cgi-bin/draft/get': { methods: POST, run: draftGet },
	'/cgi-bin/draft/delete': { methods: POST, run: draftDelete },
	'/cgi-bin/draft/count': { methods: ANY, run: draftCount },
	'/cgi-bin/draft/batchget': { methods: POST, run: draftBatchget },
	'/cgi-bin/freepublish/submit': { methods: POST, run: publishSubmit },
	'/cgi-bin/freepublish/get': { methods: POST, run: publishGet },
	'/cgi-bin/freepublish/batchget': { methods: POST, run: publishBatchget },
	'/cgi-bin/freepublish/getarticle': { methods: POST, run: publishGetArticle },
	'/cgi-bin/freepublish/delete': { methods: POST, run: publishDelete },
	'/cgi-bin/user/get': { methods: ANY, run: userGet },
	'/cgi-bin/user/info': { methods: GET, run: userInfo },
	'/cgi-bin/user/info/batchget': { methods: POST, run: userInfoBatch },
	'/cgi-bin/clear_quota': { methods: POST, run: clearQuota },
};

// ---- pages the simulator hosts (image CDN, article pages) ----

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function articlePage(ctx: SimContext, article: Article | undefined, deleted: boolean): void {
	ctx.log.code = 0;
	if (!article) return ctx.html(404, '<!doctype html><html><head><meta charset="utf-8"><title>微信公众平台</title></head><body><p>该内容不存在</p></body></html>');
	if (deleted) return ctx.html(200, '<!doctype html><html><head><meta charset="utf-8"><title>微信公众平台</title></head><body><p id="deleted">该内容已被发布者删除</p></body></html>');
	ctx.html(
		200,
		`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title></head><body><h1 id="activity-name">${escapeHtml(article.title)}</h1><p id="author">${escapeHtml(article.author)}</p><div id="js_content">${article.content}</div></body></html>`,
	);
}

/** GET /mmbiz/<id>, /s/<articleId>/<idx>, /preview/<draftId>/<index>; false when the path is none of these. */
export async function servePage(state: WeChatState, ctx: SimContext): Promise<boolean> {
	let m = /^\/mmbiz\/([A-Za-z0-9_-]+)$/.exec(ctx.path);
	if (m) {
		const file = state.files.get(m[1]);
		if (!file) {
			ctx.send(404, 'not found', 'text/plain');
			return true;
		}
		await sendFile(ctx, file);
		return true;
	}
	m = /^\/s\/([A-Za-z0-9_-]+)\/(\d+)$/.exec(ctx.path);
	if (m) {
		const item = state.articles.get(m[1])?.items[Number(m[2]) - 1];
		articlePage(ctx, item?.article, !!item?.deleted);
		return true;
	}
	m = /^\/preview\/([A-Za-z0-9_-]+)\/(\d+)$/.exec(ctx.path);
	if (m) {
		articlePage(ctx, state.drafts.get(m[1])?.articles[Number(m[2])], false);
		return true;
	}
	return false;
}
