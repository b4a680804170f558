import { show, splitList } from '../../shared/node/fields';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { assertFileLimits, openBinary } from '../../shared/http/binary';
import { buildMultipart } from '../../shared/http/multipart';
import type { PlatformCall } from '../../shared/node/operation';
import { collectPages } from '../../shared/node/pagination';
import type { ApiResponse } from '../../shared/engine/types';

export { show, splitList };

const MB = 1024 * 1024;

export type MediaType = 'image' | 'voice' | 'video' | 'thumb';

export interface FileLimit {
	maxBytes: number;
	extensions: string[];
}

/** Permanent material limits (current WeChat docs; older docs say 2 MB for images). */
export const PERMANENT_LIMITS: Record<MediaType, FileLimit> = {
	image: { maxBytes: 10 * MB, extensions: ['bmp', 'png', 'jpeg', 'jpg', 'gif'] },
	voice: { maxBytes: 2 * MB, extensions: ['mp3', 'wma', 'wav', 'amr'] },
	video: { maxBytes: 10 * MB, extensions: ['mp4'] },
	thumb: { maxBytes: 64 * 1024, extensions: ['jpg', 'jpeg'] },
};

/** Temporary media limits; kept for 3 days. */
export const TEMPORARY_LIMITS: Record<MediaType, FileLimit> = {
	image: { maxBytes: 10 * MB, extensions: ['png', 'jpeg', 'jpg', 'gif'] },
	voice: { maxBytes: 2 * MB, extensions: ['amr', 'mp3'] },
	video: { maxBytes: 10 * MB, extensions: ['mp4'] },
	thumb: { maxBytes: 64 * 1024, extensions: ['jpg', 'jpeg'] },
};

/** Article body images (media/uploadimg): jpg or png below 1 MB. */
export const ARTICLE_IMAGE_LIMIT: FileLimit = { maxBytes: MB, extensions: ['jpg', 'jpeg', 'png'] };

const EXTENSION_BY_MIME: Record<string, string> = {
	'audio/amr': 'amr',
	'audio/mp3': 'mp3',
	'audio/mpeg': 'mp3',
	'audio/wav': 'wav',
	'audio/x-ms-wma': 'wma',
	'audio/x-wav': 'wav',
	'image/bmp': 'bmp',
	'image/gif': 'gif',
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/png': 'png',
	'video/mp4': 'mp4',
};

const MIME_BY_EXTENSION: Record<string, string> = {
	amr: 'audio/amr',
	bmp: 'image/bmp',
	gif: 'image/gif',
	jpeg: 'image/jpeg',
	jpg: 'image/jpeg',
	mp3: 'audio/mpeg',
	mp4: 'video/mp4',
	png: 'image/png',
	wav: 'audio/x-wav',
	wma: 'audio/x-ms-wma',
};

export const MEDIA_TYPE_OPTIONS = [
	{ name: 'Image', value: 'image', description: 'Bmp, png, jpeg, jpg or gif, up to 10 MB' },
	{ name: 'Thumb', value: 'thumb', description: 'Jpg up to 64 KB (a cover thumbnail)' },
	{ name: 'Video', value: 'video', description: 'Mp4 up to 10 MB' },
	{ name: 'Voice', value: 'voice', description: 'Mp3, wma, wav or amr, up to 2 MB and 60 seconds' },
];

export function inputBinaryField(resource: string, operation: string, hint: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint,
		displayOptions: show(resource, operation),
	};
}

export function outputBinaryField(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the downloaded file in',
		displayOptions: show(resource, operation),
	};
}

/**
 * Reads an input binary field, checks it against WeChat's size and type limits before anything is sent, and builds
 * the multipart body with the file as part `media` (WeChat reads the file type from the part's file name).
 */
export async function mediaUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	limit: FileLimit,
	label: string,
	fields: Record<string, string> = {},
): Promise<{ body: Buffer; headers: Record<string, string>; fileName: string; size: number }> {
	const file = await openBinary(ctx, itemIndex, property);
	assertFileLimits(ctx, itemIndex, file, { maxBytes: limit.maxBytes, extensions: limit.extensions, label, propertyName: property });
	let fileName = file.fileName;
	const extension = (fileName.includes('.') ? fileName.split('.').pop() ?? '' : '').toLowerCase();
	if (!limit.extensions.includes(extension)) {
		const fromMime = EXTENSION_BY_MIME[file.mimeType.split(';')[0].trim().toLowerCase()];
		if (fromMime) fileName = `${fileName.replace(/\.[^.]*$/, '')}.${fromMime}`;
	}
	const mimeType = MIME_BY_EXTENSION[(fileName.split('.').pop() ?? '').toLowerCase()] ?? file.mimeType;
	const { body, contentType } = buildMultipart([{ field: 'media', filename: fileName, contentType: mimeType, data: await file.buffer() }], fields);
	return { body, headers: { 'content-type': contentType }, fileName, size: file.size };
}

function fileNameFrom(response: ApiResponse, fallbackBase: string, mimeType: string): string {
	const disposition = String(response.headers['content-disposition'] ?? '');
	const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition)?.[1];
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
	const raw = (star ?? plain ?? '').trim();
	if (raw) {
		try {
			return decodeURIComponent(raw);
		} catch {
			return raw;
		}
	}
	const extension = EXTENSION_BY_MIME[mimeType] ?? 'bin';
	return `${fallbackBase}.${extension}`;
}

/**
 * Turns a download reply into an output item: a file in the named binary field, or the JSON WeChat answers for
 * videos (and news material) instead of bytes.
 */
export async function downloadItem(
	ctx: IExecuteFunctions,
	response: ApiResponse,
	mediaId: string,
	property: string,
): Promise<INodeExecutionData> {
	if (!Buffer.isBuffer(response.body)) return { json: { media_id: mediaId, ...((response.body ?? {}) as IDataObject) } };
	const headerType = String(response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	let fileName = fileNameFrom(response, mediaId, headerType);
	const fromName = MIME_BY_EXTENSION[(fileName.split('.').pop() ?? '').toLowerCase()];
	const mimeType = headerType && headerType !== 'application/octet-stream' ? headerType : fromName ?? 'application/octet-stream';
	if (!fileName.includes('.') && EXTENSION_BY_MIME[mimeType]) fileName = `${fileName}.${EXTENSION_BY_MIME[mimeType]}`;
	const binary = await ctx.helpers.prepareBinaryData(response.body, fileName, mimeType);
	return {
		json: { media_id: mediaId, file_name: fileName, mime_type: mimeType, size: response.body.length },
		binary: { [property]: binary },
	};
}

/** WeChat's offset/count lists (materials, drafts, publications): at most 20 per request. */
export async function offsetPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	call: PlatformCall,
	path: string,
	extra: IDataObject,
): Promise<IDataObject[]> {
	return collectPages<IDataObject, number>(ctx, itemIndex, 0, async (offset, wanted) => {
		const count = Math.min(20, Math.max(1, wanted));
		const reply = await call({ method: 'POST', path, body: { ...extra, offset, count }, idempotent: true });
		const items = (reply.item ?? []) as IDataObject[];
		const total = Number(reply.total_count ?? 0);
		const next = offset + items.length;
		return { items, next: items.length && next < total ? next : undefined };
	});
}

export function noContentField(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Without Content',
		name: 'noContent',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out each article\'s HTML body (smaller output when only titles, links and IDs are needed)',
		displayOptions: show(resource, operation),
	};
}
