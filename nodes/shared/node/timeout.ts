import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_LABEL } from '../engine/send';

/** The node option every platform node carries: how long one request may take before it fails as a timeout. */
export const requestTimeoutProperty: INodeProperties = {
	displayName: REQUEST_TIMEOUT_LABEL,
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 3600, numberPrecision: 0 },
	default: 300,
	description: 'How long one request to the platform may take before it fails; an upload sends one request per part',
};

/** The option in milliseconds; absent (the editor does not store the default) or invalid → the default. */
export function requestTimeoutMs(ctx: IExecuteFunctions, itemIndex: number): number {
	const seconds = Number(ctx.getNodeParameter('requestTimeout', itemIndex, DEFAULT_REQUEST_TIMEOUT_MS / 1000));
	return Number.isFinite(seconds) && seconds >= 1 ? Math.min(3600, Math.floor(seconds)) * 1000 : DEFAULT_REQUEST_TIMEOUT_MS;
}
