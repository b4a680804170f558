import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, READS } from '../common';
import { pageIdField } from './fields';

export const get: OperationModule = {
	token: READS,
	description: [blogIdField('page', 'get'), pageIdField('get')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const pageId = encodeURIComponent(String(this.getNodeParameter('pageId', i)).trim());
		return call({ method: 'GET', path: `${BLOGGER}/blogs/${blogId}/pages/${pageId}`, idempotent: true });
	},
};
