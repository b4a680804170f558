import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** "Return All" + "Limit" fields shown for one operation. */
export function paginationFields(resource: string, operation: string, maxLimit?: number): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

export interface Page<T, C> {
	items: T[];
	/** the cursor for the next page, or undefined at the end */
	next?: C;
}

/** Follows the platform's cursor until "Return All" is satisfied or the limit is reached. */
export async function collectPages<T, C>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	first: C,
	fetchPage: (cursor: C, wanted: number) => Promise<Page<T, C>>,
): Promise<T[]> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
	const all: T[] = [];
	let cursor: C | undefined = first;
	for (let page = 0; cursor !== undefined && all.length < limit && page < 10_000; page++) {
		const result: Page<T, C> = await fetchPage(cursor, limit - all.length);
		all.push(...result.items);
		if (!result.items.length) break;
		cursor = result.next;
	}
	return all.slice(0, limit);
}
