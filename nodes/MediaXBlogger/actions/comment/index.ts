import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { bloggerOperation } from '../common';
import { approve } from './approve.operation';
import { deleteComment } from './delete.operation';
import { list } from './list.operation';
import { markAsSpam } from './markAsSpam.operation';
import { removeContent } from './removeContent.operation';

export const commentOperations: ResourceOperations = {
	list: bloggerOperation(list),
	approve: bloggerOperation(approve),
	markAsSpam: bloggerOperation(markAsSpam),
	removeContent: bloggerOperation(removeContent),
	delete: bloggerOperation(deleteComment),
};

export const commentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['comment'] } },
		options: [
			{ name: 'Approve', value: 'approve', action: 'Approve a comment', description: 'Publish a pending comment (or one marked as spam)' },
			{ name: 'Delete', value: 'delete', action: 'Delete a comment' },
			{ name: 'List', value: 'list', action: 'List comments', description: 'Comments on a post or on the whole blog' },
			{ name: 'Mark as Spam', value: 'markAsSpam', action: 'Mark a comment as spam' },
			{ name: 'Remove Content', value: 'removeContent', action: 'Remove the content of a comment', description: 'Keep the comment but empty its text' },
		],
		default: 'list',
	},
	...list.description,
	...approve.description,
	...markAsSpam.description,
	...removeContent.description,
	...deleteComment.description,
];
