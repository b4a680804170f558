import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { getAuthorizationStatus } from './getAuthorizationStatus.operation';

export const authorizationOperations: ResourceOperations = { getAuthorizationStatus };

export const authorizationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['authorization'] } },
		options: [
			{ name: 'Get Authorization Status', value: 'getAuthorizationStatus', action: 'Get the authorization status', description: 'When the account must authorize again, renewals left and how to reconnect; reads the credential only' },
		],
		default: 'getAuthorizationStatus',
	},
	...getAuthorizationStatus.description,
];
