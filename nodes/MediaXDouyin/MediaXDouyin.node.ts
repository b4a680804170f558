import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { routeOperations } from '../shared/node/router';
import { commentDescription } from './actions/comment';
import { dataDescription } from './actions/data';
import { imageTextDescription } from './actions/imageText';
import { toolDescription } from './actions/tool';
import { userDescription } from './actions/user';
import { videoDescription } from './actions/video';
import { douyinPlatform } from './transport';
import { requestsInParallelProperty } from '../shared/node/parallel';

export class MediaXDouyin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX Douyin',
		name: 'mediaXDouyin',
		icon: { light: 'file:douyin.svg', dark: 'file:douyin.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Publish videos and image-text posts, read data and manage comments on Douyin (抖音)',
		defaults: { name: 'MediaX Douyin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'mediaXDouyinOAuth2Api', required: false },
			{ name: 'mediaXDouyinClientCredentialsApi', required: false },
		],
		properties: [
			{
				displayName:
					'Attach the OAuth2 credential for account operations (user, video, image-text, comments, data) and the Client Credentials credential for app-level tools. Each operation uses the one it needs.',
				name: 'credentialsNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Comment', value: 'comment' },
					{ name: 'Data', value: 'data' },
					{ name: 'Image-Text', value: 'imageText' },
					{ name: 'Tool (App Token)', value: 'tool' },
					{ name: 'User', value: 'user' },
					{ name: 'Video', value: 'video' },
				],
				default: 'video',
			},
			...userDescription,
			...videoDescription,
			...imageTextDescription,
			...commentDescription,
			...dataDescription,
			...toolDescription,
			requestsInParallelProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperations(this, douyinPlatform);
	}
}
