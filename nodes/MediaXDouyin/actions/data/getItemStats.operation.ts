import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { itemIdField, payload, show } from '../common';

export const getItemStats: OperationModule = {
	token: 'user',
	description: [
		itemIdField('data', 'getItemStats'),
		{
			displayName: 'Metric',
			name: 'metric',
			type: 'options',
			options: [
				{ name: 'Comments', value: 'comment' },
				{ name: 'Likes', value: 'like' },
				{ name: 'Overview (Last 30 Days)', value: 'base', description: 'Total plays, likes, comments, shares and average play time' },
				{ name: 'Plays', value: 'play' },
				{ name: 'Shares', value: 'share' },
			],
			default: 'base',
			displayOptions: show('data', 'getItemStats'),
		},
		{
			displayName: 'Period',
			name: 'dateType',
			type: 'options',
			options: [
				{ name: 'Last 7 Days', value: 7 },
				{ name: 'Last 15 Days', value: 15 },
			],
			default: 7,
			displayOptions: { show: { resource: ['data'], operation: ['getItemStats'], metric: ['comment', 'like', 'play', 'share'] } },
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const itemId = this.getNodeParameter('itemId', i) as string;
		const metric = this.getNodeParameter('metric', i) as string;
		const qs: IDataObject = { item_id: itemId };
		if (metric !== 'base') qs.date_type = this.getNodeParameter('dateType', i) as number;
		const body = await call({ method: 'GET', path: `/data/external/item/${metric}/`, qs, identityInQuery: ['open_id'], idempotent: true });
		const data = payload(body);
		if (metric === 'base') return { item_id: itemId, metric, ...((data.result ?? {}) as IDataObject) };
		return ((data.result_list ?? []) as IDataObject[]).map((day) => ({ item_id: itemId, metric, ...day }));
	},
};
