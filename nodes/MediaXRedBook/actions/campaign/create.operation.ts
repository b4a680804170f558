import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, budgetFen, cnDay, dateField, jg, show, toDay, withYuan } from '../common';
import {
	BIDDING_STRATEGY_OPTIONS,
	BUDGET_MAX_YUAN,
	BUDGET_MIN_YUAN,
	dailyBudgetDescription,
	MARKETING_TARGET_OPTIONS,
	PACING_OPTIONS,
	PLACEMENT_OPTIONS,
} from './shared';

const s = show('campaign', 'create');

export const create: OperationModule = {
	token: 'user',
	description: [
		{ displayName: 'Campaign Name', name: 'campaignName', type: 'string', required: true, default: '', description: 'Up to 50 characters', displayOptions: s },
		{ displayName: 'Marketing Target', name: 'marketingTarget', type: 'options', options: MARKETING_TARGET_OPTIONS, default: 4, displayOptions: s },
		{ displayName: 'Placement', name: 'placement', type: 'options', options: PLACEMENT_OPTIONS, default: 1, displayOptions: s },
		{ displayName: 'Bidding Strategy', name: 'biddingStrategy', type: 'options', options: BIDDING_STRATEGY_OPTIONS, default: 2, displayOptions: s },
		{
			displayName: 'Daily Budget (Yuan)',
			name: 'dailyBudget',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: BUDGET_MAX_YUAN, numberPrecision: 2 },
			default: 0,
			description: dailyBudgetDescription,
			displayOptions: s,
		},
		dateField('campaign', 'create', 'startDate', 'Start Date', 'First day of delivery; today when empty'),
		dateField('campaign', 'create', 'endDate', 'End Date', 'Last day of delivery; leave empty for a campaign without end date'),
		{ displayName: 'Enable', name: 'enable', type: 'boolean', default: true, description: 'Whether the campaign starts delivering at once (otherwise it is created paused)', displayOptions: s },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: s,
			options: [
				{ displayName: 'Optimize Target', name: 'optimize_target', type: 'number', default: 0, description: 'JuGuang\'s optimize_target code for the marketing target' },
				{ displayName: 'Pacing', name: 'pacing_mode', type: 'options', options: PACING_OPTIONS, default: 1 },
				{ displayName: 'Promotion Target', name: 'promotion_target', type: 'options', options: [{ name: 'Note (笔记)', value: 1 }], default: 1 },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const name = String(this.getNodeParameter('campaignName', i)).trim();
		if (!name) throw new NodeOperationError(this.getNode(), 'Campaign Name is required', { itemIndex: i });
		if ([...name].length > 50) throw new NodeOperationError(this.getNode(), 'Campaign Name may have at most 50 characters', { itemIndex: i });
		const budgetYuan = Number(this.getNodeParameter('dailyBudget', i, 0));
		const start = toDay(this, i, this.getNodeParameter('startDate', i, ''), 'Start Date') || cnDay();
		const end = toDay(this, i, this.getNodeParameter('endDate', i, ''), 'End Date');
		if (end && end < start) throw new NodeOperationError(this.getNode(), `End Date ${end} is before Start Date ${start}`, { itemIndex: i });
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = {
			campaign_name: name,
			marketing_target: Number(this.getNodeParameter('marketingTarget', i)),
			placement: Number(this.getNodeParameter('placement', i)),
			promotion_target: Number(extra.promotion_target ?? 1),
			bidding_strategy: Number(this.getNodeParameter('biddingStrategy', i)),
			enable: this.getNodeParameter('enable', i, true) ? 1 : 0,
			time_type: end ? 1 : 0,
			start_time: start,
			...(end ? { expire_time: end } : {}),
			limit_day_budget: budgetYuan > 0 ? 1 : 0,
			...(budgetYuan > 0 ? { campaign_day_budget: budgetFen(this, i, budgetYuan, 'Daily Budget', BUDGET_MIN_YUAN, BUDGET_MAX_YUAN) } : {}),
			...(extra.optimize_target !== undefined ? { optimize_target: Number(extra.optimize_target) } : {}),
			...(extra.pacing_mode !== undefined ? { pacing_mode: Number(extra.pacing_mode) } : {}),
		};
		const data = await jg(call, advertiserId, '/campaign/create', body, false);
		return withYuan({ campaign_id: data.campaign_id, advertiser_id: advertiserId, ...body }, ['campaign_day_budget']);
	},
};
