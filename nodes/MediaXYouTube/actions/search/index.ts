import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { ytOperation } from '../common';
import { search } from './search.operation';

export const searchOperations: ResourceOperations = { search: ytOperation(search) };

export const searchDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['search'] } },
		options: [{ name: 'Search', value: 'search', action: 'Search videos channels and playlists', description: 'YouTube search (100 quota units per page)' }],
		default: 'search',
	},
	...search.description,
];
