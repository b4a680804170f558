import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, rfc3339, show, WRITES } from '../common';
import { postExtras } from './body';
import { contentField, postBodyOptions, titleField } from './fields';

export const create: OperationModule = {
	token: WRITES,
	description: [
		blogIdField('post', 'create'),
		titleField('create'),
		contentField('create'),
		{
			displayName: 'Create As',
			name: 'createAs',
			type: 'options',
			options: [
				{ name: 'Draft', value: 'draft', description: 'Saved, not visible to readers; publish later with Post → Publish' },
				{ name: 'Published', value: 'published', description: 'Live now, or scheduled when Publish Date is in the future' },
			],
			default: 'draft',
			displayOptions: show('post', 'create'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('post', 'create'),
			options: [
				...postBodyOptions,
				{ displayName: 'Publish Date', name: 'publishDate', type: 'dateTime', default: '', description: 'The post\'s date; in the future with "Published" it is scheduled' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const body: IDataObject = {
			kind: 'blogger#post',
			title: this.getNodeParameter('title', i) as string,
			content: this.getNodeParameter('content', i) as string,
			...postExtras(options),
		};
		const published = rfc3339(options.publishDate);
		if (published) body.published = published;
		const isDraft = this.getNodeParameter('createAs', i, 'draft') === 'draft';
		return call({ method: 'POST', path: `${BLOGGER}/blogs/${blogId}/posts`, qs: { isDraft }, body });
	},
};
