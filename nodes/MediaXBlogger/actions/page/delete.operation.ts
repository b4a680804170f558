import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, WRITES } from '../common';
import { pageIdField } from './fields';

export const deletePage: OperationModule = {
	token: WRITES,
	description: [blogIdField('page', 'delete'), pageIdField('delete')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = blogIdOf(this.getNodeParameter('blogId', i));
		const pageId = String(this.getNodeParameter('pageId', i)).trim();
		await call({ method: 'DELETE', path: `${BLOGGER}/blogs/${encodeURIComponent(blogId)}/pages/${encodeURIComponent(pageId)}` });
		return { blogId, pageId, deleted: true };
	},
};
