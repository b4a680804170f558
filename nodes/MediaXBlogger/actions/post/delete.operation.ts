import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, postIdField, WRITES } from '../common';

export const deletePost: OperationModule = {
	token: WRITES,
	description: [blogIdField('post', 'delete'), postIdField('post', 'delete')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = blogIdOf(this.getNodeParameter('blogId', i));
		const postId = String(this.getNodeParameter('postId', i)).trim();
		await call({ method: 'DELETE', path: `${BLOGGER}/blogs/${encodeURIComponent(blogId)}/posts/${encodeURIComponent(postId)}` });
		return { blogId, postId, deleted: true };
	},
};
