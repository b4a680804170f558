import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { collectPages, paginationFields } from '../../../shared/node/pagination';
import { payload } from '../common';

/** Douyin serves at most 20 videos per page. */
const PAGE_SIZE = 20;

export const list: OperationModule = {
	token: 'user',
	description: paginationFields('video', 'list'),
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		return collectPages<IDataObject, number | string>(this, i, 0, async (cursor, wanted) => {
			const body = await call({
				method: 'GET',
				path: '/api/douyin/v1/video/video_list/',
				qs: { cursor, count: Math.min(PAGE_SIZE, Math.max(1, wanted)) },
				identityInQuery: ['open_id'],
				idempotent: true,
			});
			const data = payload(body);
			const hasMore = data.has_more === true || data.has_more === 'true';
			return { items: (data.list ?? []) as IDataObject[], next: hasMore ? (data.cursor as number) : undefined };
		});
	},
};
