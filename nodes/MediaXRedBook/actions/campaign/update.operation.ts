import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, budgetFen, idList, jg, show, toDay, withYuan } from '../common';
import { BIDDING_STRATEGY_OPTIONS, BUDGET_MAX_YUAN, BUDGET_MIN_YUAN, campaignIdField, dailyBudgetDescription, PACING_OPTIONS } from './shared';

export const update: OperationModule = {
	token: 'user',
	description: [
		campaignIdField('update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show('campaign', 'update'),
			options: [
				{ displayName: 'Bidding Strategy', name: 'bidding_strategy', type: 'options', options: BIDDING_STRATEGY_OPTIONS, default: 2 },
				{ displayName: 'Campaign Name', name: 'campaign_name', type: 'string', default: '' },
				{
					displayName: 'Daily Budget (Yuan)',
					name: 'daily_budget',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: BUDGET_MAX_YUAN, numberPrecision: 2 },
					default: 0,
					description: dailyBudgetDescription,
				},
				{ displayName: 'End Date', name: 'expire_time', type: 'dateTime', default: '', description: 'Last day of delivery (makes the schedule a custom date range)' },
				{ displayName: 'Optimize Target', name: 'optimize_target', type: 'number', default: 0 },
				{ displayName: 'Pacing', name: 'pacing_mode', type: 'options', options: PACING_OPTIONS, default: 1 },
				{ displayName: 'Start Date', name: 'start_time', type: 'dateTime', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const [id] = idList(this, i, this.getNodeParameter('campaignId', i), 'Campaign ID');
		if (id === undefined) throw new NodeOperationError(this.getNode(), 'Campaign ID is required', { itemIndex: i });
		const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = { campaign_id: id };
		if (f.campaign_name !== undefined) {
			const name = String(f.campaign_name).trim();
			if (!name || [...name].length > 50) throw new NodeOperationError(this.getNode(), 'Campaign Name must have 1–50 characters', { itemIndex: i });
			body.campaign_name = name;
		}
		if (f.bidding_strategy !== undefined) body.bidding_strategy = Number(f.bidding_strategy);
		if (f.pacing_mode !== undefined) body.pacing_mode = Number(f.pacing_mode);
		if (f.optimize_target !== undefined) body.optimize_target = Number(f.optimize_target);
		if (f.daily_budget !== undefined) {
			const yuan = Number(f.daily_budget);
			body.limit_day_budget = yuan > 0 ? 1 : 0;
			if (yuan > 0) body.campaign_day_budget = budgetFen(this, i, yuan, 'Daily Budget', BUDGET_MIN_YUAN, BUDGET_MAX_YUAN);
		}
		const start = toDay(this, i, f.start_time, 'Start Date');
		const end = toDay(this, i, f.expire_time, 'End Date');
		if (start) body.start_time = start;
		if (end) Object.assign(body, { time_type: 1, expire_time: end });
		if (start && end && end < start) throw new NodeOperationError(this.getNode(), `End Date ${end} is before Start Date ${start}`, { itemIndex: i });
		if (Object.keys(body).length === 1) throw new NodeOperationError(this.getNode(), 'Add at least one field to update', { itemIndex: i });
		const data = await jg(call, advertiserId, '/campaign/update', body, false);
		return withYuan({ ...body, campaign_id: data.campaign_id ?? id, advertiser_id: advertiserId, updated: true }, ['campaign_day_budget']);
	},
};
