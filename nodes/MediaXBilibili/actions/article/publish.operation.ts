import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show } from '../common';
import { articleBody, articleForm, articleOptionalFields, categoryOption, templateOption } from './shared';

const on = show('article', 'publish');

export const publish: OperationModule = {
	token: 'user',
	description: [
		{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', description: 'At most 40 characters (30 or fewer advised)', displayOptions: on },
		{ ...categoryOption, required: true, displayOptions: on },
		{ ...templateOption, displayOptions: on },
		{
			displayName: 'Content (HTML)',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 8 },
			required: true,
			default: '',
			description: 'Article body in HTML: 200–40000 characters, or at least 3 images',
			displayOptions: on,
		},
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on, options: articleOptionalFields },
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const fields: IDataObject = {
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			title: this.getNodeParameter('title', i, ''),
			category: this.getNodeParameter('category', i, ''),
			template_id: this.getNodeParameter('template_id', i, 4),
			content: this.getNodeParameter('content', i, ''),
		};
		const body = articleBody(this, i, fields, true);
		// never resent: a second add would publish the article twice
		const form = articleForm(body);
		const reply = await call({ method: 'POST', path: '/arcopen/fn/article/add', body: form.body, headers: { 'content-type': form.contentType } });
		return { id: payload(reply).id, title: body.title, state: 'submitted for review' };
	},
};
