import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { list } from './list.operation';

export const noteOperations: ResourceOperations = { list };

export const noteDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [{ name: 'List', value: 'list', action: 'List notes', description: 'Notes the advertiser can promote (note links stay valid about two months)' }],
		default: 'list',
	},
	...list.description,
];
