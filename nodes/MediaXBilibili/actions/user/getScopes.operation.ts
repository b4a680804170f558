import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload } from '../common';

export const getScopes: OperationModule = {
	token: 'user',
	description: [],
	async execute(this: IExecuteFunctions, _i: number, call: PlatformCall) {
		const data = payload(await call({ method: 'GET', path: '/arcopen/fn/user/account/scopes', idempotent: true }));
		// the docs name it openid, the official C# demo reads open_id
		return { openid: data.openid ?? data.open_id, scopes: (data.scopes ?? []) as IDataObject[] };
	},
};
