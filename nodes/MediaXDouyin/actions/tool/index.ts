import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { getSchema } from './getSchema.operation';
import { getShareId } from './getShareId.operation';
import { getJsTicket, getOpenTicket } from './getTicket.operation';

export const toolOperations: ResourceOperations = { getShareId, getJsTicket, getOpenTicket, getSchema };

export const toolDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tool'] } },
		options: [
			{ name: 'Get JS-SDK Ticket', value: 'getJsTicket', action: 'Get a JS SDK ticket', description: 'Ticket for signing Douyin JS-SDK pages (app token)' },
			{ name: 'Get Open Ticket', value: 'getOpenTicket', action: 'Get an open ticket', description: 'Ticket for open capabilities such as share-to-publish (app token)' },
			{ name: 'Get Schema Link', value: 'getSchema', action: 'Get a schema link', description: 'Link that opens a Douyin profile, chat, video, live room or share page (app token)' },
			{ name: 'Get Share ID', value: 'getShareId', action: 'Get a share ID', description: 'Share_id for tracking H5 shares (app token)' },
		],
		default: 'getShareId',
	},
	...getShareId.description,
	...getSchema.description,
];
