import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, idList, jg, show } from '../common';
import { creativeIdField, trackingOptions, urlList } from './shared';

export const update: OperationModule = {
	token: 'user',
	description: [
		creativeIdField('update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show('creative', 'update'),
			options: [{ displayName: 'Creative Name', name: 'creativity_name', type: 'string', default: '' }, ...trackingOptions],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const [id] = idList(this, i, this.getNodeParameter('creativeId', i), 'Creative ID');
		if (id === undefined) throw new NodeOperationError(this.getNode(), 'Creative ID is required', { itemIndex: i });
		const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = { creativity_id: id };
		if (f.creativity_name !== undefined) {
			const name = String(f.creativity_name).trim();
			if (!name || [...name].length > 50) throw new NodeOperationError(this.getNode(), 'Creative Name must have 1–50 characters', { itemIndex: i });
			body.creativity_name = name;
		}
		const click = urlList(this, i, f.click_urls, 'Click Tracking URLs');
		const expo = urlList(this, i, f.expo_urls, 'Impression Tracking URLs');
		if (click) body.click_urls = click;
		if (expo) body.expo_urls = expo;
		if (Object.keys(body).length === 1) throw new NodeOperationError(this.getNode(), 'Add at least one field to update', { itemIndex: i });
		const data = await jg(call, advertiserId, '/creativity/update', body, false);
		return { ...body, creativity_id: data.creativity_id ?? id, advertiser_id: advertiserId, updated: true };
	},
};
