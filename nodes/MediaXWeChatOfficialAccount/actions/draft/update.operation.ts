import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';
import { articleFields, articleFromFields, articleInputField, articlesFromJson } from './article';
import { draftIdField } from './get.operation';

export const update: OperationModule = {
	token: 'app',
	description: [
		draftIdField('update'),
		{
			displayName: 'Article Index',
			name: 'index',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Position of the article to replace, counting from 0 (the first article is 0)',
			displayOptions: show('draft', 'update'),
		},
		articleInputField('update'),
		{
			displayName: 'Article',
			name: 'article',
			type: 'fixedCollection',
			placeholder: 'Set Article',
			default: {},
			description: 'The new article; it replaces the old one entirely, so fill in every field to keep',
			displayOptions: show('draft', 'update', { articlesInput: ['fields'] }),
			options: [{ displayName: 'Article', name: 'values', values: articleFields }],
		},
		{
			displayName: 'Article (JSON)',
			name: 'articleJson',
			type: 'json',
			default: '{\n  "title": "",\n  "content": "",\n  "thumb_media_id": ""\n}',
			description: 'One article object with WeChat\'s field names; it replaces the old article entirely',
			displayOptions: show('draft', 'update', { articlesInput: ['json'] }),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const mediaId = this.getNodeParameter('mediaId', i) as string;
		const index = Number(this.getNodeParameter('index', i, 0));
		const mode = this.getNodeParameter('articlesInput', i, 'fields') as string;
		let article: IDataObject;
		if (mode === 'json') {
			const list = articlesFromJson(this, i, this.getNodeParameter('articleJson', i), 'Article (JSON)');
			if (list.length !== 1) throw new NodeOperationError(this.getNode(), 'Field "Article (JSON)" must hold exactly one article object', { itemIndex: i });
			article = list[0];
		} else {
			const values = (this.getNodeParameter('article', i, {}) as IDataObject).values as IDataObject | undefined;
			article = articleFromFields(this, i, values ?? {}, 'The article');
		}
		await call({ method: 'POST', path: '/cgi-bin/draft/update', body: { media_id: mediaId, index, articles: article } });
		return { media_id: mediaId, index, updated: true };
	},
};
