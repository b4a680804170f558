import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';

export const articleIdField = (operation: string): INodeProperties => ({
	displayName: 'Article ID',
	name: 'articleId',
	type: 'string',
	required: true,
	default: '',
	description: 'The article_id from Publication → Get Status or Publication → List',
	displayOptions: show('publication', operation),
});

export const getArticle: OperationModule = {
	token: 'app',
	description: [articleIdField('getArticle')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const articleId = this.getNodeParameter('articleId', i) as string;
		const reply = await call({ method: 'POST', path: '/cgi-bin/freepublish/getarticle', body: { article_id: articleId }, idempotent: true });
		return { article_id: articleId, news_item: reply.news_item ?? [] };
	},
};
