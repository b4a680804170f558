import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { paginationFields } from '../../../shared/node/pagination';
import { advertiserIdOf, chunk, idList, jg, numberedPages, show, toDay } from '../common';
import { unitOut } from './shared';

const PAGE_SIZE = 20;
/** the unit list filter takes at most 10 IDs */
const MAX_UNIT_IDS = 10;

/** Top-level `page`/`page_size`, answered with `total_count` and `unit_infos`. */
export async function listUnits(ctx: IExecuteFunctions, i: number, call: PlatformCall, advertiserId: number, filter: IDataObject): Promise<IDataObject[]> {
	return numberedPages(ctx, i, PAGE_SIZE, async (page, size) => {
		const data = await jg(call, advertiserId, '/unit/list', { ...filter, page, page_size: size }, true);
		return { rows: ((data.unit_infos ?? []) as IDataObject[]).map(unitOut), total: Number(data.total_count ?? 0) };
	});
}

export const list: OperationModule = {
	token: 'user',
	description: [
		...paginationFields('unit', 'list'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show('unit', 'list'),
			options: [
				{ displayName: 'Campaign ID', name: 'campaign_id', type: 'string', default: '' },
				{ displayName: 'Created From', name: 'start_date', type: 'dateTime', default: '' },
				{ displayName: 'Created Until', name: 'end_date', type: 'dateTime', default: '' },
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: [
						{ name: 'Delivering (投放中)', value: 1 },
						{ name: 'Paused (暂停)', value: 2 },
					],
					default: 1,
				},
				{ displayName: 'Unit IDs', name: 'unit_ids', type: 'string', default: '', description: 'Comma-separated unit IDs' },
				{ displayName: 'Unit Name Contains', name: 'unit_name', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const filter: IDataObject = {};
		const [campaignId] = idList(this, i, f.campaign_id, 'Campaign ID');
		if (campaignId !== undefined) filter.campaign_id = campaignId;
		if (f.status !== undefined && f.status !== '') filter.status = Number(f.status);
		if (f.unit_name) filter.unit_name = String(f.unit_name);
		const start = toDay(this, i, f.start_date, 'Created From');
		const end = toDay(this, i, f.end_date, 'Created Until');
		if (start) filter.start_date = start;
		if (end) filter.end_date = end;
		const ids = idList(this, i, f.unit_ids, 'Unit IDs');
		if (!ids.length) return listUnits(this, i, call, advertiserId, filter);
		const all: IDataObject[] = [];
		for (const batch of chunk(ids, MAX_UNIT_IDS)) all.push(...(await listUnits(this, i, call, advertiserId, { ...filter, unit_ids: batch })));
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		return returnAll ? all : all.slice(0, Number(this.getNodeParameter('limit', i, 50)));
	},
};
