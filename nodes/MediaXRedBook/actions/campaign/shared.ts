import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { withYuan } from '../common';

export const MARKETING_TARGET_OPTIONS = [
	{ name: 'App Promotion (应用推广)', value: 16 },
	{ name: 'Lead Collection (客资收集)', value: 9 },
	{ name: 'Note Seeding (笔记种草)', value: 4 },
];

export const PLACEMENT_OPTIONS = [
	{ name: 'Feed (信息流)', value: 1 },
	{ name: 'Search (搜索)', value: 2 },
];

export const BIDDING_STRATEGY_OPTIONS = [
	{ name: 'Automatic, Cost Automatic (自动出价-成本自动)', value: 3 },
	{ name: 'Automatic, Cost Capped (自动出价-成本手动)', value: 7 },
	{ name: 'Manual (手动出价)', value: 2 },
];

export const PACING_OPTIONS = [
	{ name: 'Accelerated (加速)', value: 2 },
	{ name: 'Even (匀速)', value: 1 },
];

/** campaign_day_budget: 100–999 999 yuan, sent as fen */
export const BUDGET_MIN_YUAN = 100;
export const BUDGET_MAX_YUAN = 999999;

export const dailyBudgetDescription = `Daily budget in yuan (元), ${BUDGET_MIN_YUAN}–${BUDGET_MAX_YUAN}; 0 means no daily limit. Sent to JuGuang in fen.`;

export const campaignIdField = (operation: string | string[]): INodeProperties => ({
	displayName: 'Campaign ID',
	name: 'campaignId',
	type: 'string',
	required: true,
	default: '',
	displayOptions: { show: { resource: ['campaign'], operation: Array.isArray(operation) ? operation : [operation] } },
});

/** a campaign as listed, with the budget in yuan as well */
export function campaignOut(row: IDataObject): IDataObject {
	return withYuan(row, ['campaign_day_budget']);
}
