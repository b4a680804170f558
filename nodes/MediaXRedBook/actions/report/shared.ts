import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { lenientNumber, withYuan } from '../common';

/** metrics JuGuang reports in fen */
export const MONEY_METRICS = ['fee', 'acp', 'cpm', 'cpi'];

export const SORT_COLUMN_OPTIONS = [
	'acp',
	'action_button_click',
	'click',
	'collect',
	'comment',
	'cpi',
	'cpm',
	'ctr',
	'fee',
	'follow',
	'impression',
	'interaction',
	'like',
	'share',
].map((value) => ({ name: value, value }));

const DIMENSION = /(^time$|_id$|_name$|^keyword$|_image$|_url$)/;

/**
 * Report metrics may arrive as numbers or as text ("12,345", "1.23%"): metrics become numbers (ctr in percent, as
 * JuGuang gives it), dimensions stay as they are, and money metrics get a `_yuan` twin.
 */
export function reportRow(row: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(row)) {
		const n = !DIMENSION.test(key) && typeof value === 'string' ? lenientNumber(value) : undefined;
		out[key] = n ?? value;
	}
	return withYuan(out, MONEY_METRICS);
}

export const dateRangeFields = (operation: string, defaultNote: string): INodeProperties[] => [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description: `First day (Asia/Shanghai); ${defaultNote}`,
		displayOptions: { show: { resource: ['report'], operation: [operation] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'Last day (Asia/Shanghai); the same default as Start Date when empty',
		displayOptions: { show: { resource: ['report'], operation: [operation] } },
	},
];

/** The list or object under `key`, at the top level of the reply or under `data`, whichever is present. */
export function pick(body: IDataObject, key: string): unknown {
	if (body[key] !== undefined && body[key] !== null) return body[key];
	const data = body.data as IDataObject | undefined;
	return data && typeof data === 'object' ? data[key] : undefined;
}
