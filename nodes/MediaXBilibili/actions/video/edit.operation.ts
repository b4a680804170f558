import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { invalid, payload, show } from '../common';
import { readEditFields, resourceIdField } from './shared';

export const edit: OperationModule = {
	token: 'user',
	description: [
		resourceIdField(['edit']),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show('video', 'edit'),
			options: [
				{ displayName: 'Cover URL', name: 'cover', type: 'string', default: '', description: 'A URL returned by Video → Upload Cover' },
				{ displayName: 'Description', name: 'desc', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Under 250 characters' },
				{ displayName: 'Forbid Reprints', name: 'no_reprint', type: 'boolean', default: false, description: 'Whether to mark the video as not to be reprinted' },
				{
					displayName: 'Partition Name or ID',
					name: 'tid',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getPartitions' },
					default: '',
					description: 'The sub-partition. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{ displayName: 'Tags', name: 'tag', type: 'string', default: '', description: 'Comma-separated; under 200 characters in total' },
				{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Under 80 characters' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const resourceId = String(this.getNodeParameter('resourceId', i)).trim();
		const fields = readEditFields(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(fields).length) throw invalid(this, i, 'Add at least one field under "Update Fields"');
		// an edit sends the archive back to review; never resent automatically
		const reply = await call({ method: 'POST', path: '/arcopen/fn/archive/edit', body: { resource_id: resourceId, ...fields } });
		return { resource_id: payload(reply).resource_id ?? resourceId, updated: Object.keys(fields), state: 'back in review' };
	},
};
