import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, postIdField, rfc3339, show, WRITES } from '../common';

export const publish: OperationModule = {
	token: WRITES,
	description: [
		blogIdField('post', 'publish'),
		postIdField('post', 'publish', 'The draft (or scheduled) post to publish'),
		{
			displayName: 'Publish Date',
			name: 'publishDate',
			type: 'dateTime',
			default: '',
			description: 'Empty: publish now. In the future: the post is scheduled and goes live then.',
			displayOptions: show('post', 'publish'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const postId = encodeURIComponent(String(this.getNodeParameter('postId', i)).trim());
		const publishDate = rfc3339(this.getNodeParameter('publishDate', i, ''));
		return call({ method: 'POST', path: `${BLOGGER}/blogs/${blogId}/posts/${postId}/publish`, qs: publishDate ? { publishDate } : {} });
	},
};
