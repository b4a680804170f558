import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';

export const count: OperationModule = {
	token: 'app',
	description: [],
	async execute(this: IExecuteFunctions, _i: number, call: PlatformCall) {
		const reply = await call({ method: 'GET', path: '/cgi-bin/draft/count', idempotent: true });
		return { total_count: reply.total_count };
	},
};
