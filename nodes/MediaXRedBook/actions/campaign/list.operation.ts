import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { paginationFields } from '../../../shared/node/pagination';
import { advertiserIdOf, chunk, idList, jg, MAX_IDS_PER_CALL, numberedPages, show, toDay } from '../common';
import { campaignOut } from './shared';

/** JuGuang's default page size; larger pages are unverified */
const PAGE_SIZE = 20;

export const CAMPAIGN_STATUS_OPTIONS = [
	{ name: 'Account Daily Budget Reached (账户日预算不足)', value: 7 },
	{ name: 'All Not Deleted (所有未删除)', value: 6 },
	{ name: 'Campaign Budget Reached (计划预算不足)', value: 4 },
	{ name: 'Deleted (已删除)', value: 3 },
	{ name: 'Insufficient Cash Balance (现金余额不足)', value: 5 },
	{ name: 'Outside Schedule (暂停时段)', value: 8 },
	{ name: 'Paused (暂停)', value: 2 },
	{ name: 'Valid (有效)', value: 1 },
];

/** One pass over the nested `page{page_index,page_size}` dialect, answered with `page{total_count}` and `base_campaign_dtos`. */
export async function listCampaigns(ctx: IExecuteFunctions, i: number, call: PlatformCall, advertiserId: number, filter: IDataObject): Promise<IDataObject[]> {
	return numberedPages(ctx, i, PAGE_SIZE, async (index, size) => {
		const data = await jg(call, advertiserId, '/campaign/list', { ...filter, page: { page_index: index, page_size: size } }, true);
		return { rows: ((data.base_campaign_dtos ?? []) as IDataObject[]).map(campaignOut), total: Number((data.page as IDataObject)?.total_count ?? data.total_count ?? 0) };
	});
}

export const list: OperationModule = {
	token: 'user',
	description: [
		...paginationFields('campaign', 'list'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show('campaign', 'list'),
			options: [
				{ displayName: 'Campaign IDs', name: 'campaign_ids', type: 'string', default: '', description: 'Comma-separated campaign IDs' },
				{ displayName: 'Created From', name: 'start_time', type: 'dateTime', default: '', description: 'Campaigns created on or after this day' },
				{ displayName: 'Created Until', name: 'expire_time', type: 'dateTime', default: '', description: 'Campaigns created on or before this day' },
				{ displayName: 'Status', name: 'status', type: 'options', options: CAMPAIGN_STATUS_OPTIONS, default: 6 },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const filter: IDataObject = {};
		if (filters.status !== undefined && filters.status !== '') filter.status = Number(filters.status);
		const start = toDay(this, i, filters.start_time, 'Created From');
		const end = toDay(this, i, filters.expire_time, 'Created Until');
		if (start) filter.start_time = start;
		if (end) filter.expire_time = end;
		const ids = idList(this, i, filters.campaign_ids, 'Campaign IDs');
		if (!ids.length) return listCampaigns(this, i, call, advertiserId, filter);
		// the filter takes at most 20 IDs: one pass per batch
		const all: IDataObject[] = [];
		for (const batch of chunk(ids, MAX_IDS_PER_CALL)) all.push(...(await listCampaigns(this, i, call, advertiserId, { ...filter, campaign_ids: batch })));
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		return returnAll ? all : all.slice(0, Number(this.getNodeParameter('limit', i, 50)));
	},
};
