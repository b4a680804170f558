import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { upload } from './upload.operation';

export const articleImageOperations: ResourceOperations = { upload };

export const articleImageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['articleImage'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload an article image',
				description: 'Upload an image for use inside article HTML and get its WeChat URL (not counted as material)',
			},
		],
		default: 'upload',
	},
	...upload.description,
];
