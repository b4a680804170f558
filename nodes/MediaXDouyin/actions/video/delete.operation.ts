import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { itemIdField } from '../common';

/** Legacy endpoint; needs the video.delete scope, which Douyin grants only to some apps. */
export const deleteVideo: OperationModule = {
	token: 'user',
	description: [itemIdField('video', 'delete')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const itemId = this.getNodeParameter('itemId', i) as string;
		await call({ method: 'POST', path: '/video/delete/', body: { item_id: itemId }, identityInQuery: ['open_id'] });
		return { item_id: itemId, deleted: true };
	},
};
