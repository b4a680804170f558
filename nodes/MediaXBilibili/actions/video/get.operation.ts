import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload } from '../common';
import { resourceIdField } from './shared';

export const get: OperationModule = {
	token: 'user',
	description: [resourceIdField(['get'])],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const resourceId = String(this.getNodeParameter('resourceId', i)).trim();
		return payload(await call({ method: 'GET', path: '/arcopen/fn/archive/view', qs: { resource_id: resourceId }, idempotent: true }));
	},
};
