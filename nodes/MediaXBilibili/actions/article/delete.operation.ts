import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { invalid, show, splitList } from '../common';

export const deleteArticle: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Article IDs',
			name: 'articleIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: '5000001,5000002',
			description: 'One article ID or a comma-separated list',
			displayOptions: show('article', 'delete'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const ids = splitList(this.getNodeParameter('articleIds', i)).map((s) => s.replace(/^cv/i, ''));
		if (!ids.length || ids.some((s) => !/^\d+$/.test(s))) throw invalid(this, i, 'Field "Article IDs" must hold numeric article IDs, separated by commas');
		await call({ method: 'POST', path: '/arcopen/fn/article/delete', body: { id: ids.join(',') } });
		return ids.map((id) => ({ id: Number(id), deleted: true }));
	},
};
