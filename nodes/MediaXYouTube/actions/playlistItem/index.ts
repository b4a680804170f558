import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { ytOperation } from '../common';
import { add } from './add.operation';
import { list } from './list.operation';
import { remove } from './remove.operation';

export const playlistItemOperations: ResourceOperations = { add: ytOperation(add), remove: ytOperation(remove), list: ytOperation(list) };

export const playlistItemDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['playlistItem'] } },
		options: [
			{ name: 'Add', value: 'add', action: 'Add a video to a playlist' },
			{ name: 'List', value: 'list', action: 'List the items of a playlist' },
			{ name: 'Remove', value: 'remove', action: 'Remove an item from a playlist' },
		],
		default: 'add',
	},
	...add.description,
	...remove.description,
	...list.description,
];
