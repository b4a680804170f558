import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { invalid, show, splitList } from '../common';

/** data/art/stat takes at most 30 IDs per call */
const BATCH = 30;

export const articleStats: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Article IDs',
			name: 'articleIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: '5000001,5000002',
			description: 'Comma-separated article IDs; more than 30 are fetched in batches of 30',
			displayOptions: show('data', 'articleStats'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const ids = [...new Set(splitList(this.getNodeParameter('articleIds', i)).map((s) => s.replace(/^cv/i, '')))];
		if (!ids.length || ids.some((s) => !/^\d+$/.test(s))) throw invalid(this, i, 'Field "Article IDs" must hold numeric article IDs, separated by commas');
		const out: IDataObject[] = [];
		for (let start = 0; start < ids.length; start += BATCH) {
			const batch = ids.slice(start, start + BATCH);
			const body = await call({ method: 'GET', path: '/arcopen/fn/data/art/stat', qs: { ids: batch.join(',') }, idempotent: true });
			const data = body?.data;
			// a list of per-article figures (the shape the sources leave open: an array, or {list})
			const rows = (Array.isArray(data) ? data : Array.isArray(data?.list) ? data.list : data ? [data] : []) as IDataObject[];
			out.push(...rows);
		}
		return out;
	},
};
