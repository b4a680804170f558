import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { paginationFields } from '../../../shared/node/pagination';
import { advertiserIdOf, cnDay, jg, numberedPages, show, toDay } from '../common';
import { dateRangeFields, reportRow, SORT_COLUMN_OPTIONS } from './shared';

/** sources cap offline pages at 500 (one client) or 1000 (bububa); the smaller is used */
const PAGE_SIZE = 500;

/** level → the path's last segment; two live scripts use "creative" where bububa spells "creativity" */
const LEVEL_SEGMENTS: Record<string, string> = { account: 'account', campaign: 'campaign', unit: 'unit', creative: 'creative', keyword: 'keyword' };

const s = show('report', 'offline');

export const offline: OperationModule = {
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
				{ name: 'Keyword', value: 'keyword' },
				{ name: 'Unit', value: 'unit' },
			],
			default: 'campaign',
			displayOptions: s,
		},
		...dateRangeFields('offline', 'yesterday when empty. Offline data ends yesterday: later days are left out, with a notice in the output.'),
		{
			displayName: 'Time Unit',
			name: 'timeUnit',
			type: 'options',
			options: [
				{ name: 'Day', value: 'DAY', description: 'One row per day' },
				{ name: 'Hour', value: 'HOUR', description: 'One row per hour' },
				{ name: 'Summary', value: 'SUMMARY', description: 'One row for the whole range' },
			],
			default: 'DAY',
			displayOptions: s,
		},
		...paginationFields('report', 'offline'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: s,
			options: [
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
				{
					displayName: 'Split By',
					name: 'split_columns',
					type: 'multiOptions',
					options: [
						{ name: 'Bidding Strategy', value: 'biddingStrategy' },
						{ name: 'Build Type', value: 'buildType' },
						{ name: 'Item ID', value: 'itemId' },
						{ name: 'Jump Type', value: 'jumpType' },
						{ name: 'Keyword', value: 'keyword' },
						{ name: 'Live Red ID', value: 'liveRedId' },
						{ name: 'Marketing Target', value: 'marketingTarget' },
						{ name: 'Optimize Target', value: 'optimizeTarget' },
						{ name: 'Page ID', value: 'pageId' },
						{ name: 'Placement', value: 'placement' },
						{ name: 'Promotion Target', value: 'promotionTarget' },
					],
					default: [],
					description: 'Extra dimensions to split the rows by (split_columns)',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const level = String(this.getNodeParameter('level', i));
		const segment = LEVEL_SEGMENTS[level];
		if (!segment) throw new NodeOperationError(this.getNode(), `Unknown report level "${level}"`, { itemIndex: i });
		const yesterday = cnDay(1);
		const requestedEnd = toDay(this, i, this.getNodeParameter('endDate', i, ''), 'End Date');
		const requestedStart = toDay(this, i, this.getNodeParameter('startDate', i, ''), 'Start Date') || requestedEnd || yesterday;
		const wantedEnd = requestedEnd || (requestedStart > yesterday ? requestedStart : yesterday);
		if (wantedEnd < requestedStart) throw new NodeOperationError(this.getNode(), `End Date ${wantedEnd} is before Start Date ${requestedStart}`, { itemIndex: i });
		if (requestedStart > yesterday) {
			throw new NodeOperationError(this.getNode(), `Offline reports end yesterday (${yesterday}); ${requestedStart} has no offline data yet`, {
				itemIndex: i,
				description: 'Use Report → Real-Time for today\'s figures.',
			});
		}
		const end = wantedEnd > yesterday ? yesterday : wantedEnd;
		const notice = end !== wantedEnd ? `End Date ${wantedEnd} was moved to ${yesterday}: offline data ends yesterday (Asia/Shanghai). Use Report → Real-Time for today.` : undefined;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const body: IDataObject = { start_date: requestedStart, end_date: end, time_unit: String(this.getNodeParameter('timeUnit', i, 'DAY')) };
		if (options.sort_column) Object.assign(body, { sort_column: options.sort_column, sort: options.sort ?? 'desc' });
		if (Array.isArray(options.split_columns) && options.split_columns.length) body.split_columns = options.split_columns;
		const path = `/data/report/offline/${segment}`;
		const rows = await numberedPages(this, i, PAGE_SIZE, async (pageNum, size) => {
			const data = await jg(call, advertiserId, path, { ...body, page_num: pageNum, page_size: size }, true);
			return { rows: (data.data_list ?? []) as IDataObject[], total: Number(data.total_count ?? 0) };
		});
		return rows.map((row) => ({ ...reportRow(row), ...(notice ? { notice } : {}) }));
	},
};
