import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { checkFan } from './checkFan.operation';
import { getFansData } from './getFansData.operation';
import { getInfo } from './getInfo.operation';

export const userOperations: ResourceOperations = { getInfo, getFansData, checkFan };

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Check Follower', value: 'checkFan', action: 'Check whether a user follows the account', description: 'Whether a given open_id follows the connected account (user token)' },
			{ name: 'Get Fans Portrait', value: 'getFansData', action: 'Get the fans portrait', description: 'Gender, age, region, device and interest distributions of the followers (user token)' },
			{ name: 'Get Info', value: 'getInfo', action: 'Get the connected account', description: 'Nickname, avatar, open_id and union_id of the connected account (user token)' },
		],
		default: 'getInfo',
	},
	...getInfo.description,
	...getFansData.description,
	...checkFan.description,
];
