import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { changeStatus } from './changeStatus.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import { search } from './search.operation';
import { update } from './update.operation';

export const creativeOperations: ResourceOperations = { search, get, create, update, changeStatus };

export const creativeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['creative'] } },
		options: [
			{ name: 'Change Status', value: 'changeStatus', action: 'Enable pause or delete creatives', description: 'Enable, pause or delete creatives (batches of 20)' },
			{ name: 'Create', value: 'create', action: 'Create a note creative', description: 'Promote a note in a unit (笔记创意)' },
			{ name: 'Get', value: 'get', action: 'Get a creative', description: 'One creative by ID' },
			{ name: 'Search', value: 'search', action: 'Search creatives', description: 'The advertiser\'s creatives, with filters' },
			{ name: 'Update', value: 'update', action: 'Update a creative', description: 'Change a creative\'s name or tracking URLs' },
		],
		default: 'search',
	},
	...search.description,
	...get.description,
	...create.description,
	...update.description,
	...changeStatus.description,
];
