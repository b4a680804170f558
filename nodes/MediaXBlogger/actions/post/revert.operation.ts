import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, postIdField, WRITES } from '../common';

export const revert: OperationModule = {
	token: WRITES,
	description: [blogIdField('post', 'revert'), postIdField('post', 'revert', 'The live or scheduled post to turn back into a draft')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const postId = encodeURIComponent(String(this.getNodeParameter('postId', i)).trim());
		return call({ method: 'POST', path: `${BLOGGER}/blogs/${blogId}/posts/${postId}/revert` });
	},
};
