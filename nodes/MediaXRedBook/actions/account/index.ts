import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { getBalance } from './getBalance.operation';
import { getInfo } from './getInfo.operation';

export const accountOperations: ResourceOperations = { getBalance, getInfo };

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Get Balance', value: 'getBalance', action: 'Get the account balance', description: 'Balances and today\'s spend, in fen and in yuan' },
			{ name: 'Get Info', value: 'getInfo', action: 'Get advertiser info', description: 'The advertiser as the authorization lists it, its granted scopes and balance' },
		],
		default: 'getBalance',
	},
];
