import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { itemIdField, show } from '../common';

export const top: OperationModule = {
	token: 'user',
	description: [
		itemIdField('comment', 'top'),
		{ displayName: 'Comment ID', name: 'commentId', type: 'string', required: true, default: '', displayOptions: show('comment', 'top') },
		{ displayName: 'Pinned', name: 'top', type: 'boolean', default: true, description: 'Whether to pin (true) or unpin (false) the comment', displayOptions: show('comment', 'top') },
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const itemId = this.getNodeParameter('itemId', i) as string;
		const commentId = this.getNodeParameter('commentId', i) as string;
		const pinned = this.getNodeParameter('top', i) as boolean;
		// setting the same state twice is harmless, so a resend after a dropped connection is safe
		await call({ method: 'POST', path: '/item/comment/top/', body: { item_id: itemId, comment_id: commentId, top: pinned }, identityInQuery: ['open_id'], idempotent: true });
		return { item_id: itemId, comment_id: commentId, top: pinned };
	},
};
