import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, postIdField, show, WRITES } from '../common';

const commentFields = (operation: string): INodeProperties[] => [
	blogIdField('comment', operation),
	postIdField('comment', operation, 'The post the comment belongs to'),
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		required: true,
		default: '',
		description: 'As returned by Comment → List',
		displayOptions: show('comment', operation),
	},
];

/** approve / spam / removecontent (POST …/comments/{id}/<action>) and delete (DELETE …/comments/{id}) */
export function moderation(operation: string, action: 'approve' | 'spam' | 'removecontent' | 'delete'): OperationModule {
	return {
		token: WRITES,
		description: commentFields(operation),
		async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
			const blogId = blogIdOf(this.getNodeParameter('blogId', i));
			const postId = String(this.getNodeParameter('postId', i)).trim();
			const commentId = String(this.getNodeParameter('commentId', i)).trim();
			const path = `${BLOGGER}/blogs/${encodeURIComponent(blogId)}/posts/${encodeURIComponent(postId)}/comments/${encodeURIComponent(commentId)}`;
			if (action === 'delete') {
				await call({ method: 'DELETE', path });
				return { blogId, postId, commentId, deleted: true };
			}
			return call({ method: 'POST', path: `${path}/${action}` });
		},
	};
}
