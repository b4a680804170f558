import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { dateTypeField, payload, show } from '../common';

export const getUserStats: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Metric',
			name: 'metric',
			type: 'options',
			options: [
				{ name: 'Comments', value: 'comment', description: 'New comments per day' },
				{ name: 'Fans', value: 'fans', description: 'New and total fans per day' },
				{ name: 'Likes', value: 'like', description: 'New likes per day' },
				{ name: 'Profile Visits', value: 'profile', description: 'Profile page visitors per day' },
				{ name: 'Shares', value: 'share', description: 'New shares per day' },
				{ name: 'Videos', value: 'item', description: 'New videos, new plays and total videos per day' },
			],
			default: 'fans',
			displayOptions: show('data', 'getUserStats'),
		},
		dateTypeField('data', 'getUserStats'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const metric = this.getNodeParameter('metric', i) as string;
		const dateType = this.getNodeParameter('dateType', i) as number;
		const body = await call({ method: 'GET', path: `/data/external/user/${metric}/`, qs: { date_type: dateType }, identityInQuery: ['open_id'], idempotent: true });
		// one output item per day
		return ((payload(body).result_list ?? []) as IDataObject[]).map((day) => ({ metric, ...day }));
	},
};
