import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { listComments, listReplies } from './list.operation';
import { reply } from './reply.operation';
import { top } from './top.operation';

export const commentOperations: ResourceOperations = { list: listComments, listReplies, reply, top };

export const commentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['comment'] } },
		options: [
			{ name: 'List', value: 'list', action: 'List comments of a video', description: 'Comments on one of the account\'s videos' },
			{ name: 'List Replies', value: 'listReplies', action: 'List replies to a comment' },
			{ name: 'Reply', value: 'reply', action: 'Reply to a comment', description: 'Reply to a comment, or comment on the account\'s own video' },
			{ name: 'Pin or Unpin', value: 'top', action: 'Pin or unpin a comment' },
		],
		default: 'list',
	},
	...listComments.description,
	...listReplies.description,
	...reply.description,
	...top.description,
];
