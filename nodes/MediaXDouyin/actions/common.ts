import { show, splitList } from '../../shared/node/fields';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

export { show, splitList };

/** Douyin wraps every payload in `data`; operations return that. */
export function payload(body: IDataObject): IDataObject {
	return (body?.data ?? {}) as IDataObject;
}

export const dateTypeField = (resource: string, operation: string, name = 'dateType'): INodeProperties => ({
	displayName: 'Period',
	name,
	type: 'options',
	options: [
		{ name: 'Last 7 Days', value: 7 },
		{ name: 'Last 15 Days', value: 15 },
		{ name: 'Last 30 Days', value: 30 },
	],
	default: 7,
	description: 'Days of daily figures to return; Douyin produces them offline, yesterday is usually complete the next morning',
	displayOptions: show(resource, operation),
});

export const itemIdField = (resource: string, operation: string | string[], description = 'The video\'s item_id (starts with @), as returned by Video → List or Video → Create'): INodeProperties => ({
	displayName: 'Item ID',
	name: 'itemId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '@9VwKzuuES8gmaXS7ZohqSs5+...',
	description,
	displayOptions: show(resource, operation),
});
