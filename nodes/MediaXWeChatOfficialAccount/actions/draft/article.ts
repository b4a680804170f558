import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { show } from '../common';

/** The fields of one news article (图文) as the UI offers them. */
export const articleFields: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'Up to 32 characters',
	},
	{
		displayName: 'Author',
		name: 'author',
		type: 'string',
		default: '',
		description: 'Up to 16 characters',
	},
	{
		displayName: 'Digest',
		name: 'digest',
		type: 'string',
		default: '',
		description: 'Summary shown in the message card, up to 128 characters; single-article drafts without one get the first 54 characters of the body',
	},
	{
		displayName: 'Content (HTML)',
		name: 'content',
		type: 'string',
		required: true,
		typeOptions: { rows: 6 },
		default: '',
		description: 'Article body as HTML, below 20 000 characters and 1 MB. Scripts are stripped; images must use URLs from Article Image → Upload, others are removed.',
	},
	{
		displayName: 'Cover Media ID',
		name: 'thumb_media_id',
		type: 'string',
		required: true,
		default: '',
		description: 'A permanent image or thumb material media_id (Material → Add); temporary media is not accepted',
	},
	{
		displayName: 'Content Source URL',
		name: 'content_source_url',
		type: 'string',
		default: '',
		description: 'Link behind "Read more" (阅读原文), up to 1 KB',
	},
	{
		displayName: 'Open Comments',
		name: 'need_open_comment',
		type: 'boolean',
		default: false,
		description: 'Whether readers can comment on the article',
	},
	{
		displayName: 'Only Followers Can Comment',
		name: 'only_fans_can_comment',
		type: 'boolean',
		default: false,
		description: 'Whether only followers of the account can comment (applies when comments are open)',
	},
	{
		displayName: 'Cover Crop 2.35:1',
		name: 'pic_crop_235_1',
		type: 'string',
		default: '',
		placeholder: '0_0_1_0.5',
		description: 'Optional crop of the cover for the 2.35:1 card, as X1_Y1_X2_Y2 in 0–1 coordinates from the top left',
	},
	{
		displayName: 'Cover Crop 1:1',
		name: 'pic_crop_1_1',
		type: 'string',
		default: '',
		placeholder: '0.1_0_0.9_1',
		description: 'Optional crop of the cover for the square card, as X1_Y1_X2_Y2 in 0–1 coordinates from the top left',
	},
];

export function articleInputField(operation: string): INodeProperties {
	return {
		displayName: 'Define Articles Using',
		name: 'articlesInput',
		type: 'options',
		options: [
			{ name: 'Fields Below', value: 'fields' },
			{ name: 'JSON', value: 'json', description: 'Pass article objects with WeChat\'s field names, e.g. from an expression' },
		],
		default: 'fields',
		displayOptions: show('draft', operation),
	};
}

/** An article from the UI fields, in WeChat's shape: flags as 0/1, empty optional fields left out. */
export function articleFromFields(ctx: IExecuteFunctions, itemIndex: number, raw: IDataObject, position: string): IDataObject {
	const title = String(raw.title ?? '').trim();
	const content = String(raw.content ?? '');
	const thumb = String(raw.thumb_media_id ?? '').trim();
	const missing = [!title && 'Title', !content.trim() && 'Content (HTML)', !thumb && 'Cover Media ID'].filter(Boolean);
	if (missing.length) {
		throw new NodeOperationError(ctx.getNode(), `${position} is missing ${missing.map((m) => `"${m}"`).join(', ')}`, { itemIndex });
	}
	const article: IDataObject = {
		article_type: 'news',
		title,
		content,
		thumb_media_id: thumb,
		need_open_comment: raw.need_open_comment ? 1 : 0,
		only_fans_can_comment: raw.only_fans_can_comment ? 1 : 0,
	};
	for (const key of ['author', 'digest', 'content_source_url', 'pic_crop_235_1', 'pic_crop_1_1']) {
		const value = String(raw[key] ?? '').trim();
		if (value) article[key] = value;
	}
	return article;
}

/** Articles given as JSON (string or already parsed), as an array of objects. */
export function articlesFromJson(ctx: IExecuteFunctions, itemIndex: number, value: unknown, fieldName: string): IDataObject[] {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `Field "${fieldName}" is not valid JSON: ${(error as Error).message}`, { itemIndex });
		}
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Array.isArray((parsed as IDataObject).articles)) {
		parsed = (parsed as IDataObject).articles;
	}
	const list = Array.isArray(parsed) ? parsed : [parsed];
	if (!list.length || list.some((a) => !a || typeof a !== 'object' || Array.isArray(a))) {
		throw new NodeOperationError(ctx.getNode(), `Field "${fieldName}" must hold an article object or an array of article objects`, { itemIndex });
	}
	return list as IDataObject[];
}
