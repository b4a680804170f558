import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { collectPages, paginationFields } from '../../../shared/node/pagination';

/** user/get answers up to 10 000 openids per request and pages with next_openid. */
export const list: OperationModule = {
	token: 'app',
	description: paginationFields('follower', 'list'),
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const openids = await collectPages<string, string>(this, i, '', async (nextOpenid) => {
			const reply = await call({ method: 'GET', path: '/cgi-bin/user/get', qs: nextOpenid ? { next_openid: nextOpenid } : {}, idempotent: true });
			// older replies carry an empty first entry; skip it
			const items = (((reply.data ?? {}) as IDataObject).openid ?? []) as string[];
			const next = String(reply.next_openid ?? '');
			return { items: items.filter(Boolean), next: next ? next : undefined };
		});
		return openids.map((openid) => ({ openid }));
	},
};
