import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { paginationFields } from '../../../shared/node/pagination';
import { advertiserIdOf, chunk, idList, jg, MAX_IDS_PER_CALL, numberedPages, show, toDay } from '../common';
import { CREATIVE_STATUS_OPTIONS } from './shared';

const PAGE_SIZE = 20;

/** Nested `page{page_index,page_size}`, answered with `page{total_count}` and `creativity_dtos`. */
export async function searchCreatives(ctx: IExecuteFunctions, i: number, call: PlatformCall, advertiserId: number, filter: IDataObject): Promise<IDataObject[]> {
	return numberedPages(ctx, i, PAGE_SIZE, async (index, size) => {
		const data = await jg(call, advertiserId, '/creativity/search', { ...filter, page: { page_index: index, page_size: size } }, true);
		return { rows: (data.creativity_dtos ?? []) as IDataObject[], total: Number((data.page as IDataObject)?.total_count ?? data.total_count ?? 0) };
	});
}

export const search: OperationModule = {
	token: 'user',
	description: [
		...paginationFields('creative', 'search'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show('creative', 'search'),
			options: [
				{ displayName: 'Campaign ID', name: 'campaign_id', type: 'string', default: '' },
				{ displayName: 'Created From', name: 'start_time', type: 'dateTime', default: '' },
				{ displayName: 'Created Until', name: 'end_time', type: 'dateTime', default: '' },
				{ displayName: 'Creative IDs', name: 'creative_ids', type: 'string', default: '', description: 'Comma-separated creativity IDs' },
				{ displayName: 'Status', name: 'status', type: 'options', options: CREATIVE_STATUS_OPTIONS, default: 2 },
				{ displayName: 'Unit ID', name: 'unit_id', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const filter: IDataObject = {};
		const [campaignId] = idList(this, i, f.campaign_id, 'Campaign ID');
		const [unitId] = idList(this, i, f.unit_id, 'Unit ID');
		if (campaignId !== undefined) filter.campaign_id = campaignId;
		if (unitId !== undefined) filter.unit_id = unitId;
		if (f.status !== undefined && f.status !== '') filter.status = Number(f.status);
		const start = toDay(this, i, f.start_time, 'Created From');
		const end = toDay(this, i, f.end_time, 'Created Until');
		if (start) filter.start_time = start;
		if (end) filter.end_time = end;
		const ids = idList(this, i, f.creative_ids, 'Creative IDs');
		if (!ids.length) return searchCreatives(this, i, call, advertiserId, filter);
		const all: IDataObject[] = [];
		for (const batch of chunk(ids, MAX_IDS_PER_CALL)) all.push(...(await searchCreatives(this, i, call, advertiserId, { ...filter, creative_ids: batch })));
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		return returnAll ? all : all.slice(0, Number(this.getNodeParameter('limit', i, 50)));
	},
};
