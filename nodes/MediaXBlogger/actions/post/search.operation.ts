import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { collectPages } from '../../../shared/node/pagination';
import { BLOGGER, blogIdField, blogIdOf, paginationFields, READS, show } from '../common';
import { fetchBodiesOption, orderByOption } from './fields';

export const search: OperationModule = {
	token: READS,
	description: [
		blogIdField('post', 'search'),
		{
			displayName: 'Query',
			name: 'q',
			type: 'string',
			required: true,
			default: '',
			description: 'Words to find in live posts',
			displayOptions: show('post', 'search'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('post', 'search'),
			options: [fetchBodiesOption, orderByOption],
		},
		...paginationFields('post', 'search'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const qs: IDataObject = { q: this.getNodeParameter('q', i) as string };
		if (options.fetchBodies === false) qs.fetchBodies = false;
		if (options.orderBy) qs.orderBy = options.orderBy;
		// posts.search takes no maxResults: follow the page tokens
		return collectPages<IDataObject, string>(this, i, '', async (pageToken) => {
			const body = await call({ method: 'GET', path: `${BLOGGER}/blogs/${blogId}/posts/search`, qs: { ...qs, ...(pageToken ? { pageToken } : {}) }, idempotent: true });
			return { items: (body.items ?? []) as IDataObject[], next: (body.nextPageToken as string | undefined) || undefined };
		});
	},
};
