import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { getInfo } from './getInfo.operation';
import { getScopes } from './getScopes.operation';
import { getStats } from './getStats.operation';

export const userOperations: ResourceOperations = { getInfo, getScopes, getStats };

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Get Account Info', value: 'getInfo', action: 'Get the connected account', description: 'Name, avatar and openid of the connected account (needs USER_INFO)' },
			{ name: 'Get Granted Scopes', value: 'getScopes', action: 'Get the granted permissions', description: 'The permissions (权限点) the account ticked when it authorized the app' },
			{ name: 'Get Stats', value: 'getStats', action: 'Get the account statistics', description: 'Followers, followings and number of approved videos' },
		],
		default: 'getInfo',
	},
	...getInfo.description,
	...getScopes.description,
	...getStats.description,
];
