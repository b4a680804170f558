import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { listPages, paginationFields, partsField, partsOf, show, YT } from '../common';
import { playlistIdOf } from '../playlist/fields';
import { videoIdOf } from '../video/fields';
import { itemPlaylistIdField } from './fields';

const DEFAULT_PARTS = ['snippet', 'contentDetails'];

export const list: OperationModule = {
	token: ['user', 'key'],
	description: [
		itemPlaylistIdField('list'),
		{
			displayName: 'Only Video ID',
			name: 'videoId',
			type: 'string',
			default: '',
			description: 'Only the items holding this video',
			displayOptions: show('playlistItem', 'list'),
		},
		partsField('playlistItem', 'list', ['contentDetails', 'id', 'snippet', 'status'], DEFAULT_PARTS),
		...paginationFields('playlistItem', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const qs: IDataObject = { playlistId: playlistIdOf(this.getNodeParameter('playlistId', i)), part: partsOf(this, i, DEFAULT_PARTS) };
		const videoId = this.getNodeParameter('videoId', i, '') as string;
		if (videoId) qs.videoId = videoIdOf(videoId);
		return listPages(this, i, call, { method: 'GET', path: `${YT}/playlistItems`, qs });
	},
};
