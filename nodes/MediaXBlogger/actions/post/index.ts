import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { bloggerOperation } from '../common';
import { create } from './create.operation';
import { deletePost } from './delete.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { patch } from './patch.operation';
import { publish } from './publish.operation';
import { revert } from './revert.operation';
import { search } from './search.operation';
import { update } from './update.operation';

export const postOperations: ResourceOperations = {
	list: bloggerOperation(list),
	get: bloggerOperation(get),
	search: bloggerOperation(search),
	create: bloggerOperation(create),
	update: bloggerOperation(update),
	patch: bloggerOperation(patch),
	publish: bloggerOperation(publish),
	revert: bloggerOperation(revert),
	delete: bloggerOperation(deletePost),
};

export const postDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['post'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a post', description: 'As a draft, published now, or scheduled' },
			{ name: 'Delete', value: 'delete', action: 'Delete a post' },
			{ name: 'Get', value: 'get', action: 'Get a post', description: 'By ID or by path' },
			{ name: 'List', value: 'list', action: 'List posts', description: 'Live, draft or scheduled posts, filtered by labels and dates' },
			{ name: 'Patch', value: 'patch', action: 'Change fields of a post', description: 'Change only the given fields' },
			{ name: 'Publish', value: 'publish', action: 'Publish a post', description: 'Publish a draft now or schedule it' },
			{ name: 'Revert to Draft', value: 'revert', action: 'Revert a post to draft' },
			{ name: 'Search', value: 'search', action: 'Search posts' },
			{ name: 'Update', value: 'update', action: 'Replace a post', description: 'Replace title, content and labels (PUT)' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...search.description,
	...create.description,
	...update.description,
	...patch.description,
	...publish.description,
	...revert.description,
	...deletePost.description,
];
