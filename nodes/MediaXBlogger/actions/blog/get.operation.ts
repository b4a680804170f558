import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdOf, READS, show } from '../common';

export const get: OperationModule = {
	token: READS,
	description: [
		{
			displayName: 'Find By',
			name: 'by',
			type: 'options',
			options: [
				{ name: 'ID', value: 'id' },
				{ name: 'URL', value: 'url', description: 'The blog\'s address, e.g. https://example.blogspot.com/' },
			],
			default: 'id',
			displayOptions: show('blog', 'get'),
		},
		{
			displayName: 'Blog ID',
			name: 'blogId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show('blog', 'get', { by: ['id'] }),
		},
		{
			displayName: 'Blog URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.blogspot.com/',
			displayOptions: show('blog', 'get', { by: ['url'] }),
		},
		{
			displayName: 'Max Posts',
			name: 'maxPosts',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Number of recent posts to include with the blog',
			displayOptions: show('blog', 'get'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const by = this.getNodeParameter('by', i) as string;
		const maxPosts = this.getNodeParameter('maxPosts', i, 0) as number;
		const qs: IDataObject = maxPosts ? { maxPosts } : {};
		if (by === 'url') return call({ method: 'GET', path: `${BLOGGER}/blogs/byurl`, qs: { ...qs, url: String(this.getNodeParameter('url', i)).trim() }, idempotent: true });
		return call({ method: 'GET', path: `${BLOGGER}/blogs/${encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)))}`, qs, idempotent: true });
	},
};
