import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { credentialChoices } from '../shared/node/credentialChoice';
import { routeOperations } from '../shared/node/router';
import { accountDescription } from './actions/account';
import { authorizationDescription } from './actions/authorization';
import { campaignDescription } from './actions/campaign';
import { creativeDescription } from './actions/creative';
import { noteDescription } from './actions/note';
import { reportDescription } from './actions/report';
import { toolDescription } from './actions/tool';
import { unitDescription } from './actions/unit';
import { getAdvertisers } from './methods/loadOptions';
import { redbookPlatform } from './transport';
import { requestsInParallelProperty } from '../shared/node/parallel';
import { requestTimeoutProperty } from '../shared/node/timeout';

export class MediaXRedBook implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX RedBook',
		name: 'mediaXRedBook',
		icon: { light: 'file:redbook.svg', dark: 'file:redbook.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage campaigns, units and note creatives and read reports on Xiaohongshu JuGuang (小红书聚光)',
		defaults: { name: 'MediaX RedBook' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialChoices(redbookPlatform, { mediaXRedBookOAuth2Api: 'RedBook JuGuang Account (advertiser authorization)' }),
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account', description: 'Balance and the advertiser\'s details' },
					{ name: 'Authorization', value: 'authorization', description: 'Link to authorize advertisers, and the authorization\'s status' },
					{ name: 'Campaign', value: 'campaign', description: 'Campaigns (计划)' },
					{ name: 'Creative', value: 'creative', description: 'Note creatives (创意)' },
					{ name: 'Note', value: 'note', description: 'Notes the advertiser can promote' },
					{ name: 'Report', value: 'report', description: 'Offline and real-time figures' },
					{ name: 'Tool', value: 'tool', description: 'Keyword recommendations, targeting options, name checks' },
					{ name: 'Unit', value: 'unit', description: 'Ad units (单元)' },
				],
				default: 'campaign',
			},
			...authorizationDescription,
			...accountDescription,
			...campaignDescription,
			...unitDescription,
			...creativeDescription,
			...reportDescription,
			...noteDescription,
			...toolDescription,
			{
				displayName: 'Advertiser Name or ID',
				name: 'advertiserId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getAdvertisers' },
				required: true,
				default: '',
				description:
					'The advertiser to act for, from the authorization saved in the credential. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { hide: { resource: ['authorization'] } },
			},
			requestsInParallelProperty,
			requestTimeoutProperty,
		],
	};

	methods = { loadOptions: { getAdvertisers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperations(this, redbookPlatform);
	}
}
