import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { collectPages, paginationFields } from '../../../shared/node/pagination';
import { pageSize, payload, show } from '../common';

/** viewlist serves at most 50 archives per page */
const PAGE_SIZE = 50;

export const list: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'In Review (发布中)', value: 'is_pubing' },
				{ name: 'Published (已发布)', value: 'pubed' },
				{ name: 'Not Published (未发布)', value: 'not_pubed', description: 'Rejected or locked' },
			],
			default: 'all',
			displayOptions: show('video', 'list'),
		},
		...paginationFields('video', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const status = this.getNodeParameter('status', i, 'all') as string;
		const ps = pageSize(this, i, PAGE_SIZE);
		return collectPages<IDataObject, number>(this, i, 1, async (pn) => {
			const data = payload(await call({ method: 'GET', path: '/arcopen/fn/archive/viewlist', qs: { pn, ps, status }, idempotent: true }));
			const items = (data.list ?? []) as IDataObject[];
			const total = Number((data.page as IDataObject | undefined)?.total ?? 0);
			return { items, next: pn * ps < total && items.length === ps ? pn + 1 : undefined };
		});
	},
};
