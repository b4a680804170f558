import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show } from '../common';

export const videoStats: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Resource ID',
			name: 'resourceId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'BV17B4y1s7R1',
			description: 'The archive\'s BV ID',
			displayOptions: show('data', 'videoStats'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const resourceId = String(this.getNodeParameter('resourceId', i)).trim();
		const data = payload(await call({ method: 'GET', path: '/arcopen/fn/data/arc/stat', qs: { resource_id: resourceId }, idempotent: true }));
		return { resource_id: resourceId, ...data };
	},
};
