import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { changeStatus } from './changeStatus.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { update } from './update.operation';

export const unitOperations: ResourceOperations = { list, get, create, update, changeStatus };

export const unitDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['unit'] } },
		options: [
			{ name: 'Change Status', value: 'changeStatus', action: 'Enable pause or delete units', description: 'Enable, pause or delete units (batches of 20)' },
			{ name: 'Create', value: 'create', action: 'Create a unit', description: 'Create an ad unit (单元) in a campaign' },
			{ name: 'Get', value: 'get', action: 'Get a unit', description: 'One unit by ID' },
			{ name: 'List', value: 'list', action: 'List units', description: 'The advertiser\'s units, with filters' },
			{ name: 'Update', value: 'update', action: 'Update a unit', description: 'Change a unit\'s name, bid, targeting or keywords' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...create.description,
	...update.description,
	...changeStatus.description,
];
