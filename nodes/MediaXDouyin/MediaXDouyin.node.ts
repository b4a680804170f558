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
import { commentDescription } from './actions/comment';
import { dataDescription } from './actions/data';
import { imageTextDescription } from './actions/imageText';
import { toolDescription } from './actions/tool';
import { userDescription } from './actions/user';
import { videoDescription } from './actions/video';
import { douyinPlatform } from './transport';
import { requestsInParallelProperty } from '../shared/node/parallel';
import { requestTimeoutProperty } from '../shared/node/timeout';

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
		credentials: credentialChoices(douyinPlatform, { mediaXDouyinOAuth2Api: 'Douyin Account (user authorization)', mediaXDouyinClientCredentialsApi: 'Douyin App (client token)' }),
		properties: [
			{
				displayName:
					'The credential field below follows the operation: account operations (authorization status, user, video, image-text, comments, data) use a "Douyin Account (user authorization)" credential, the app-level tools a "Douyin App (client token)" credential.',
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
					{ name: 'Authorization', value: 'authorization', description: 'When the account must authorize again, read from the credential' },
					{ name: 'Comment', value: 'comment' },
					{ name: 'Data', value: 'data' },
					{ name: 'Image-Text', value: 'imageText' },
					{ name: 'Tool (App Token)', value: 'tool' },
					{ name: 'User', value: 'user' },
					{ name: 'Video', value: 'video' },
				],
				default: 'video',
			},
			...authorizationDescription,
			...userDescription,
			...videoDescription,
			...imageTextDescription,
			...commentDescription,
			...dataDescription,
			...toolDescription,
			requestsInParallelProperty,
			requestTimeoutProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperations(this, douyinPlatform);
	}
}
