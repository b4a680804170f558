import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { offline } from './offline.operation';
import { realTime } from './realTime.operation';

export const reportOperations: ResourceOperations = { offline, realTime };

export const reportDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{ name: 'Offline', value: 'offline', action: 'Get an offline report', description: 'Settled figures up to yesterday, one item per row' },
			{ name: 'Real-Time', value: 'realTime', action: 'Get a real time report', description: 'Today\'s running figures, one item per campaign, unit or creative' },
		],
		default: 'offline',
	},
	...offline.description,
	...realTime.description,
];
