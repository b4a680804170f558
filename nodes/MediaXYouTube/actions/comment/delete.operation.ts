import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { YT } from '../common';
import { commentIdField } from './fields';

export const deleteComment: OperationModule = {
	token: 'user',
	description: [commentIdField('delete')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = String(this.getNodeParameter('commentId', i)).trim();
		await call({ method: 'DELETE', path: `${YT}/comments`, qs: { id } });
		return { id, deleted: true };
	},
};
