import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { ACTION_NAMES, advertiserIdOf, batchedStatus, idList, jg, statusActionField } from '../common';

/** `/jg/unit/update/status` with `status` (bububa's spelling; the campaign and creative endpoints use `action_type`). */
export const changeStatus: OperationModule = {
	token: 'user',
	description: statusActionField('unit', 'unitIds', 'Unit IDs'),
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const ids = idList(this, i, this.getNodeParameter('unitIds', i), 'Unit IDs');
		if (!ids.length) throw new NodeOperationError(this.getNode(), 'Give at least one unit ID', { itemIndex: i });
		const action = Number(this.getNodeParameter('statusAction', i));
		const { changed, requests } = await batchedStatus(ids, (batch) => jg(call, advertiserId, '/unit/update/status', { unit_ids: batch, status: action }, false));
		return { advertiser_id: advertiserId, action: ACTION_NAMES[action], action_type: action, unit_ids: changed, requests };
	},
};
