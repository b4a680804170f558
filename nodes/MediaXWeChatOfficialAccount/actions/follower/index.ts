import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { getInfo } from './getInfo.operation';
import { list } from './list.operation';

export const followerOperations: ResourceOperations = { list, getInfo };

export const followerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['follower'] } },
		options: [
			{ name: 'Get Info', value: 'getInfo', action: 'Get follower info', description: 'Subscription details of followers by openid' },
			{ name: 'List', value: 'list', action: 'List followers', description: 'Openids of the account\'s followers, one item each' },
		],
		default: 'list',
	},
	...list.description,
	...getInfo.description,
];
