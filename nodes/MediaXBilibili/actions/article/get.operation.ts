import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { invalid, payload } from '../common';
import { articleIdField } from './shared';

export const get: OperationModule = {
	token: 'user',
	description: [articleIdField(['get'])],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = String(this.getNodeParameter('articleId', i)).replace(/^cv/i, '').trim();
		if (!/^\d+$/.test(id)) throw invalid(this, i, 'Field "Article ID" must be a numeric article ID');
		return payload(await call({ method: 'GET', path: '/arcopen/fn/article/detail', qs: { id }, idempotent: true }));
	},
};
