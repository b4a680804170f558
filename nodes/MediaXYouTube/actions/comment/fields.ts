import type { INodeProperties } from 'n8n-workflow';
import { show } from '../common';

export const commentIdField = (operation: string | string[], displayName = 'Comment ID', description = 'The comment ID, as returned by Comment Thread → List or Comment → List Replies'): INodeProperties => ({
	displayName,
	name: 'commentId',
	type: 'string',
	required: true,
	default: '',
	description,
	displayOptions: show('comment', operation),
});

export const textField = (operation: string): INodeProperties => ({
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 3 },
	required: true,
	default: '',
	displayOptions: show('comment', operation),
});
