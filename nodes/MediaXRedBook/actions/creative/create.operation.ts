import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, idList, jg, show } from '../common';
import { trackingOptions, urlList } from './shared';

const s = show('creative', 'create');

/** A note creative (笔记创意): a note promoted in a unit. */
export const create: OperationModule = {
	token: 'user',
	description: [
		{ displayName: 'Unit ID', name: 'unitId', type: 'string', required: true, default: '', description: 'The unit the creative belongs to', displayOptions: s },
		{ displayName: 'Note ID', name: 'noteId', type: 'string', required: true, default: '', description: 'The note to promote, as listed by Note → List', displayOptions: s },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: s,
			options: [{ displayName: 'Creative Name', name: 'creativity_name', type: 'string', default: '', description: 'Up to 50 characters' }, ...trackingOptions],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const [unitId] = idList(this, i, this.getNodeParameter('unitId', i), 'Unit ID');
		if (unitId === undefined) throw new NodeOperationError(this.getNode(), 'Unit ID is required', { itemIndex: i });
		const noteId = String(this.getNodeParameter('noteId', i)).trim();
		if (!noteId) throw new NodeOperationError(this.getNode(), 'Note ID is required', { itemIndex: i });
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = { unit_id: unitId, note_id: noteId };
		if (extra.creativity_name) body.creativity_name = String(extra.creativity_name);
		const click = urlList(this, i, extra.click_urls, 'Click Tracking URLs');
		const expo = urlList(this, i, extra.expo_urls, 'Impression Tracking URLs');
		if (click) body.click_urls = click;
		if (expo) body.expo_urls = expo;
		const data = await jg(call, advertiserId, '/creativity/create', body, false);
		return { creativity_id: data.creativity_id, advertiser_id: advertiserId, ...body };
	},
};
