import { show } from '../../shared/node/fields';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ApiRequest } from '../../shared/engine/types';
import type { OperationModule, PlatformCall } from '../../shared/node/operation';
import { collectPages, paginationFields } from '../../shared/node/pagination';

export { show };

export const BLOGGER = '/blogger/v3';

/** Every Blogger operation goes through this; rate limits are retried by the engine (googleVerdict's rateLimited). */
export const bloggerOperation = (module: OperationModule): OperationModule => module;

export { paginationFields };

export function splitLabels(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
	return String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

export function compact(object: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== '' && v !== null));
}

export function rfc3339(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = new Date(String(value));
	return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** blog IDs are int64 strings; also accepts a Blogger dashboard URL containing blogID=… or /blog/posts/<id> */
export function blogIdOf(value: unknown): string {
	const text = String(value ?? '').trim();
	const m = /(?:blogID=|\/blog\/[a-z]+\/)(\d+)/.exec(text);
	return m ? m[1] : text;
}

export const blogIdField = (resource: string, operation: string | string[]): INodeProperties => ({
	displayName: 'Blog ID',
	name: 'blogId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1234567890123456789',
	description: 'Numeric blog ID (Blog → List Mine shows it; it is also in the dashboard URL after blogID=)',
	displayOptions: show(resource, operation),
});

export const postIdField = (resource: string, operation: string | string[], description = 'Numeric post ID, as returned by Post → List'): INodeProperties => ({
	displayName: 'Post ID',
	name: 'postId',
	type: 'string',
	required: true,
	default: '',
	description,
	displayOptions: show(resource, operation),
});

/** Follows `nextPageToken` until Return All / Limit is satisfied. */
export async function listPages(ctx: IExecuteFunctions, itemIndex: number, call: PlatformCall, request: ApiRequest, maxPerPage = 500): Promise<IDataObject[]> {
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

export const READS = ['user', 'app', 'key'] as OperationModule['token'];
export const WRITES = ['user', 'app'] as OperationModule['token'];
