import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, idList, jg } from '../common';
import { campaignIdField, campaignOut } from './shared';

/** JuGuang has no single-campaign read: the list filtered by ID, deleted campaigns included. */
export const get: OperationModule = {
	token: 'user',
	description: [campaignIdField('get')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const [id] = idList(this, i, this.getNodeParameter('campaignId', i), 'Campaign ID');
		if (id === undefined) throw new NodeOperationError(this.getNode(), 'Campaign ID is required', { itemIndex: i });
		// 6: all not deleted, then 3: deleted
		for (const status of [6, 3]) {
			const data = await jg(call, advertiserId, '/campaign/list', { campaign_ids: [id], status, page: { page_index: 1, page_size: 1 } }, true);
			const found = ((data.base_campaign_dtos ?? []) as IDataObject[]).find((c) => Number(c.campaign_id) === id);
			if (found) return campaignOut(found);
		}
		throw new NodeOperationError(this.getNode(), `Campaign ${id} was not found under advertiser ${advertiserId}`, { itemIndex: i });
	},
};
