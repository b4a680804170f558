import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { bloggerOperation } from '../common';
import { get } from './get.operation';
import { listMine } from './listMine.operation';

export const blogOperations: ResourceOperations = { get: bloggerOperation(get), listMine: bloggerOperation(listMine) };

export const blogDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blog'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a blog', description: 'A blog by ID or URL (public blogs work with the API key)' },
			{ name: 'List Mine', value: 'listMine', action: 'List my blogs', description: 'Blogs the signed-in account can post to' },
		],
		default: 'listMine',
	},
	...get.description,
	...listMine.description,
];
