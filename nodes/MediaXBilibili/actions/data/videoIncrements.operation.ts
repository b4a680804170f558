import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show } from '../common';

export const videoIncrements: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Resource ID',
			name: 'resourceId',
			type: 'string',
			default: '',
			placeholder: 'BV17B4y1s7R1',
			description: 'An archive\'s BV ID; leave empty for the increments of all the account\'s videos',
			displayOptions: show('data', 'videoIncrements'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const resourceId = String(this.getNodeParameter('resourceId', i, '') ?? '').trim();
		const qs: IDataObject = resourceId ? { resource_id: resourceId } : {};
		const data = payload(await call({ method: 'GET', path: '/arcopen/fn/data/arc/inc-stats', qs, idempotent: true }));
		return resourceId ? { resource_id: resourceId, ...data } : data;
	},
};
