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
import { blogDescription } from './actions/blog';
import { commentDescription } from './actions/comment';
import { pageDescription } from './actions/page';
import { postDescription } from './actions/post';
import { bloggerPlatform } from './transport';
import { requestsInParallelProperty } from '../shared/node/parallel';
import { requestTimeoutProperty } from '../shared/node/timeout';

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
		credentials: credentialChoices(bloggerPlatform, { mediaXGoogleOAuth2Api: 'Google Account (user authorization)', mediaXGoogleServiceAccountApi: 'Google Service Account (service token or API key)', mediaXGoogleApiKeyApi: 'Google API Key (public reads)' }),
		properties: [
			{
				displayName:
					'Fill in one of the credential fields below. Writes need the Google Account credential, or a Service Account credential that impersonates a blog author (domain-wide delegation); public blogs can also be read with the Service Account credential\'s API Key alone.',
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
					{ name: 'Blog', value: 'blog' },
					{ name: 'Comment', value: 'comment' },
					{ name: 'Page', value: 'page' },
					{ name: 'Post', value: 'post' },
				],
				default: 'post',
			},
			...authorizationDescription,
			...blogDescription,
			...postDescription,
			...pageDescription,
			...commentDescription,
			requestsInParallelProperty,
			requestTimeoutProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperations(this, bloggerPlatform);
	}
}
