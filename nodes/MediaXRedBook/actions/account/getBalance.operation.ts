import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, namedAdvertiser, withYuan } from '../common';

/** every balance field JuGuang answers in fen */
export const BALANCE_FEN_FIELDS = ['total_balance', 'cash_balance', 'return_balance', 'freeze_balance', 'compensate_return_balance', 'available_balance', 'today_spend'];

export async function fetchBalance(call: PlatformCall, advertiserId: number): Promise<IDataObject> {
	try {
		const reply = await call({ method: 'GET', path: '/api/open/jg/account/balance/info', qs: { advertiser_id: advertiserId }, idempotent: true });
		return withYuan({ advertiser_id: advertiserId, ...(((reply as IDataObject)?.data ?? {}) as IDataObject) }, BALANCE_FEN_FIELDS);
	} catch (error) {
		throw namedAdvertiser(error, advertiserId);
	}
}

export const getBalance: OperationModule = {
	token: 'user',
	description: [],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		return fetchBalance(call, advertiserIdOf(this, i));
	},
};
