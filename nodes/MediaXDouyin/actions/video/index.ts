import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { create } from './create.operation';
import { deleteVideo } from './delete.operation';
import { getData } from './getData.operation';
import { list } from './list.operation';
import { upload } from './upload.operation';

export const videoOperations: ResourceOperations = { list, getData, upload, create, delete: deleteVideo };

export const videoDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{ name: 'Create (Publish)', value: 'create', action: 'Publish an uploaded video', description: 'Publish a video uploaded with Upload, with caption and anchors' },
			{ name: 'Delete', value: 'delete', action: 'Delete a video', description: 'Delete one of the account\'s videos (needs the video.delete scope)' },
			{ name: 'Get Data', value: 'getData', action: 'Get data of videos', description: 'Statistics and status of the account\'s videos by ID' },
			{ name: 'List', value: 'list', action: 'List videos of the account', description: 'The account\'s videos, newest first' },
			{ name: 'Upload', value: 'upload', action: 'Upload a video file', description: 'Upload a video from binary data (single request or parts) and get its video_id' },
		],
		default: 'list',
	},
	...list.description,
	...getData.description,
	...upload.description,
	...create.description,
	...deleteVideo.description,
];
