import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload } from '../common';

/** JS-SDK and open tickets differ only in the path. */
function ticketGetter(path: string, kind: string): OperationModule {
	return {
		token: 'app',
		description: [],
		async execute(this: IExecuteFunctions, _i: number, call: PlatformCall) {
			const data = payload(await call({ method: 'GET', path, idempotent: true }));
			return { kind, ticket: data.ticket, expires_in: data.expires_in };
		},
	};
}

export const getJsTicket = ticketGetter('/js/getticket/', 'jsapi');
export const getOpenTicket = ticketGetter('/open/getticket/', 'open');
