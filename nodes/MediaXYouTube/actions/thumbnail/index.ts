import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { ytOperation } from '../common';
import { set } from './set.operation';

export const thumbnailOperations: ResourceOperations = { set: ytOperation(set) };

export const thumbnailDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['thumbnail'] } },
		options: [{ name: 'Set', value: 'set', action: 'Set a video thumbnail', description: 'Upload a custom thumbnail (the channel must be allowed custom thumbnails)' }],
		default: 'set',
	},
	...set.description,
];
