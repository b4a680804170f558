import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, blogIdField, blogIdOf, show, WRITES } from '../common';
import { pageIdField } from './fields';

/** PATCH: changes the given fields; optionally publishes or reverts the page in the same call. */
export const update: OperationModule = {
	token: WRITES,
	description: [
		blogIdField('page', 'update'),
		pageIdField('update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show('page', 'update'),
			options: [
				{ displayName: 'Content (HTML)', name: 'content', type: 'string', typeOptions: { rows: 6 }, default: '' },
				{
					displayName: 'Status Change',
					name: 'statusChange',
					type: 'options',
					options: [
						{ name: 'Publish', value: 'publish' },
						{ name: 'Revert to Draft', value: 'revert' },
					],
					default: 'publish',
				},
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const blogId = encodeURIComponent(blogIdOf(this.getNodeParameter('blogId', i)));
		const pageId = encodeURIComponent(String(this.getNodeParameter('pageId', i)).trim());
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.title !== undefined) body.title = fields.title;
		if (fields.content !== undefined) body.content = fields.content;
		const qs: IDataObject = fields.statusChange ? { [String(fields.statusChange)]: true } : {};
		if (!Object.keys(body).length && !Object.keys(qs).length) throw new NodeOperationError(this.getNode(), 'Nothing to change: add at least one field under Update Fields', { itemIndex: i });
		return call({ method: 'PATCH', path: `${BLOGGER}/blogs/${blogId}/pages/${pageId}`, qs, body });
	},
};
