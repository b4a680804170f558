import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { ACTION_NAMES, advertiserIdOf, batchedStatus, idList, jg, statusActionField } from '../common';

export const changeStatus: OperationModule = {
	token: 'user',
	description: statusActionField('campaign', 'campaignIds', 'Campaign IDs'),
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const ids = idList(this, i, this.getNodeParameter('campaignIds', i), 'Campaign IDs');
		if (!ids.length) throw new NodeOperationError(this.getNode(), 'Give at least one campaign ID', { itemIndex: i });
		const action = Number(this.getNodeParameter('statusAction', i));
		const { changed, requests } = await batchedStatus(ids, (batch) => jg(call, advertiserId, '/campaign/status/update', { campaign_ids: batch, action_type: action }, false));
		return { advertiser_id: advertiserId, action: ACTION_NAMES[action], action_type: action, campaign_ids: changed, requests };
	},
};
