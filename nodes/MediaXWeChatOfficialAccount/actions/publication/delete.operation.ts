import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';
import { articleIdField } from './getArticle.operation';

export const deletePublication: OperationModule = {
	token: 'app',
	description: [
		articleIdField('delete'),
		{
			displayName: 'Article Index',
			name: 'index',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 8 },
			default: 0,
			description: 'Which article of the message to delete, counting from 1 (the first article is 1); 0 deletes every article of the message. Deletion cannot be undone.',
			displayOptions: show('publication', 'delete'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const articleId = this.getNodeParameter('articleId', i) as string;
		const index = Number(this.getNodeParameter('index', i, 0));
		await call({ method: 'POST', path: '/cgi-bin/freepublish/delete', body: { article_id: articleId, index } });
		return { article_id: articleId, index, deleted: index === 0 ? 'all' : index };
	},
};
