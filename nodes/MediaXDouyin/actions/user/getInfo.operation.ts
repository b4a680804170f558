import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload } from '../common';

export const getInfo: OperationModule = {
	token: 'user',
	description: [] as INodeProperties[],
	async execute(this: IExecuteFunctions, _i: number, call: PlatformCall) {
		const body = await call({ method: 'POST', path: '/oauth/userinfo/', identityInQuery: ['open_id'], body: {}, idempotent: true });
		const data = payload(body);
		delete data.error_code;
		delete data.description;
		return data;
	},
};
