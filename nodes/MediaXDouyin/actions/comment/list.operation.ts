import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { collectPages, paginationFields } from '../../../shared/node/pagination';
import { itemIdField, payload, show } from '../common';

const sortField = (operation: string) => ({
	displayName: 'Sort',
	name: 'sortType',
	type: 'options' as const,
	options: [
		{ name: 'Recommended', value: '' },
		{ name: 'Newest First', value: 'time' },
		{ name: 'Oldest First', value: 'time_asc' },
	],
	default: '',
	displayOptions: show('comment', operation),
});

/** Comments and replies share the cursor protocol; replies add comment_id and at most 20 per page. */
function commentLister(operation: 'list' | 'listReplies'): OperationModule {
	const replies = operation === 'listReplies';
	return {
		token: 'user',
		description: [
			itemIdField('comment', operation),
			...(replies
				? [
						{
							displayName: 'Comment ID',
							name: 'commentId',
							type: 'string' as const,
							required: true,
							default: '',
							description: 'The comment whose replies to list',
							displayOptions: show('comment', operation),
						},
					]
				: []),
			sortField(operation),
			...paginationFields('comment', operation),
		],
		async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
			const qs: IDataObject = { item_id: this.getNodeParameter('itemId', i) as string };
			if (replies) qs.comment_id = this.getNodeParameter('commentId', i) as string;
			const sortType = this.getNodeParameter('sortType', i, '') as string;
			if (sortType) qs.sort_type = sortType;
			return collectPages<IDataObject, number | string>(this, i, 0, async (cursor, wanted) => {
				const body = await call({
					method: 'GET',
					path: replies ? '/item/comment/reply/list/' : '/item/comment/list/',
					qs: { ...qs, cursor, count: Math.min(20, Math.max(1, wanted)) },
					identityInQuery: ['open_id'],
					idempotent: true,
				});
				const data = payload(body);
				const hasMore = data.has_more === true || data.has_more === 'true';
				return { items: (data.list ?? []) as IDataObject[], next: hasMore ? (data.cursor as number) : undefined };
			});
		},
	};
}

export const listComments = commentLister('list');
export const listReplies = commentLister('listReplies');
