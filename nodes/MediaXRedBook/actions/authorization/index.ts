import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { getAuthorizationUrl } from './getAuthorizationUrl.operation';

export const authorizationOperations: ResourceOperations = { getAuthorizationUrl };

export const authorizationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['authorization'] } },
		options: [
			{
				name: 'Get Authorization URL',
				value: 'getAuthorizationUrl',
				action: 'Get the authorization URL',
				description: 'The JuGuang consent link for the credential\'s app, redirect URI and scopes',
			},
		],
		default: 'getAuthorizationUrl',
	},
	...getAuthorizationUrl.description,
];
