import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, show, WRITES } from '../common';

export const create: OperationModule = {
	token: WRITES,
	description: [
		blogIdField('page', 'create'),
		{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', displayOptions: show('page', 'create') },
		{
			displayName: 'Content (HTML)',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 6 },
			required: true,
			default: '',
			displayOptions: show('page', 'create'),
		},
		{
			displayName: 'Create As Draft',
			name: 'isDraft',
			type: 'boolean',
			default: false,
			description: 'Whether to save the page as a draft instead of publishing it',
			displayOptions: show('page', 'create'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		return call({
			method: 'POST',
			path: `${BLOGGER}/blogs/${blogId}/pages`,
			qs: { isDraft: this.getNodeParameter('isDraft', i, false) as boolean },
			body: { kind: 'blogger#page', title: this.getNodeParameter('title', i) as string, content: this.getNodeParameter('content', i) as string },
		});
	},
};
