import type { INodeProperties } from 'n8n-workflow';
import { show } from '../common';

export const PRIVACY_OPTIONS = [
	{ name: 'Private', value: 'private' },
	{ name: 'Public', value: 'public' },
	{ name: 'Unlisted', value: 'unlisted' },
];

export const categoryField = (operation: string): INodeProperties => ({
	displayName: 'Category ID',
	name: 'categoryId',
	type: 'string',
	required: true,
	default: '22',
	description: 'YouTube video category, e.g. 22 People & Blogs, 24 Entertainment, 27 Education, 28 Science & Technology',
	displayOptions: show('video', operation),
});

export const privacyField = (operation: string): INodeProperties => ({
	displayName: 'Privacy Status',
	name: 'privacyStatus',
	type: 'options',
	options: PRIVACY_OPTIONS,
	default: 'private',
	description: 'Videos uploaded by unaudited API projects stay private whatever is chosen here',
	displayOptions: show('video', operation),
});

export const VIDEO_PARTS = ['contentDetails', 'fileDetails', 'id', 'liveStreamingDetails', 'localizations', 'player', 'processingDetails', 'recordingDetails', 'snippet', 'statistics', 'status', 'topicDetails'];
export const VIDEO_DEFAULT_PARTS = ['snippet', 'contentDetails', 'statistics', 'status'];

export const videoIdField = (operation: string | string[]): INodeProperties => ({
	displayName: 'Video ID',
	name: 'videoId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'dQw4w9WgXcQ',
	description: 'The 11-character video ID (the v= part of a watch URL)',
	displayOptions: show('video', operation),
});

/** accepts an ID or a watch / share / shorts URL */
export function videoIdOf(value: unknown): string {
	const text = String(value ?? '').trim();
	const m = /(?:v=|youtu\.be\/|shorts\/|embed\/)([A-Za-z0-9_-]{11})/.exec(text);
	return m ? m[1] : text;
}
