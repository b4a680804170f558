import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, listPages, paginationFields, READS, rfc3339, show, splitLabels } from '../common';
import { fetchBodiesOption, orderByOption } from './fields';

export const list: OperationModule = {
	token: READS,
	description: [
		blogIdField('post', 'list'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Draft', value: 'DRAFT' },
				{ name: 'Live', value: 'LIVE' },
				{ name: 'Scheduled', value: 'SCHEDULED' },
			],
			default: 'LIVE',
			description: 'Drafts and scheduled posts are visible to the blog\'s authors only (not with the API key)',
			displayOptions: show('post', 'list'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('post', 'list'),
			options: [
				{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', description: 'Only posts published before this time' },
				fetchBodiesOption,
				{ displayName: 'Labels', name: 'labels', type: 'string', default: '', description: 'Comma-separated; a post must carry all of them' },
				orderByOption,
				{
					displayName: 'Sort',
					name: 'sortOption',
					type: 'options',
					options: [
						{ name: 'Newest First', value: 'DESCENDING' },
						{ name: 'Oldest First', value: 'ASCENDING' },
					],
					default: 'DESCENDING',
				},
				{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: 'Only posts published at or after this time' },
			],
		},
		...paginationFields('post', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = blogIdOf(this.getNodeParameter('blogId', i));
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const qs: IDataObject = { status: this.getNodeParameter('status', i, 'LIVE') as string };
		const labels = splitLabels(options.labels);
		if (labels.length) qs.labels = labels.join(',');
		if (options.fetchBodies === false) qs.fetchBodies = false;
		if (options.orderBy) qs.orderBy = options.orderBy;
		if (options.sortOption) qs.sortOption = options.sortOption;
		if (options.startDate) qs.startDate = rfc3339(options.startDate);
		if (options.endDate) qs.endDate = rfc3339(options.endDate);
		return listPages(this, i, call, { method: 'GET', path: `${BLOGGER}/blogs/${encodeURIComponent(blogId)}/posts`, qs });
	},
};
