import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, postIdField, show, WRITES } from '../common';
import { postExtras } from './body';
import { contentField, postBodyOptions, titleField } from './fields';

/** PUT: replaces the post. Title and content are required; labels not given are cleared. */
export const update: OperationModule = {
	token: WRITES,
	description: [
		{
			displayName: 'Update replaces the whole post: labels and metadata not given here are removed. Use Patch to change single fields.',
			name: 'updateNotice',
			type: 'notice',
			default: '',
			displayOptions: show('post', 'update'),
		},
		blogIdField('post', 'update'),
		postIdField('post', 'update'),
		titleField('update'),
		contentField('update'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('post', 'update'),
			options: postBodyOptions,
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const postId = String(this.getNodeParameter('postId', i)).trim();
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const body: IDataObject = {
			kind: 'blogger#post',
			id: postId,
			title: this.getNodeParameter('title', i) as string,
			content: this.getNodeParameter('content', i) as string,
			labels: [],
			...postExtras(options),
		};
		return call({ method: 'PUT', path: `${BLOGGER}/blogs/${blogId}/posts/${encodeURIComponent(postId)}`, body });
	},
};
