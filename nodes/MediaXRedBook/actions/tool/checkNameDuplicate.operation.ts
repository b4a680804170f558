import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, jg, show } from '../common';

const s = show('tool', 'checkNameDuplicate');

export const checkNameDuplicate: OperationModule = {
	token: 'user',
	description: [
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', displayOptions: s },
		{
			displayName: 'Name Of',
			name: 'nameType',
			type: 'options',
			options: [
				{ name: 'Campaign', value: 1 },
				{ name: 'Creative', value: 3 },
				{ name: 'Unit', value: 2 },
			],
			default: 1,
			displayOptions: s,
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const name = String(this.getNodeParameter('name', i) ?? '').trim();
		if (!name) throw new NodeOperationError(this.getNode(), 'Name is required', { itemIndex: i });
		const nameType = Number(this.getNodeParameter('nameType', i, 1));
		const data = await jg(call, advertiserId, '/data/check/name/dup', { name, name_type: nameType }, true);
		return { advertiser_id: advertiserId, name, name_type: nameType, is_duplicate: data.is_duplicate === true || data.is_duplicate === 1 || data.is_duplicate === 'true', ...data };
	},
};
