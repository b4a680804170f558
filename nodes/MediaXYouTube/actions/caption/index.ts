import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { ytOperation } from '../common';
import { download } from './download.operation';
import { list } from './list.operation';
import { upload } from './upload.operation';

export const captionOperations: ResourceOperations = { list: ytOperation(list), upload: ytOperation(upload), download: ytOperation(download) };

export const captionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['caption'] } },
		options: [
			{ name: 'Download', value: 'download', action: 'Download a caption track', description: 'As a file in a binary field, optionally converted or translated' },
			{ name: 'List', value: 'list', action: 'List caption tracks of a video' },
			{ name: 'Upload', value: 'upload', action: 'Upload a caption track', description: 'Add a caption track to a video from a binary file' },
		],
		default: 'list',
	},
	...list.description,
	...upload.description,
	...download.description,
];
