import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { ytOperation } from '../common';
import { deleteComment } from './delete.operation';
import { listReplies } from './listReplies.operation';
import { reply } from './reply.operation';
import { setModerationStatus } from './setModerationStatus.operation';
import { update } from './update.operation';

export const commentOperations: ResourceOperations = {
	listReplies: ytOperation(listReplies),
	reply: ytOperation(reply),
	update: ytOperation(update),
	delete: ytOperation(deleteComment),
	setModerationStatus: ytOperation(setModerationStatus),
};

export const commentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['comment'] } },
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete a comment' },
			{ name: 'List Replies', value: 'listReplies', action: 'List replies to a comment' },
			{ name: 'Reply', value: 'reply', action: 'Reply to a comment' },
			{ name: 'Set Moderation Status', value: 'setModerationStatus', action: 'Set the moderation status of comments', description: 'Approve, hold or reject comments on my videos' },
			{ name: 'Update', value: 'update', action: 'Update a comment', description: 'Edit the text of my comment' },
		],
		default: 'listReplies',
	},
	...listReplies.description,
	...reply.description,
	...update.description,
	...deleteComment.description,
	...setModerationStatus.description,
];
