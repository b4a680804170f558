import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { ytOperation } from '../common';
import { get } from './get.operation';
import { update } from './update.operation';

export const channelOperations: ResourceOperations = { get: ytOperation(get), update: ytOperation(update) };

export const channelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['channel'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a channel', description: 'My channel, or any channel by ID or handle' },
			{ name: 'Update', value: 'update', action: 'Update my channel', description: 'Description, keywords, country and other branding settings' },
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
