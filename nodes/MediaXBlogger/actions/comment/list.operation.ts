import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, listPages, paginationFields, READS, rfc3339, show } from '../common';

export const list: OperationModule = {
	token: READS,
	description: [
		blogIdField('comment', 'list'),
		{
			displayName: 'Post ID',
			name: 'postId',
			type: 'string',
			default: '',
			description: 'Only this post\'s comments; empty: comments on the whole blog',
			displayOptions: show('comment', 'list'),
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Emptied (Content Removed)', value: 'EMPTIED' },
				{ name: 'Live', value: 'LIVE' },
				{ name: 'Pending (Awaiting Moderation)', value: 'PENDING' },
				{ name: 'Spam', value: 'SPAM' },
			],
			default: 'LIVE',
			description: 'Non-live comments are visible to the blog\'s admins only',
			displayOptions: show('comment', 'list'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('comment', 'list'),
			options: [
				{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '' },
				{ displayName: 'Include Content', name: 'fetchBodies', type: 'boolean', default: true, description: 'Whether to include the comment text' },
				{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '' },
			],
		},
		...paginationFields('comment', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const postId = String(this.getNodeParameter('postId', i, '')).trim();
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const qs: IDataObject = { status: this.getNodeParameter('status', i, 'LIVE') as string };
		if (options.fetchBodies === false) qs.fetchBodies = false;
		if (options.startDate) qs.startDate = rfc3339(options.startDate);
		if (options.endDate) qs.endDate = rfc3339(options.endDate);
		const path = postId ? `${BLOGGER}/blogs/${blogId}/posts/${encodeURIComponent(postId)}/comments` : `${BLOGGER}/blogs/${blogId}/comments`;
		return listPages(this, i, call, { method: 'GET', path, qs });
	},
};
