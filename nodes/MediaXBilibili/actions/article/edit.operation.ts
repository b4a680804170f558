import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { invalid, payload, show } from '../common';
import { articleBody, articleForm, articleIdField, articleOptionalFields, categoryOption, currentArticleFields, templateOption } from './shared';

export const edit: OperationModule = {
	token: 'user',
	description: [
		articleIdField(['edit']),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show('article', 'edit'),
			options: ([
				...articleOptionalFields,
				categoryOption,
				{ displayName: 'Content (HTML)', name: 'content', type: 'string', typeOptions: { rows: 8 }, default: '', description: '200–40000 characters, or at least 3 images' },
				templateOption,
				{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'At most 40 characters' },
			] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = Number(String(this.getNodeParameter('articleId', i)).replace(/^cv/i, '').trim());
		if (!Number.isInteger(id) || id <= 0) throw invalid(this, i, 'Field "Article ID" must be a numeric article ID');
		const updates = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const changed = articleBody(this, i, updates, false);
		if (!Object.keys(changed).length) throw invalid(this, i, 'Add at least one field under "Update Fields"');
		// 文章编辑 takes every field, unchanged ones with their current values, read first as its page advises
		const current = payload(await call({ method: 'GET', path: '/arcopen/fn/article/detail', qs: { id }, idempotent: true }));
		const body = articleBody(this, i, { ...currentArticleFields(current), ...updates }, true);
		const form = articleForm({ id, ...body });
		const reply = await call({ method: 'POST', path: '/arcopen/fn/article/edit', body: form.body, headers: { 'content-type': form.contentType } });
		return { id: payload(reply).id ?? id, updated: Object.keys(changed), state: 'back in review' };
	},
};
