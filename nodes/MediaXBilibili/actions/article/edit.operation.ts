import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { invalid, payload, show } from '../common';
import { articleBody, articleIdField, articleOptionalFields, categoryOption, templateOption } from './shared';

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
		const body = articleBody(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject, false);
		if (!Object.keys(body).length) throw invalid(this, i, 'Add at least one field under "Update Fields"');
		const reply = await call({ method: 'POST', path: '/arcopen/fn/article/edit', body: { id, ...body } });
		return { id: payload(reply).id ?? id, updated: Object.keys(body), state: 'back in review' };
	},
};
