import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { REDBOOK_USER_CREDENTIAL } from '../../../shared/platforms/redbook';
import { authorizedAdvertisers } from '../../methods/loadOptions';
import { advertiserIdOf } from '../common';
import { fetchBalance } from './getBalance.operation';

/** The advertiser as the authorization lists it, with its balance (which also proves the token works for it). */
export const getInfo: OperationModule = {
	token: 'user',
	description: [],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const balance = await fetchBalance(call, advertiserId);
		// read after the call: a first exchange or a refresh may just have updated the list
		const credentials = await this.getCredentials(REDBOOK_USER_CREDENTIAL, i);
		const listed = authorizedAdvertisers(credentials).find((a) => Number(a.advertiser_id) === advertiserId);
		const scope = String(credentials.grantedScope ?? '');
		let grantedScopes: string[] = [];
		try {
			grantedScopes = scope.startsWith('[') ? (JSON.parse(scope) as string[]) : scope.split(/[\s,]+/).filter(Boolean);
		} catch {
			grantedScopes = [scope];
		}
		const balanceFields: IDataObject = { ...balance };
		delete balanceFields.advertiser_id;
		return {
			advertiser_id: advertiserId,
			advertiser_name: (listed?.advertiser_name as string) ?? null,
			in_authorization: !!listed,
			user_id: String(credentials.userId ?? '') || null,
			granted_scopes: grantedScopes,
			balance: balanceFields,
		};
	},
};
