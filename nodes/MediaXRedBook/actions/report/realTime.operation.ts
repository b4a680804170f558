import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { paginationFields } from '../../../shared/node/pagination';
import { advertiserIdOf, cnDay, jgFull, numberedPages, show, toDay } from '../common';
import { dateRangeFields, pick, reportRow, SORT_COLUMN_OPTIONS } from './shared';

/** MediaXDoc caps real-time pages at 100 (bububa says 1000); the smaller is used */
const PAGE_SIZE = 100;

/** level → path segment and the reply's list name */
const LEVELS: Record<string, { path: string; list: string }> = {
	account: { path: 'account', list: '' },
	campaign: { path: 'campaign', list: 'campaign_dtos' },
	unit: { path: 'unit', list: 'unit_dtos' },
	creative: { path: 'creativity', list: 'creativity_dtos' },
};

const s = show('report', 'realTime');
const sList = show('report', 'realTime', { level: ['campaign', 'unit', 'creative'] });

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** `{base_campaign_dto: {...}, data: {...metrics}}` → one flat row */
function flatten(dto: IDataObject): IDataObject {
	const row: IDataObject = {};
	for (const [key, value] of Object.entries(dto)) if (key !== 'data' && isObject(value)) Object.assign(row, value);
	for (const [key, value] of Object.entries(dto)) if (key !== 'data' && !isObject(value)) row[key] = value;
	if (isObject(dto.data)) Object.assign(row, dto.data);
	return reportRow(row);
}

/** Account level: the metrics are `data.data`, or `data` itself; hourly rows at the top level or under `data`. */
export function accountFigures(body: IDataObject): IDataObject {
	const data = body.data;
	const metrics = isObject(data) && isObject(data.data) ? data.data : isObject(data) ? data : {};
	const own: IDataObject = {};
	for (const [key, value] of Object.entries(metrics)) if (key !== 'hourly_data' && key !== 'data') own[key] = value;
	const hourly = pick(body, 'hourly_data');
	return { ...reportRow(own), ...(Array.isArray(hourly) ? { hourly_data: (hourly as IDataObject[]).map(reportRow) } : {}) };
}

/** List levels: the dtos, `page` and `total_data` may sit next to `code` or inside `data`. */
export function realTimeRows(body: IDataObject, list: string): { rows: IDataObject[]; total: number } {
	const dtos = pick(body, list);
	const page = pick(body, 'page');
	const rows = Array.isArray(dtos) ? (dtos as IDataObject[]).map(flatten) : [];
	const total = Number((isObject(page) ? page.total_count : undefined) ?? pick(body, 'total_count') ?? rows.length);
	return { rows, total };
}

export const realTime: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Level',
			name: 'level',
			type: 'options',
			options: [
				{ name: 'Account', value: 'account' },
				{ name: 'Campaign', value: 'campaign' },
				{ name: 'Creative', value: 'creative' },
				{ name: 'Unit', value: 'unit' },
			],
			default: 'campaign',
			displayOptions: s,
		},
		...dateRangeFields('realTime', 'today when empty'),
		{
			displayName: 'Include Hourly Data',
			name: 'hourly',
			type: 'boolean',
			default: false,
			description: 'Whether to add the account\'s figures per hour (hourly_data)',
			displayOptions: show('report', 'realTime', { level: ['account'] }),
		},
		...paginationFields('report', 'realTime').map((p) => ({ ...p, displayOptions: { show: { ...p.displayOptions!.show, level: ['campaign', 'unit', 'creative'] } } })),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: sList,
			options: [
				{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Only the campaign, unit or creative with this ID' },
				{ displayName: 'Name Contains', name: 'name', type: 'string', default: '' },
				{ displayName: 'Sort By', name: 'sort_column', type: 'options', options: SORT_COLUMN_OPTIONS, default: 'fee' },
				{
					displayName: 'Sort Order',
					name: 'sort',
					type: 'options',
					options: [
						{ name: 'Ascending', value: 'asc' },
						{ name: 'Descending', value: 'desc' },
					],
					default: 'desc',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const level = String(this.getNodeParameter('level', i));
		const spec = LEVELS[level];
		if (!spec) throw new NodeOperationError(this.getNode(), `Unknown real-time report level "${level}"`, { itemIndex: i });
		const today = cnDay();
		const end = toDay(this, i, this.getNodeParameter('endDate', i, ''), 'End Date');
		const start = toDay(this, i, this.getNodeParameter('startDate', i, ''), 'Start Date') || end || today;
		const body: IDataObject = { start_date: start, end_date: end || (start > today ? start : today) };
		if ((body.end_date as string) < start) throw new NodeOperationError(this.getNode(), `End Date ${body.end_date} is before Start Date ${start}`, { itemIndex: i });
		const path = `/data/report/realtime/${spec.path}`;
		if (level === 'account') {
			const hourly = this.getNodeParameter('hourly', i, false) as boolean;
			const reply = await jgFull(call, advertiserId, path, { ...body, need_hourly_data: hourly });
			return { advertiser_id: advertiserId, start_date: body.start_date, end_date: body.end_date, ...accountFigures(reply) };
		}
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		if (options.name) body.name = String(options.name);
		if (options.id !== undefined && String(options.id).trim() !== '') {
			const id = String(options.id).trim();
			if (!/^\d+$/.test(id)) throw new NodeOperationError(this.getNode(), `ID: "${id}" is not a numeric ID`, { itemIndex: i });
			body.id = Number(id);
		}
		if (options.sort_column) Object.assign(body, { sort_column: options.sort_column, sort: options.sort ?? 'desc' });
		return numberedPages(this, i, PAGE_SIZE, async (pageNum, size) => realTimeRows(await jgFull(call, advertiserId, path, { ...body, page_num: pageNum, page_size: size }), spec.list));
	},
};
