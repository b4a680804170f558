import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { deleteVideo } from './delete.operation';
import { edit } from './edit.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { submit } from './submit.operation';
import { upload } from './upload.operation';
import { uploadAndSubmit } from './uploadAndSubmit.operation';
import { uploadCover } from './uploadCover.operation';

export const videoOperations: ResourceOperations = { upload, uploadCover, submit, uploadAndSubmit, get, list, edit, delete: deleteVideo };

export const videoDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete a video', description: 'Delete one of the account\'s archives' },
			{ name: 'Edit', value: 'edit', action: 'Edit a video', description: 'Change title, cover, partition, tags or description; the archive goes back to review' },
			{ name: 'Get', value: 'get', action: 'Get a video', description: 'One archive with its review state' },
			{ name: 'List', value: 'list', action: 'List videos of the account', description: 'The account\'s archives, newest first, filtered by status' },
			{ name: 'Submit', value: 'submit', action: 'Submit an uploaded video', description: 'Submit a video uploaded with Upload as an archive (稿件) for review' },
			{ name: 'Upload', value: 'upload', action: 'Upload a video file', description: 'Upload a video from binary data in parts and get its upload_token' },
			{ name: 'Upload and Submit', value: 'uploadAndSubmit', action: 'Upload and submit a video', description: 'Upload the video (and an optional cover) and submit it, in one step' },
			{ name: 'Upload Cover', value: 'uploadCover', action: 'Upload a cover image', description: 'Upload a JPEG or PNG cover and get its URL' },
		],
		default: 'uploadAndSubmit',
	},
	...upload.description,
	...uploadCover.description,
	...submit.description,
	...uploadAndSubmit.description,
	...get.description,
	...list.description,
	...edit.description,
	...deleteVideo.description,
];
