import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { buildMultipart } from '../../../shared/http/multipart';
import { assertLength, chars, invalid, show, splitList } from '../common';

export const ARTICLE_TITLE_MAX = 40;
const CONTENT_MIN = 200;
const CONTENT_MAX = 40000;

export const articleIdField = (operations: string[], description = 'The article ID (cv number without "cv"), as returned by Publish or List'): INodeProperties => ({
	displayName: 'Article ID',
	name: 'articleId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '5000001',
	description,
	displayOptions: show('article', operations),
});

export const categoryOption = {
	displayName: 'Category Name or ID',
	name: 'category',
	type: 'options' as const,
	typeOptions: { loadOptionsMethod: 'getArticleCategories' },
	default: '',
	description: 'A sub-category of the article. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const templateOption = {
	displayName: 'Template',
	name: 'template_id',
	type: 'options' as const,
	options: [
		{ name: 'Single Cover, Banner or Video (4)', value: 4, description: 'Needs a banner URL, a top video or one image URL' },
		{ name: 'Three Covers (3)', value: 3, description: 'Needs three image URLs' },
		{ name: 'Automatic Cover (5)', value: 5 },
	],
	default: 4,
};

/** Optional article fields shared by Publish (Additional Fields) and Edit (Update Fields). */
export const articleOptionalFields: INodeProperties[] = [
	{ displayName: 'Banner URL', name: 'banner_url', type: 'string', default: '', description: 'Banner image URL (from Article → Upload Image); not together with Top Video' },
	{ displayName: 'Close Comments', name: 'up_closed_reply', type: 'boolean', default: false, description: 'Whether to close comments on the article' },
	{ displayName: 'Image URLs', name: 'image_urls', type: 'string', default: '', description: 'Comma-separated cover image URLs (from Article → Upload Image)' },
	{ displayName: 'Original', name: 'original', type: 'boolean', default: true, description: 'Whether the article is original work' },
	{ displayName: 'Anthology ID', name: 'list_id', type: 'number', default: 0, description: 'The anthology (文集) to add the article to' },
	{ displayName: 'Summary', name: 'summary', type: 'string', typeOptions: { rows: 2 }, default: '' },
	{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated tags' },
	{ displayName: 'Top Video BV ID', name: 'top_video_bvid', type: 'string', default: '', description: 'A video shown at the top instead of a banner; not together with Banner URL' },
];

function category(ctx: IExecuteFunctions, i: number, raw: unknown, required: boolean): number | undefined {
	if (raw === undefined || raw === null || raw === '') {
		if (required) throw invalid(ctx, i, 'Field "Category" is required: choose a sub-category');
		return undefined;
	}
	const n = Number(raw);
	if (!Number.isInteger(n) || n <= 0) throw invalid(ctx, i, `Field "Category" must be a category ID, not "${String(raw)}"`);
	return n;
}

/** Builds the add/edit body from the fields given, validating them before anything is sent. */
export function articleBody(ctx: IExecuteFunctions, i: number, fields: IDataObject, creating: boolean): IDataObject {
	const body: IDataObject = {};
	if (creating || fields.title !== undefined) {
		const title = String(fields.title ?? '');
		assertLength(ctx, i, 'Title', title, { max: ARTICLE_TITLE_MAX, required: true });
		body.title = title;
	}
	const cat = category(ctx, i, fields.category, creating);
	if (cat !== undefined) body.category = cat;
	if (fields.template_id !== undefined && fields.template_id !== '') body.template_id = Number(fields.template_id);
	if (creating || fields.content !== undefined) {
		const content = String(fields.content ?? '');
		const images = (content.match(/<img\b/gi) ?? []).length;
		const n = chars(content);
		if (n > CONTENT_MAX) throw invalid(ctx, i, `Field "Content" is ${n} characters; Bilibili allows at most ${CONTENT_MAX}`);
		if (n < CONTENT_MIN && images < 3) throw invalid(ctx, i, `Field "Content" is ${n} characters; Bilibili needs at least ${CONTENT_MIN}, or at least 3 images`);
		body.content = content;
	}
	for (const key of ['summary', 'banner_url', 'top_video_bvid']) if (fields[key] !== undefined) body[key] = String(fields[key]).trim();
	if (body.banner_url && body.top_video_bvid) throw invalid(ctx, i, 'Fields "Banner URL" and "Top Video BV ID" cannot be used together');
	const images = fields.image_urls !== undefined ? splitList(fields.image_urls) : undefined;
	if (images !== undefined) body.image_urls = images.join(',');
	if (fields.tags !== undefined) body.tags = splitList(fields.tags).join(',');
	if (fields.original !== undefined) body.original = fields.original ? 1 : 0;
	if (fields.up_closed_reply !== undefined) body.up_closed_reply = fields.up_closed_reply ? 1 : 0;
	if (Number(fields.list_id)) body.list_id = Number(fields.list_id);
	if (creating) {
		const template = Number(body.template_id ?? 4);
		if (template === 3 && (images ?? []).length < 3) throw invalid(ctx, i, 'Template "Three Covers" needs three URLs in field "Image URLs"');
		if (template === 4 && !body.banner_url && !body.top_video_bvid && !(images ?? []).length) {
			throw invalid(ctx, i, 'Template "Single Cover, Banner or Video" needs field "Banner URL", "Top Video BV ID" or one URL in "Image URLs"');
		}
	}
	return body;
}

/**
 * The open platform's 文章提交 and 文章编辑 pages document a multipart/form-data body (their curl examples use --form),
 * so article fields travel as form fields, numbers as their decimal text.
 */
export function articleForm(fields: IDataObject): { body: Buffer; contentType: string } {
	const form: Record<string, string> = {};
	for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== null) form[key] = String(value);
	return buildMultipart([], form);
}

const joined = (v: unknown) => (Array.isArray(v) ? v.map(String).join(',') : v === undefined || v === null ? undefined : String(v));

/** An article as 查询文章详情 returns it, as the fields of an add: 文章编辑 wants every field, unchanged ones as they are. */
export function currentArticleFields(detail: IDataObject): IDataObject {
	const category = detail.category as IDataObject | number | string | undefined;
	const fields: IDataObject = {
		title: detail.title,
		category: category && typeof category === 'object' ? category.id : category,
		template_id: detail.template_id,
		summary: detail.summary,
		content: detail.content,
		banner_url: detail.banner_url,
		top_video_bvid: detail.top_video_bvid,
		image_urls: joined(detail.image_urls),
		tags: joined(detail.tags),
		original: detail.original,
		up_closed_reply: detail.up_closed_reply,
		list_id: detail.list_id,
	};
	for (const key of Object.keys(fields)) if (fields[key] === undefined || fields[key] === null) delete fields[key];
	return fields;
}
