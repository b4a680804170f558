import type { INodeProperties } from 'n8n-workflow';
import { show } from '../common';

export const orderByOption: INodeProperties = {
	displayName: 'Order By',
	name: 'orderBy',
	type: 'options',
	options: [
		{ name: 'Published Date', value: 'PUBLISHED' },
		{ name: 'Updated Date', value: 'UPDATED' },
	],
	default: 'PUBLISHED',
};

export const fetchBodiesOption: INodeProperties = {
	displayName: 'Include Content',
	name: 'fetchBodies',
	type: 'boolean',
	default: true,
	description: 'Whether to include each post\'s HTML content (off makes lists much smaller)',
};

export const titleField = (operation: string, required = true): INodeProperties => ({
	displayName: 'Title',
	name: 'title',
	type: 'string',
	required,
	default: '',
	displayOptions: show('post', operation),
});

export const contentField = (operation: string): INodeProperties => ({
	displayName: 'Content (HTML)',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 6 },
	required: true,
	default: '',
	description: 'The post body as HTML',
	displayOptions: show('post', operation),
});

export const postBodyOptions: INodeProperties[] = [
	{ displayName: 'Custom Meta Data', name: 'customMetaData', type: 'string', default: '', description: 'Free-form metadata stored with the post (JSON string)' },
	{ displayName: 'Labels', name: 'labels', type: 'string', default: '', placeholder: 'news, travel', description: 'Comma-separated labels (tags)' },
	{ displayName: 'Location Name', name: 'locationName', type: 'string', default: '', description: 'Where the post was written' },
];
