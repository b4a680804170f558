import type { INodeProperties } from 'n8n-workflow';
import { show } from '../common';

export const itemPlaylistIdField = (operation: string): INodeProperties => ({
	displayName: 'Playlist ID',
	name: 'playlistId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'PL...',
	description: 'The playlist ID; a channel\'s uploads playlist is its channel ID with UC replaced by UU',
	displayOptions: show('playlistItem', operation),
});
