import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

export const creativeIdField = (operation: string | string[]): INodeProperties => ({
	displayName: 'Creative ID',
	name: 'creativeId',
	type: 'string',
	required: true,
	default: '',
	description: 'The creativity_id',
	displayOptions: { show: { resource: ['creative'], operation: Array.isArray(operation) ? operation : [operation] } },
});

export const CREATIVE_STATUS_OPTIONS = [
	{ name: 'All Not Deleted (所有未删除)', value: 2 },
	{ name: 'Campaign Paused (计划暂停)', value: 5 },
	{ name: 'Deleted (已删除)', value: 1 },
	{ name: 'Outside Schedule (暂停时段)', value: 12 },
	{ name: 'Paused (暂停)', value: 3 },
	{ name: 'Product Problem (商品异常)', value: 9 },
	{ name: 'Unit Ended (单元已结束)', value: 11 },
	{ name: 'Unit Not Started (单元未开始)', value: 10 },
	{ name: 'Unit Paused (单元暂停)', value: 4 },
	{ name: 'Valid (有效)', value: 8 },
];

/** Monitoring URLs: comma/newline separated, http(s), at most 3. */
export function urlList(ctx: IExecuteFunctions, i: number, value: unknown, label: string): string[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const urls = (Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/)).map((u) => u.trim()).filter(Boolean);
	const bad = urls.find((u) => !/^https?:\/\//i.test(u));
	if (bad) throw new NodeOperationError(ctx.getNode(), `${label}: "${bad}" is not an http(s) URL`, { itemIndex: i });
	if (urls.length > 3) throw new NodeOperationError(ctx.getNode(), `${label}: at most 3 URLs`, { itemIndex: i });
	return urls;
}

export const trackingOptions: INodeProperties[] = [
	{ displayName: 'Click Tracking URLs', name: 'click_urls', type: 'string', default: '', description: 'Up to 3 third-party click monitoring URLs, comma-separated' },
	{ displayName: 'Impression Tracking URLs', name: 'expo_urls', type: 'string', default: '', description: 'Up to 3 third-party impression monitoring URLs, comma-separated' },
];
