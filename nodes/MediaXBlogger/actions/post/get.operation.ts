import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, READS, show } from '../common';

export const get: OperationModule = {
	token: READS,
	description: [
		blogIdField('post', 'get'),
		{
			displayName: 'Find By',
			name: 'by',
			type: 'options',
			options: [
				{ name: 'ID', value: 'id' },
				{ name: 'Path', value: 'path', description: 'The post\'s path, e.g. /2025/01/my-post.html' },
			],
			default: 'id',
			displayOptions: show('post', 'get'),
		},
		{
			displayName: 'Post ID',
			name: 'postId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show('post', 'get', { by: ['id'] }),
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			required: true,
			default: '',
			placeholder: '/2025/01/my-post.html',
			description: 'The part of the post URL after the blog address (a full URL works too)',
			displayOptions: show('post', 'get', { by: ['path'] }),
		},
		{
			displayName: 'Max Comments',
			name: 'maxComments',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Number of comments to include with the post',
			displayOptions: show('post', 'get'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const maxComments = this.getNodeParameter('maxComments', i, 0) as number;
		const qs: IDataObject = maxComments ? { maxComments } : {};
		if (this.getNodeParameter('by', i) === 'path') {
			const raw = String(this.getNodeParameter('path', i)).trim();
			const path = /^https?:\/\//.test(raw) ? new URL(raw).pathname : raw.startsWith('/') ? raw : `/${raw}`;
			return call({ method: 'GET', path: `${BLOGGER}/blogs/${blogId}/posts/bypath`, qs: { ...qs, path }, idempotent: true });
		}
		const postId = encodeURIComponent(String(this.getNodeParameter('postId', i)).trim());
		return call({ method: 'GET', path: `${BLOGGER}/blogs/${blogId}/posts/${postId}`, qs, idempotent: true });
	},
};
