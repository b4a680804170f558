import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { routeOperations } from '../shared/node/router';
import { blogDescription } from './actions/blog';
import { commentDescription } from './actions/comment';
import { pageDescription } from './actions/page';
import { postDescription } from './actions/post';
import { bloggerPlatform } from './transport';
import { requestsInParallelProperty } from '../shared/node/parallel';

export class MediaXBlogger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX Blogger',
		name: 'mediaXBlogger',
		icon: { light: 'file:blogger.svg', dark: 'file:blogger.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Write, schedule and publish Blogger posts and pages, and moderate comments',
		defaults: { name: 'MediaX Blogger' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'mediaXGoogleOAuth2Api', required: false },
			{ name: 'mediaXGoogleServiceAccountApi', required: false },
			{ name: 'mediaXGoogleApiKeyApi', required: false },
		],
		properties: [
			{
				displayName:
					'Writes need the Google OAuth2 credential, or a Service Account credential that impersonates a blog author (domain-wide delegation). Public blogs can be read with the Service Account credential\'s API Key alone.',
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
					{ name: 'Blog', value: 'blog' },
					{ name: 'Comment', value: 'comment' },
					{ name: 'Page', value: 'page' },
					{ name: 'Post', value: 'post' },
				],
				default: 'post',
			},
			...blogDescription,
			...postDescription,
			...pageDescription,
			...commentDescription,
			requestsInParallelProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperations(this, bloggerPlatform);
	}
}
