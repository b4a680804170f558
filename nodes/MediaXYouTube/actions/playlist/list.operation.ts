import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { listPages, paginationFields, partsField, partsOf, requireUserCredential, show, splitList, YT } from '../common';
import { PLAYLIST_DEFAULT_PARTS, PLAYLIST_PARTS, playlistIdOf } from './fields';

export const list: OperationModule = {
	token: ['user', 'key'],
	description: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'My Playlists', value: 'mine', description: 'The signed-in channel\'s playlists, private ones included (OAuth2 credential)' },
				{ name: 'Playlists of a Channel', value: 'channel', description: 'Public playlists of any channel' },
				{ name: 'Playlist IDs', value: 'ids' },
			],
			default: 'mine',
			displayOptions: show('playlist', 'list'),
		},
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'UC...',
			displayOptions: show('playlist', 'list', { source: ['channel'] }),
		},
		{
			displayName: 'Playlist IDs',
			name: 'playlistIds',
			type: 'string',
			required: true,
			default: '',
			description: 'Comma-separated playlist IDs',
			displayOptions: show('playlist', 'list', { source: ['ids'] }),
		},
		partsField('playlist', 'list', PLAYLIST_PARTS, PLAYLIST_DEFAULT_PARTS),
		...paginationFields('playlist', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const source = this.getNodeParameter('source', i) as string;
		const qs: IDataObject = { part: partsOf(this, i, PLAYLIST_DEFAULT_PARTS) };
		if (source === 'mine') {
			requireUserCredential(this, i, 'Listing my playlists');
			qs.mine = true;
		} else if (source === 'channel') qs.channelId = this.getNodeParameter('channelId', i) as string;
		else qs.id = splitList(this.getNodeParameter('playlistIds', i)).map(playlistIdOf).join(',');
		return listPages(this, i, call, { method: 'GET', path: `${YT}/playlists`, qs });
	},
};
