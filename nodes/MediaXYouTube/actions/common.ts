import { show, splitList } from '../../shared/node/fields';
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { hasCredential } from '../../shared/engine/engine';
import type { ApiRequest } from '../../shared/engine/types';
import type { OperationModule, PlatformCall } from '../../shared/node/operation';
import { collectPages, paginationFields } from '../../shared/node/pagination';
import { GOOGLE_USER_CREDENTIAL } from '../../shared/platforms/google';

export { show, splitList };

export const YT = '/youtube/v3';
export const YT_UPLOAD = '/upload/youtube/v3';

/** Every YouTube operation goes through this; rate limits are retried by the engine (googleVerdict's rateLimited). */
export const ytOperation = (module: OperationModule): OperationModule => module;

/** tags are comma-separated and may contain spaces */
export function splitTags(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
	return String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** drops undefined and empty-string values */
export function compact(object: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== '' && v !== null));
}

/** RFC 3339 from an n8n dateTime value (or pass through) */
export function rfc3339(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = new Date(String(value));
	return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** Operations that only make sense for the signed-in channel ("mine", "forMine", "my rating") need the OAuth2 credential. */
export function requireUserCredential(ctx: IExecuteFunctions, itemIndex: number, what: string): void {
	if (hasCredential(ctx, GOOGLE_USER_CREDENTIAL)) return;
	throw new NodeOperationError(ctx.getNode(), `${what} needs the "MediaX Google OAuth2 API" credential`, {
		itemIndex,
		description: 'An API key reads public data only. Attach a MediaX Google OAuth2 API credential connected to the channel, or choose a public source (by ID, by channel).',
	});
}

export const partsField = (resource: string, operation: string | string[], parts: string[], defaults: string[]): INodeProperties => ({
	displayName: 'Parts',
	name: 'parts',
	type: 'multiOptions',
	options: [...parts].sort().map((p) => ({ name: p.charAt(0).toUpperCase() + p.slice(1).replace(/([A-Z])/g, ' $1'), value: p })),
	default: [...defaults],
	description: 'Which parts of the resource to return (each part may cost quota on some methods)',
	displayOptions: show(resource, operation),
});

export function partsOf(ctx: IExecuteFunctions, itemIndex: number, fallback: string[]): string {
	const parts = ctx.getNodeParameter('parts', itemIndex, fallback) as string[];
	return (parts.length ? parts : fallback).join(',');
}

export { paginationFields };

/** Follows `nextPageToken` until Return All / Limit is satisfied; `maxPerPage` is the method's maxResults ceiling. */
export async function listPages(ctx: IExecuteFunctions, itemIndex: number, call: PlatformCall, request: ApiRequest, maxPerPage = 50): Promise<IDataObject[]> {
	return collectPages<IDataObject, string>(ctx, itemIndex, '', async (pageToken, wanted) => {
		const body = (await call({
			...request,
			method: 'GET',
			qs: { ...(request.qs ?? {}), maxResults: Math.min(maxPerPage, Math.max(1, wanted)), ...(pageToken ? { pageToken } : {}) },
			idempotent: true,
		})) as IDataObject;
		return { items: (body?.items ?? []) as IDataObject[], next: (body?.nextPageToken as string | undefined) || undefined };
	});
}

/** the first item of a list reply, or a clear "not found" */
export function firstItem(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject, what: string): IDataObject {
	const item = ((body?.items ?? []) as IDataObject[])[0];
	if (!item) throw new NodeOperationError(ctx.getNode(), `${what} was not found`, { itemIndex, description: 'Check the ID; private items are only visible to their owner with the OAuth2 credential.' });
	return item;
}

/** a JSON body from a binaryResponse reply (the engine may already have parsed it) */
export function jsonOf(body: unknown): IDataObject {
	if (Buffer.isBuffer(body)) {
		const text = body.toString('utf8');
		if (!text) return {};
		try {
			return JSON.parse(text) as IDataObject;
		} catch {
			return { raw: text };
		}
	}
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as IDataObject;
		} catch {
			return body ? { raw: body } : {};
		}
	}
	return (body ?? {}) as IDataObject;
}

export const textFormatField = (resource: string, operation: string): INodeProperties => ({
	displayName: 'Text Format',
	name: 'textFormat',
	type: 'options',
	options: [
		{ name: 'HTML', value: 'html' },
		{ name: 'Plain Text', value: 'plainText' },
	],
	default: 'html',
	description: 'Format of the comment text returned',
	displayOptions: show(resource, operation),
});
