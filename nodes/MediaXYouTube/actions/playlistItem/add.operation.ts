import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, YT } from '../common';
import { playlistIdOf } from '../playlist/fields';
import { videoIdOf } from '../video/fields';
import { itemPlaylistIdField } from './fields';

export const add: OperationModule = {
	token: 'user',
	description: [
		itemPlaylistIdField('add'),
		{
			displayName: 'Video ID',
			name: 'videoId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'dQw4w9WgXcQ',
			displayOptions: show('playlistItem', 'add'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('playlistItem', 'add'),
			options: [
				{ displayName: 'Note', name: 'note', type: 'string', default: '', description: 'A note shown with the item (up to 280 characters)' },
				{ displayName: 'Position', name: 'position', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Zero-based position in the playlist; omitted: at the end' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const snippet: IDataObject = {
			playlistId: playlistIdOf(this.getNodeParameter('playlistId', i)),
			resourceId: { kind: 'youtube#video', videoId: videoIdOf(this.getNodeParameter('videoId', i)) },
		};
		if (options.position !== undefined) snippet.position = options.position;
		const body: IDataObject = { snippet };
		const parts = ['snippet'];
		if (options.note) {
			body.contentDetails = { note: options.note };
			parts.push('contentDetails');
		}
		return call({ method: 'POST', path: `${YT}/playlistItems`, qs: { part: parts.join(',') }, body });
	},
};
