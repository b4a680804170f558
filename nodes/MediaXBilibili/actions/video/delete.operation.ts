import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { resourceIdField } from './shared';

export const deleteVideo: OperationModule = {
	token: 'user',
	description: [resourceIdField(['delete'])],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const resourceId = String(this.getNodeParameter('resourceId', i)).trim();
		await call({ method: 'POST', path: '/arcopen/fn/archive/delete', body: { resource_id: resourceId } });
		return { resource_id: resourceId, deleted: true };
	},
};
