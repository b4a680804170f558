import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload } from '../common';

/** Fans portrait (粉丝画像): gender, age, region, activity, device and interest distributions. */
export const getFansData: OperationModule = {
	token: 'user',
	description: [],
	async execute(this: IExecuteFunctions, _i: number, call: PlatformCall) {
		const body = await call({ method: 'GET', path: '/api/douyin/v1/user/fans_data/', identityInQuery: ['open_id'], idempotent: true });
		return (payload(body).fans_data ?? payload(body)) as Record<string, never>;
	},
};
