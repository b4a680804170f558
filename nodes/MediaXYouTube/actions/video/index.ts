import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { ytOperation } from '../common';
import { deleteVideo } from './delete.operation';
import { get } from './get.operation';
import { getRating } from './getRating.operation';
import { list } from './list.operation';
import { rate } from './rate.operation';
import { update } from './update.operation';
import { upload } from './upload.operation';

export const videoOperations: ResourceOperations = {
	upload: ytOperation(upload),
	update: ytOperation(update),
	delete: ytOperation(deleteVideo),
	get: ytOperation(get),
	list: ytOperation(list),
	rate: ytOperation(rate),
	getRating: ytOperation(getRating),
};

export const videoDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete a video', description: 'Delete one of the channel\'s videos' },
			{ name: 'Get', value: 'get', action: 'Get a video', description: 'One video by ID (public videos work with the API key)' },
			{ name: 'Get Rating', value: 'getRating', action: 'Get my rating of videos', description: 'Whether the signed-in account liked or disliked videos' },
			{ name: 'List', value: 'list', action: 'List videos', description: 'My uploads, a channel\'s uploads, videos by ID, my rated videos or the most popular chart' },
			{ name: 'Rate', value: 'rate', action: 'Rate a video', description: 'Like, dislike or remove the rating' },
			{ name: 'Update', value: 'update', action: 'Update a video', description: 'Change title, description, tags, category, privacy or schedule' },
			{ name: 'Upload', value: 'upload', action: 'Upload a video', description: 'Upload a video file with the resumable protocol; interrupted chunks resume from the acknowledged byte' },
		],
		default: 'upload',
	},
	...upload.description,
	...update.description,
	...deleteVideo.description,
	...get.description,
	...list.description,
	...rate.description,
	...getRating.description,
];
