import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { itemIdField, payload, show } from '../common';

export const reply: OperationModule = {
	token: 'user',
	description: [
		itemIdField('comment', 'reply'),
		{
			displayName: 'Reply To Comment ID',
			name: 'commentId',
			type: 'string',
			default: '',
			description: 'The comment to answer; leave empty to comment on the video itself (only on the account\'s own videos)',
			displayOptions: show('comment', 'reply'),
		},
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 2 },
			required: true,
			default: '',
			displayOptions: show('comment', 'reply'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const itemId = this.getNodeParameter('itemId', i) as string;
		const commentId = this.getNodeParameter('commentId', i, '') as string;
		const content = this.getNodeParameter('content', i) as string;
		const body = await call({
			method: 'POST',
			path: '/item/comment/reply/',
			body: { item_id: itemId, content, ...(commentId ? { comment_id: commentId } : {}) },
			identityInQuery: ['open_id'],
		});
		return { comment_id: payload(body).comment_id, item_id: itemId, reply_to: commentId || null };
	},
};
