import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { credentialChoices } from '../shared/node/credentialChoice';
import { routeOperations } from '../shared/node/router';
import { authorizationDescription } from './actions/authorization';
import { articleDescription } from './actions/article';
import { dataDescription } from './actions/data';
import { userDescription } from './actions/user';
import { videoDescription } from './actions/video';
import { getArticleCategories, getPartitions } from './methods/loadOptions';
import { bilibiliPlatform } from './transport';
import { requestsInParallelProperty } from '../shared/node/parallel';
import { requestTimeoutProperty } from '../shared/node/timeout';

export class MediaXBilibili implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX Bilibili',
		name: 'mediaXBilibili',
		icon: { light: 'file:bilibili.svg', dark: 'file:bilibili.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Upload and submit videos, publish articles and read data on Bilibili (哔哩哔哩开放平台)',
		defaults: { name: 'MediaX Bilibili' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialChoices(bilibiliPlatform, { mediaXBilibiliOAuth2Api: 'Bilibili Account (user authorization)' }),
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Article', value: 'article' },
					{ name: 'Authorization', value: 'authorization', description: 'When the account must authorize again, read from the credential' },
					{ name: 'Data', value: 'data' },
					{ name: 'User', value: 'user' },
					{ name: 'Video', value: 'video' },
				],
				default: 'video',
			},
			...authorizationDescription,
			...userDescription,
			...videoDescription,
			...articleDescription,
			...dataDescription,
			requestsInParallelProperty,
			requestTimeoutProperty,
		],
	};

	methods = {
		loadOptions: { getPartitions, getArticleCategories },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperations(this, bilibiliPlatform);
	}
}
