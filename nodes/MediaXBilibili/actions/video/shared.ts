import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { assertFileLimits, formatBytes, openBinary } from '../../../shared/http/binary';
import { buildMultipart } from '../../../shared/http/multipart';
import type { PlatformCall } from '../../../shared/node/operation';
import { assertLength, invalid, payload, show, splitList } from '../common';

const MB = 1024 * 1024;
/** utype 1 (one request, no merge step) is for files up to 100 MB */
export const BILIBILI_SMALL_FILE_MAX = 100 * MB;
const BILIBILI_MAX_FILE = 4 * 1024 * MB;
export const BILIBILI_DEFAULT_PART_MB = 8;
const COVER_MAX = 5 * MB;
export const VIDEO_EXTENSIONS = ['mp4', 'flv', 'avi', 'wmv', 'mov', 'mkv', 'webm'];
const EXTENSION_BY_MIME: Record<string, string> = {
	'video/mp4': 'mp4',
	'video/x-flv': 'flv',
	'video/x-msvideo': 'avi',
	'video/x-ms-wmv': 'wmv',
	'video/quicktime': 'mov',
	'video/x-matroska': 'mkv',
	'video/webm': 'webm',
};

// ---- upload ----------------------------------------------------------------------------------------------------

export const uploadOptionsField = (operation: string): INodeProperties => ({
	displayName: 'Upload Options',
	name: 'uploadOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: show('video', operation),
	options: [
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'clip.mp4',
			description: 'Name announced to Bilibili, with a video extension (mp4, flv, avi, wmv, mov, mkv, webm). Defaults to the binary\'s file name.',
		},
		{
			displayName: 'Part Size (MB)',
			name: 'partSizeMb',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: BILIBILI_DEFAULT_PART_MB,
			description: 'Size of each part sent to the upload host (Bilibili\'s demos use 8 MB); only one part is held in memory at a time',
		},
		{
			displayName: 'Small File Mode',
			name: 'smallFileMode',
			type: 'boolean',
			default: false,
			description: 'Whether to send files up to 100 MB in a single request (utype 1, no merge step) instead of in parts. The whole file is then held in memory once.',
		},
	],
});

function videoFileName(ctx: IExecuteFunctions, i: number, given: string, fallback: string, mimeType: string): string {
	const name = (given || fallback).trim();
	const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
	if (ext && VIDEO_EXTENSIONS.includes(ext)) return name;
	const fromMime = EXTENSION_BY_MIME[mimeType.toLowerCase()];
	if (!given && fromMime) return `${name.replace(/\.[^.]*$/, '') || 'video'}.${fromMime}`;
	throw invalid(
		ctx,
		i,
		`Field "File Name" ("${name}") needs a video extension: Bilibili takes ${VIDEO_EXTENSIONS.join(', ')}`,
		'Set Upload Options → File Name, e.g. "clip.mp4". Nothing was sent to Bilibili.',
	);
}

/**
 * init → parts (raw bytes, one part in memory at a time) → complete; or, in small file mode, init with utype 1 and
 * the whole file in one request. Returns the upload_token for Submit.
 */
export async function uploadVideo(ctx: IExecuteFunctions, i: number, call: PlatformCall, property: string, options: IDataObject): Promise<IDataObject> {
	const file = await openBinary(ctx, i, property);
	assertFileLimits(ctx, i, file, { maxBytes: BILIBILI_MAX_FILE, label: 'Bilibili video upload', propertyName: property });
	if (file.size === 0) throw invalid(ctx, i, `The file in binary property "${property}" is empty`);
	const name = videoFileName(ctx, i, String(options.fileName ?? ''), file.fileName, file.mimeType);
	const partMb = Number(options.partSizeMb ?? BILIBILI_DEFAULT_PART_MB);
	if (!Number.isFinite(partMb) || partMb < 1) throw invalid(ctx, i, 'Field "Part Size (MB)" must be at least 1');
	const partSize = Math.floor(partMb * MB);
	const single = options.smallFileMode === true && file.size <= BILIBILI_SMALL_FILE_MAX;

	const init = await call({ method: 'POST', path: '/arcopen/fn/archive/video/init', body: { name, utype: single ? 1 : 0 } });
	const uploadToken = String(payload(init).upload_token ?? '');
	if (!uploadToken) throw invalid(ctx, i, 'Bilibili returned no upload_token for the upload', 'The init step answered without an upload_token.');
	const octets = { 'content-type': 'application/octet-stream' };
	const result = { upload_token: uploadToken, file_name: name, size: file.size, size_text: formatBytes(file.size) };

	if (single) {
		// the upload_token names the file, so sending it again after a dropped connection replaces it
		await call({ method: 'POST', host: 'upload', path: '/video/v2/upload', qs: { upload_token: uploadToken }, body: await file.buffer(), headers: octets, idempotent: true });
		return { ...result, utype: 1, upload_mode: 'single', parts: 1 };
	}

	let partNumber = 0;
	for await (const chunk of file.chunks(partSize)) {
		partNumber++;
		// a part overwrites the same part number, so resending one is safe
		await call({
			method: 'POST',
			host: 'upload',
			path: '/video/v2/part/upload',
			qs: { upload_token: uploadToken, part_number: partNumber },
			body: chunk,
			headers: octets,
			idempotent: true,
			// the upload host answers, it does not redirect; a redirect follower would hold the body for a replay
			disableFollowRedirect: true,
		});
	}
	// merging is keyed by the upload_token and creates nothing else, so it may be repeated
	await call({ method: 'POST', path: '/arcopen/fn/archive/video/complete', qs: { upload_token: uploadToken }, idempotent: true });
	return { ...result, utype: 0, upload_mode: 'parts', parts: partNumber, part_size: partSize };
}

// ---- cover -----------------------------------------------------------------------------------------------------

export interface PreparedCover {
	body: Buffer;
	contentType: string;
}

/** jpeg/png up to 5 MB, checked (extension, MIME and magic bytes) before anything is sent; the multipart body is built once. */
export async function prepareCover(ctx: IExecuteFunctions, i: number, property: string, label = 'Input Binary Field'): Promise<PreparedCover> {
	const file = await openBinary(ctx, i, property);
	assertFileLimits(ctx, i, file, { maxBytes: COVER_MAX, extensions: ['jpg', 'jpeg', 'png'], label: 'Bilibili cover upload', propertyName: property });
	const data = await file.buffer();
	const jpeg = data[0] === 0xff && data[1] === 0xd8;
	const png = data.subarray(0, 4).toString('latin1') === '\x89PNG';
	if (!jpeg && !png) throw invalid(ctx, i, `The cover in binary property "${property}" (field "${label}") is not a JPEG or PNG image`);
	return buildMultipart([{ field: 'file', filename: file.fileName, contentType: png ? 'image/png' : 'image/jpeg', data }]);
}

/** Sends a prepared cover; returns its URL. */
export async function sendCover(call: PlatformCall, cover: PreparedCover): Promise<string> {
	const reply = await call({ method: 'POST', path: '/arcopen/fn/archive/cover/upload', body: cover.body, headers: { 'content-type': cover.contentType } });
	return String(payload(reply).url ?? '');
}

// ---- archive fields ---------------------------------------------------------------------------------------------

export const partitionField = (operation: string, required: boolean): INodeProperties => ({
	displayName: 'Partition Name or ID',
	name: 'tid',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPartitions' },
	required,
	default: '',
	description: 'The sub-partition (分区) of the video. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: show('video', operation),
});

/** Title, partition, tags, copyright and the optional fields of a new archive (Submit, Upload and Submit). */
export function submitFields(operations: string[]): INodeProperties[] {
	const on = show('video', operations);
	return [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			required: true,
			default: '',
			description: 'Under 80 characters',
			displayOptions: on,
		},
		{ ...partitionField('submit', true), displayOptions: on },
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'vlog,daily',
			description: 'Comma-separated tags; under 200 characters in total',
			displayOptions: on,
		},
		{
			displayName: 'Copyright',
			name: 'copyright',
			type: 'options',
			options: [
				{ name: 'Original (自制)', value: 1 },
				{ name: 'Reprint (转载)', value: 2 },
			],
			default: 1,
			displayOptions: on,
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: '',
			description: 'Where the reprinted video comes from (required for reprints)',
			displayOptions: { show: { ...on.show, copyright: [2] } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: on,
			options: [
				{ displayName: 'Cover URL', name: 'cover', type: 'string', default: '', description: 'A URL returned by Video → Upload Cover' },
				{ displayName: 'Description', name: 'desc', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Under 250 characters' },
				{ displayName: 'Forbid Reprints', name: 'no_reprint', type: 'boolean', default: false, description: 'Whether to mark the video as not to be reprinted (未经作者授权禁止转载)' },
				{ displayName: 'Mission ID', name: 'mission_id', type: 'number', default: 0, description: 'The ID of an event (活动) to join' },
				{ displayName: 'Topic ID', name: 'topic_id', type: 'number', default: 0, description: 'The ID of a topic (话题) to attach' },
			],
		},
	];
}

function checkCover(ctx: IExecuteFunctions, i: number, cover: string): void {
	if (cover && !/^https?:\/\//i.test(cover)) throw invalid(ctx, i, 'Field "Cover URL" must be the http(s) URL returned by Video → Upload Cover');
}

export function tagList(ctx: IExecuteFunctions, i: number, raw: unknown, required: boolean): string | undefined {
	const tags = splitList(raw);
	if (!tags.length) {
		if (required) throw invalid(ctx, i, 'Field "Tags" needs at least one tag');
		return undefined;
	}
	const joined = tags.join(',');
	assertLength(ctx, i, 'Tags', joined, { max: 200, exclusive: true });
	return joined;
}

export function checkTitle(ctx: IExecuteFunctions, i: number, title: string): void {
	assertLength(ctx, i, 'Title', title, { max: 80, exclusive: true, required: true });
}

function partition(ctx: IExecuteFunctions, i: number, raw: unknown, required: boolean): number | undefined {
	if (raw === undefined || raw === null || raw === '') {
		if (required) throw invalid(ctx, i, 'Field "Partition" is required: choose a sub-partition');
		return undefined;
	}
	const tid = Number(raw);
	if (!Number.isInteger(tid) || tid <= 0) throw invalid(ctx, i, `Field "Partition" must be a partition ID, not "${String(raw)}"`);
	return tid;
}

/** The add-by-utoken body, validated before anything is sent. `cover` overrides the Cover URL field. */
export function readSubmitBody(ctx: IExecuteFunctions, i: number, cover?: string): IDataObject {
	const title = String(ctx.getNodeParameter('title', i, '') ?? '');
	checkTitle(ctx, i, title);
	const tid = partition(ctx, i, ctx.getNodeParameter('tid', i, ''), true);
	const tag = tagList(ctx, i, ctx.getNodeParameter('tags', i, ''), true);
	const copyright = Number(ctx.getNodeParameter('copyright', i, 1));
	const source = copyright === 2 ? String(ctx.getNodeParameter('source', i, '') ?? '').trim() : '';
	if (copyright === 2 && !source) throw invalid(ctx, i, 'Field "Source" is required when Copyright is "Reprint (转载)"');
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const desc = String(extra.desc ?? '');
	assertLength(ctx, i, 'Description', desc, { max: 250, exclusive: true });
	const coverUrl = cover ?? String(extra.cover ?? '').trim();
	checkCover(ctx, i, coverUrl);
	const body: IDataObject = { title, tid, tag, copyright, no_reprint: extra.no_reprint ? 1 : 0 };
	if (source) body.source = source;
	if (coverUrl) body.cover = coverUrl;
	if (desc) body.desc = desc;
	if (Number(extra.topic_id)) body.topic_id = Number(extra.topic_id);
	if (Number(extra.mission_id)) body.mission_id = Number(extra.mission_id);
	return body;
}

/** Edit: only the fields given, validated like Submit. */
export function readEditFields(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.title !== undefined) {
		checkTitle(ctx, i, String(fields.title));
		body.title = String(fields.title);
	}
	if (fields.tid !== undefined && fields.tid !== '') body.tid = partition(ctx, i, fields.tid, false);
	if (fields.tag !== undefined) body.tag = tagList(ctx, i, fields.tag, true);
	if (fields.desc !== undefined) {
		assertLength(ctx, i, 'Description', String(fields.desc), { max: 250, exclusive: true });
		body.desc = String(fields.desc);
	}
	if (fields.cover !== undefined) {
		checkCover(ctx, i, String(fields.cover).trim());
		body.cover = String(fields.cover).trim();
	}
	if (fields.no_reprint !== undefined) body.no_reprint = fields.no_reprint ? 1 : 0;
	return body;
}

export async function submitArchive(call: PlatformCall, uploadToken: string, body: IDataObject): Promise<string> {
	// never resent: a second submit could publish the video twice
	const reply = await call({ method: 'POST', path: '/arcopen/fn/archive/add-by-utoken', qs: { upload_token: uploadToken }, body });
	return String(payload(reply).resource_id ?? '');
}

export const resourceIdField = (operations: string[], description = 'The archive\'s BV ID (resource_id), as returned by Submit or List'): INodeProperties => ({
	displayName: 'Resource ID',
	name: 'resourceId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'BV17B4y1s7R1',
	description,
	displayOptions: show('video', operations),
});
