import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, jg, show } from '../common';
import { MARKETING_TARGET_OPTIONS } from '../campaign/shared';

/** The targeting trees (interests, gender, age, area, device) available for a marketing target. */
export const targetingOptions: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Marketing Target',
			name: 'marketingTarget',
			type: 'options',
			options: MARKETING_TARGET_OPTIONS,
			default: 4,
			displayOptions: show('tool', 'targetingOptions'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const marketingTarget = Number(this.getNodeParameter('marketingTarget', i, 4));
		const data = await jg(call, advertiserId, '/target/get_available_target_info', { marketing_target: marketingTarget }, true);
		return { advertiser_id: advertiserId, marketing_target: marketingTarget, ...data };
	},
};
