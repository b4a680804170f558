import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';
import { articleFields, articleFromFields, articleInputField, articlesFromJson } from './article';

export const create: OperationModule = {
	token: 'app',
	description: [
		articleInputField('create'),
		{
			displayName: 'Articles',
			name: 'articles',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Article',
			default: {},
			description: 'One to eight articles; the first is the headline of the message',
			displayOptions: show('draft', 'create', { articlesInput: ['fields'] }),
			options: [{ displayName: 'Article', name: 'article', values: articleFields }],
		},
		{
			displayName: 'Articles (JSON)',
			name: 'articlesJson',
			type: 'json',
			default: '[\n  {\n    "title": "",\n    "content": "",\n    "thumb_media_id": ""\n  }\n]',
			description: 'An array of 1–8 article objects with WeChat\'s field names (title, author, digest, content, thumb_media_id, content_source_url, need_open_comment, only_fans_can_comment, …)',
			displayOptions: show('draft', 'create', { articlesInput: ['json'] }),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const mode = this.getNodeParameter('articlesInput', i, 'fields') as string;
		let articles: IDataObject[];
		if (mode === 'json') {
			articles = articlesFromJson(this, i, this.getNodeParameter('articlesJson', i), 'Articles (JSON)');
		} else {
			const rows = ((this.getNodeParameter('articles', i, {}) as IDataObject).article ?? []) as IDataObject[];
			articles = rows.map((row, n) => articleFromFields(this, i, row, `Article ${n + 1}`));
		}
		if (articles.length < 1 || articles.length > 8) {
			throw new NodeOperationError(this.getNode(), `A draft holds 1 to 8 articles, got ${articles.length}`, { itemIndex: i });
		}
		const reply = await call({ method: 'POST', path: '/cgi-bin/draft/add', body: { articles } });
		return { media_id: reply.media_id, article_count: articles.length };
	},
};
