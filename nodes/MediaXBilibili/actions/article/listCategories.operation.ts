import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';

export const listCategories: OperationModule = {
	token: 'user',
	description: [],
	async execute(this: IExecuteFunctions, _i: number, call: PlatformCall) {
		const body = await call({ method: 'GET', path: '/arcopen/fn/article/categories', idempotent: true });
		const data = body?.data;
		return (Array.isArray(data) ? data : ((data?.list ?? []) as IDataObject[])) as IDataObject[];
	},
};
