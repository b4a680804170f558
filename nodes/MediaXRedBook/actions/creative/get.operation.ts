import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, idList, jg } from '../common';
import { creativeIdField } from './shared';

/** The creative search filtered by ID: not deleted first, then deleted. */
export const get: OperationModule = {
	token: 'user',
	description: [creativeIdField('get')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const [id] = idList(this, i, this.getNodeParameter('creativeId', i), 'Creative ID');
		if (id === undefined) throw new NodeOperationError(this.getNode(), 'Creative ID is required', { itemIndex: i });
		for (const status of [2, 1]) {
			const data = await jg(call, advertiserId, '/creativity/search', { creative_ids: [id], status, page: { page_index: 1, page_size: 1 } }, true);
			const found = ((data.creativity_dtos ?? []) as IDataObject[]).find((c) => Number(c.creativity_id) === id);
			if (found) return found;
		}
		throw new NodeOperationError(this.getNode(), `Creative ${id} was not found under advertiser ${advertiserId}`, { itemIndex: i });
	},
};
