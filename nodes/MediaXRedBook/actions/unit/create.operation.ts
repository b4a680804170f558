import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, budgetFen, idList, jg, jsonField, show, withYuan } from '../common';
import { BID_MAX_YUAN, BID_MIN_YUAN, keywordsHint, targetConfigHint } from './shared';

const s = show('unit', 'create');

export const create: OperationModule = {
	token: 'user',
	description: [
		{ displayName: 'Campaign ID', name: 'campaignId', type: 'string', required: true, default: '', description: 'The campaign the unit belongs to', displayOptions: s },
		{ displayName: 'Unit Name', name: 'unitName', type: 'string', required: true, default: '', description: 'Up to 50 characters', displayOptions: s },
		{
			displayName: 'Bid (Yuan)',
			name: 'eventBid',
			type: 'number',
			typeOptions: { minValue: BID_MIN_YUAN, maxValue: BID_MAX_YUAN, numberPrecision: 2 },
			default: 1,
			description: 'Bid per event in yuan (元); sent to JuGuang in fen',
			displayOptions: s,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: s,
			options: [
				{ displayName: 'Keywords With Bid (JSON)', name: 'keyword_with_bid', type: 'json', default: '[]', description: keywordsHint },
				{ displayName: 'Targeting (JSON)', name: 'target_config', type: 'json', default: '{}', description: targetConfigHint },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const [campaignId] = idList(this, i, this.getNodeParameter('campaignId', i), 'Campaign ID');
		if (campaignId === undefined) throw new NodeOperationError(this.getNode(), 'Campaign ID is required', { itemIndex: i });
		const name = String(this.getNodeParameter('unitName', i)).trim();
		if (!name || [...name].length > 50) throw new NodeOperationError(this.getNode(), 'Unit Name must have 1–50 characters', { itemIndex: i });
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = {
			campaign_id: campaignId,
			unit_name: name,
			event_bid: budgetFen(this, i, Number(this.getNodeParameter('eventBid', i)), 'Bid', BID_MIN_YUAN, BID_MAX_YUAN),
		};
		const target = jsonField(this, i, extra.target_config, 'Targeting', 'object');
		const keywords = jsonField(this, i, extra.keyword_with_bid, 'Keywords With Bid', 'array');
		if (target) body.target_config = target;
		if (keywords) body.keyword_with_bid = keywords;
		const data = await jg(call, advertiserId, '/unit/create', body, false);
		return withYuan({ unit_id: data.unit_id, advertiser_id: advertiserId, ...body }, ['event_bid']);
	},
};
