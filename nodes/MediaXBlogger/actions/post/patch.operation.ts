import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, postIdField, show, WRITES } from '../common';
import { postExtras } from './body';
import { postBodyOptions } from './fields';

/** PATCH: changes only the fields given. */
export const patch: OperationModule = {
	token: WRITES,
	description: [
		blogIdField('post', 'patch'),
		postIdField('post', 'patch'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only these change',
			displayOptions: show('post', 'patch'),
			options: [
				{ displayName: 'Content (HTML)', name: 'content', type: 'string', typeOptions: { rows: 6 }, default: '' },
				...postBodyOptions,
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const postId = String(this.getNodeParameter('postId', i)).trim();
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = { ...postExtras(fields) };
		if (fields.title !== undefined) body.title = fields.title;
		if (fields.content !== undefined) body.content = fields.content;
		if (!Object.keys(body).length) throw new NodeOperationError(this.getNode(), 'Nothing to change: add at least one field under Update Fields', { itemIndex: i });
		return call({ method: 'PATCH', path: `${BLOGGER}/blogs/${blogId}/posts/${encodeURIComponent(postId)}`, body });
	},
};
