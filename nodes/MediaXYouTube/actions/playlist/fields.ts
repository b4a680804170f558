import type { INodeProperties } from 'n8n-workflow';
import { show } from '../common';

export const PLAYLIST_PARTS = ['contentDetails', 'id', 'localizations', 'player', 'snippet', 'status'];
export const PLAYLIST_DEFAULT_PARTS = ['snippet', 'status', 'contentDetails'];

export const playlistIdField = (operation: string | string[]): INodeProperties => ({
	displayName: 'Playlist ID',
	name: 'playlistId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'PL...',
	description: 'The playlist ID (the list= part of a playlist URL)',
	displayOptions: show('playlist', operation),
});

/** accepts an ID or a URL with list= */
export function playlistIdOf(value: unknown): string {
	const text = String(value ?? '').trim();
	const m = /[?&]list=([A-Za-z0-9_-]+)/.exec(text);
	return m ? m[1] : text;
}

export const playlistFieldOptions: INodeProperties[] = [
	{ displayName: 'Default Language', name: 'defaultLanguage', type: 'string', default: '', description: 'Language of the title and description (BCP-47)' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{
		displayName: 'Privacy Status',
		name: 'privacyStatus',
		type: 'options',
		options: [
			{ name: 'Private', value: 'private' },
			{ name: 'Public', value: 'public' },
			{ name: 'Unlisted', value: 'unlisted' },
		],
		default: 'private',
	},
	{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated keywords' },
];
