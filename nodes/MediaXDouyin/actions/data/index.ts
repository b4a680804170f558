import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { getItemStats } from './getItemStats.operation';
import { getUserStats } from './getUserStats.operation';

export const dataOperations: ResourceOperations = { getUserStats, getItemStats };

export const dataDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['data'] } },
		options: [
			{ name: 'Get Account Stats', value: 'getUserStats', action: 'Get daily account statistics', description: 'Daily fans, likes, comments, shares, profile visits or videos of the account' },
			{ name: 'Get Video Stats', value: 'getItemStats', action: 'Get statistics of a video', description: 'Overview or daily plays, likes, comments, shares of one video' },
		],
		default: 'getUserStats',
	},
	...getUserStats.description,
	...getItemStats.description,
];
