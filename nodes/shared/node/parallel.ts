import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const MAX_REQUESTS_IN_PARALLEL = 20;

/** The node option every platform node carries: how many items run at once. */
export const requestsInParallelProperty: INodeProperties = {
	displayName: 'Requests in Parallel',
	name: 'requestsInParallel',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_IN_PARALLEL, numberPrecision: 0 },
	default: 1,
	description:
		'How many items are sent to the platform at the same time. Output order and item pairing stay as in the input; mind the platform\'s rate limits.',
};

export function requestsInParallel(ctx: IExecuteFunctions): number {
	const value = Math.floor(Number(ctx.getNodeParameter('requestsInParallel', 0, 1)));
	return Number.isFinite(value) ? Math.min(MAX_REQUESTS_IN_PARALLEL, Math.max(1, value)) : 1;
}
