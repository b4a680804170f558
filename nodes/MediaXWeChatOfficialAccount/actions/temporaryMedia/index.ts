import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { get } from './get.operation';
import { upload } from './upload.operation';

export const temporaryMediaOperations: ResourceOperations = { upload, get };

export const temporaryMediaDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['temporaryMedia'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get temporary media', description: 'Download temporary media as a file (videos as JSON with video_url)' },
			{ name: 'Upload', value: 'upload', action: 'Upload temporary media', description: 'Upload a file WeChat keeps for 3 days' },
		],
		default: 'upload',
	},
	...upload.description,
	...get.description,
];
