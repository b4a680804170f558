import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { articleStats } from './articleStats.operation';
import { videoIncrements } from './videoIncrements.operation';
import { videoStats } from './videoStats.operation';

export const dataOperations: ResourceOperations = { videoStats, videoIncrements, articleStats };

export const dataDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['data'] } },
		options: [
			{ name: 'Article Stats', value: 'articleStats', action: 'Get article statistics', description: 'Reads, replies, likes, coins, favourites and shares of articles (needs ATC_DATA)' },
			{ name: 'Video Increments', value: 'videoIncrements', action: 'Get video increments', description: 'Recent increments of clicks, danmaku, replies, favourites, coins, shares and likes' },
			{ name: 'Video Stats', value: 'videoStats', action: 'Get video statistics', description: 'Totals of views, danmaku, replies, favourites, coins, shares and likes of one archive' },
		],
		default: 'videoStats',
	},
	...videoStats.description,
	...videoIncrements.description,
	...articleStats.description,
];
