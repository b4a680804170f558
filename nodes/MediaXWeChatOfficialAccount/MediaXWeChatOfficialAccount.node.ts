import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { credentialChoices } from '../shared/node/credentialChoice';
import { routeOperations } from '../shared/node/router';
import { articleImageDescription } from './actions/articleImage';
import { draftDescription } from './actions/draft';
import { followerDescription } from './actions/follower';
import { materialDescription } from './actions/material';
import { publicationDescription } from './actions/publication';
import { temporaryMediaDescription } from './actions/temporaryMedia';
import { webAuthorizationDescription } from './actions/webAuthorization';
import { wechatPlatform } from './transport';
import { requestsInParallelProperty } from '../shared/node/parallel';
import { requestTimeoutProperty } from '../shared/node/timeout';

export class MediaXWeChatOfficialAccount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX WeChat Official Account',
		name: 'mediaXWeChatOfficialAccount',
		icon: { light: 'file:wechat.svg', dark: 'file:wechat.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Upload material, write drafts, publish articles and list followers of a WeChat Official Account (微信公众号)',
		defaults: { name: 'MediaX WeChat Official Account' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialChoices(wechatPlatform, { mediaXWeChatOfficialAccountApi: 'WeChat Official Account (app token)', mediaXWeChatOAuth2Api: 'WeChat User (web authorization)' }),
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Article Image', value: 'articleImage', description: 'Images for use inside article HTML' },
					{ name: 'Draft', value: 'draft', description: 'Articles in the draft box' },
					{ name: 'Follower', value: 'follower', description: 'The account\'s followers' },
					{ name: 'Material', value: 'material', description: 'Permanent images, thumbs, voice and video' },
					{ name: 'Publication', value: 'publication', description: 'Publishing drafts and published articles' },
					{ name: 'Temporary Media', value: 'temporaryMedia', description: 'Files WeChat keeps for 3 days' },
					{ name: 'Web Authorization', value: 'webAuthorization', description: 'A person\'s own WeChat login (MediaX WeChat OAuth2 credential)' },
				],
				default: 'draft',
			},
			...materialDescription,
			...articleImageDescription,
			...temporaryMediaDescription,
			...webAuthorizationDescription,
			...draftDescription,
			...publicationDescription,
			...followerDescription,
			requestsInParallelProperty,
			requestTimeoutProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperations(this, wechatPlatform);
	}
}
