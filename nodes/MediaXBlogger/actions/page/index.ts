import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { bloggerOperation } from '../common';
import { create } from './create.operation';
import { deletePage } from './delete.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { update } from './update.operation';

export const pageOperations: ResourceOperations = {
	list: bloggerOperation(list),
	get: bloggerOperation(get),
	create: bloggerOperation(create),
	update: bloggerOperation(update),
	delete: bloggerOperation(deletePage),
};

export const pageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['page'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a page', description: 'A static page (About, Contact…)' },
			{ name: 'Delete', value: 'delete', action: 'Delete a page' },
			{ name: 'Get', value: 'get', action: 'Get a page' },
			{ name: 'List', value: 'list', action: 'List pages' },
			{ name: 'Update', value: 'update', action: 'Update a page', description: 'Change title or content, publish or revert to draft' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...create.description,
	...update.description,
	...deletePage.description,
];
