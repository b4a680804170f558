import type { INodeProperties } from 'n8n-workflow';
import { show } from '../common';

export const pageIdField = (operation: string): INodeProperties => ({
	displayName: 'Page ID',
	name: 'pageId',
	type: 'string',
	required: true,
	default: '',
	description: 'Numeric page ID, as returned by Page → List',
	displayOptions: show('page', operation),
});
