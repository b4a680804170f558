import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { collectPages, paginationFields } from '../../../shared/node/pagination';
import { pageSize, payload, show } from '../common';

const PAGE_SIZE = 50;

export const list: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Review State',
			name: 'group',
			type: 'options',
			options: [
				{ name: 'All', value: 0 },
				{ name: 'In Review', value: 1 },
				{ name: 'Approved', value: 2 },
				{ name: 'Rejected', value: 3 },
			],
			default: 0,
			displayOptions: show('article', 'list'),
		},
		...paginationFields('article', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const group = Number(this.getNodeParameter('group', i, 0));
		const ps = pageSize(this, i, PAGE_SIZE);
		return collectPages<IDataObject, number>(this, i, 1, async (pn) => {
			const data = payload(await call({ method: 'GET', path: '/arcopen/fn/article/list', qs: { pn, ps, group, sort: 1 }, idempotent: true }));
			const items = (data.list ?? []) as IDataObject[];
			const total = Number((data.page as IDataObject | undefined)?.total ?? 0);
			return { items, next: pn * ps < total && items.length === ps ? pn + 1 : undefined };
		});
	},
};
