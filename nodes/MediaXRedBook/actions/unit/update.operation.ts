import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, budgetFen, idList, jg, jsonField, show, withYuan } from '../common';
import { BID_MAX_YUAN, BID_MIN_YUAN, keywordsHint, targetConfigHint, unitIdField } from './shared';

export const update: OperationModule = {
	token: 'user',
	description: [
		unitIdField('update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show('unit', 'update'),
			options: [
				{ displayName: 'Bid (Yuan)', name: 'event_bid', type: 'number', typeOptions: { minValue: BID_MIN_YUAN, maxValue: BID_MAX_YUAN, numberPrecision: 2 }, default: 1, description: 'Sent to JuGuang in fen' },
				{ displayName: 'Keywords With Bid (JSON)', name: 'keyword_with_bid', type: 'json', default: '[]', description: keywordsHint },
				{ displayName: 'Targeting (JSON)', name: 'target_config', type: 'json', default: '{}', description: targetConfigHint },
				{ displayName: 'Unit Name', name: 'unit_name', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const [id] = idList(this, i, this.getNodeParameter('unitId', i), 'Unit ID');
		if (id === undefined) throw new NodeOperationError(this.getNode(), 'Unit ID is required', { itemIndex: i });
		const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = { unit_id: id };
		if (f.unit_name !== undefined) {
			const name = String(f.unit_name).trim();
			if (!name || [...name].length > 50) throw new NodeOperationError(this.getNode(), 'Unit Name must have 1–50 characters', { itemIndex: i });
			body.unit_name = name;
		}
		if (f.event_bid !== undefined) body.event_bid = budgetFen(this, i, Number(f.event_bid), 'Bid', BID_MIN_YUAN, BID_MAX_YUAN);
		const target = jsonField(this, i, f.target_config, 'Targeting', 'object');
		const keywords = jsonField(this, i, f.keyword_with_bid, 'Keywords With Bid', 'array');
		if (target) body.target_config = target;
		if (keywords) body.keyword_with_bid = keywords;
		if (Object.keys(body).length === 1) throw new NodeOperationError(this.getNode(), 'Add at least one field to update', { itemIndex: i });
		const data = await jg(call, advertiserId, '/unit/update', body, false);
		return withYuan({ ...body, unit_id: data.unit_id ?? id, advertiser_id: advertiserId, updated: true }, ['event_bid']);
	},
};
