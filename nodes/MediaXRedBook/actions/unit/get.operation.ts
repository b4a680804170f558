import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, idList, jg } from '../common';
import { unitIdField, unitOut } from './shared';

/** The unit list filtered by ID (deleted units come back with unit_filter_state 1). */
export const get: OperationModule = {
	token: 'user',
	description: [unitIdField('get')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const [id] = idList(this, i, this.getNodeParameter('unitId', i), 'Unit ID');
		if (id === undefined) throw new NodeOperationError(this.getNode(), 'Unit ID is required', { itemIndex: i });
		const data = await jg(call, advertiserId, '/unit/list', { unit_ids: [id], page: 1, page_size: 1 }, true);
		const found = ((data.unit_infos ?? []) as IDataObject[]).find((u) => Number(u.unit_id) === id);
		if (!found) throw new NodeOperationError(this.getNode(), `Unit ${id} was not found under advertiser ${advertiserId}`, { itemIndex: i });
		return unitOut(found);
	},
};
