import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload } from '../common';

export const getInfo: OperationModule = {
	token: 'user',
	description: [],
	async execute(this: IExecuteFunctions, _i: number, call: PlatformCall) {
		return payload(await call({ method: 'GET', path: '/arcopen/fn/user/account/info', idempotent: true }));
	},
};
