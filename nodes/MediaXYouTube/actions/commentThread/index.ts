import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { ytOperation } from '../common';
import { create } from './create.operation';
import { list } from './list.operation';

export const commentThreadOperations: ResourceOperations = { list: ytOperation(list), create: ytOperation(create) };

export const commentThreadDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['commentThread'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Post a top level comment', description: 'Start a comment thread on a video' },
			{ name: 'List', value: 'list', action: 'List comment threads', description: 'Top-level comments of a video or of a channel, with their first replies' },
		],
		default: 'list',
	},
	...list.description,
	...create.description,
];
