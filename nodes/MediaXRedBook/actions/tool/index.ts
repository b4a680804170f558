import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { checkNameDuplicate } from './checkNameDuplicate.operation';
import { keywordRecommendations } from './keywordRecommendations.operation';
import { targetingOptions } from './targetingOptions.operation';

export const toolOperations: ResourceOperations = { keywordRecommendations, targetingOptions, checkNameDuplicate };

export const toolDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tool'] } },
		options: [
			{ name: 'Check Name Duplicate', value: 'checkNameDuplicate', action: 'Check whether a name is taken', description: 'Whether a campaign, unit or creative name is already used' },
			{ name: 'Keyword Recommendations', value: 'keywordRecommendations', action: 'Get keyword recommendations', description: 'Recommended search keywords with volume and bids' },
			{ name: 'Targeting Options', value: 'targetingOptions', action: 'Get targeting options', description: 'The targeting choices available for a marketing target' },
		],
		default: 'keywordRecommendations',
	},
	...keywordRecommendations.description,
	...targetingOptions.description,
	...checkNameDuplicate.description,
];
