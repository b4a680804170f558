import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, listPages, paginationFields, READS, show } from '../common';

export const list: OperationModule = {
	token: READS,
	description: [
		blogIdField('page', 'list'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Draft', value: 'DRAFT' },
				{ name: 'Live', value: 'LIVE' },
			],
			default: 'LIVE',
			displayOptions: show('page', 'list'),
		},
		{
			displayName: 'Include Content',
			name: 'fetchBodies',
			type: 'boolean',
			default: true,
			description: 'Whether to include each page\'s HTML content',
			displayOptions: show('page', 'list'),
		},
		...paginationFields('page', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const qs: IDataObject = { status: this.getNodeParameter('status', i, 'LIVE') as string };
		if (this.getNodeParameter('fetchBodies', i, true) === false) qs.fetchBodies = false;
		return listPages(this, i, call, { method: 'GET', path: `${BLOGGER}/blogs/${blogId}/pages`, qs });
	},
};
