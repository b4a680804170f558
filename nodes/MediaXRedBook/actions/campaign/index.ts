import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { changeStatus } from './changeStatus.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { update } from './update.operation';

export const campaignOperations: ResourceOperations = { list, get, create, update, changeStatus };

export const campaignDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{ name: 'Change Status', value: 'changeStatus', action: 'Enable pause or delete campaigns', description: 'Enable, pause or delete campaigns (batches of 20)' },
			{ name: 'Create', value: 'create', action: 'Create a campaign', description: 'Create a campaign (计划)' },
			{ name: 'Get', value: 'get', action: 'Get a campaign', description: 'One campaign by ID' },
			{ name: 'List', value: 'list', action: 'List campaigns', description: 'The advertiser\'s campaigns, with filters' },
			{ name: 'Update', value: 'update', action: 'Update a campaign', description: 'Change a campaign\'s name, budget, bidding or schedule' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...create.description,
	...update.description,
	...changeStatus.description,
];
