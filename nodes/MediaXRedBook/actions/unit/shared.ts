import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { withYuan } from '../common';

/** event_bid: 0.10–999 999 yuan, sent as fen */
export const BID_MIN_YUAN = 0.1;
export const BID_MAX_YUAN = 999999;

export const unitIdField = (operation: string | string[]): INodeProperties => ({
	displayName: 'Unit ID',
	name: 'unitId',
	type: 'string',
	required: true,
	default: '',
	displayOptions: { show: { resource: ['unit'], operation: Array.isArray(operation) ? operation : [operation] } },
});

export function unitOut(row: IDataObject): IDataObject {
	return withYuan(row, ['event_bid']);
}

export const targetConfigHint = 'JuGuang\'s target_config object, e.g. {"target_gender":"all","target_age":["18-22","23-27"]}; see Tool → Targeting Options';
export const keywordsHint = 'JuGuang\'s keyword_with_bid array for search placements, e.g. [{"keyword":"防晒","bid":120}] (bids in fen)';
