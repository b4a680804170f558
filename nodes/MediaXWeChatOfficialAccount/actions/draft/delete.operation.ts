import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { draftIdField } from './get.operation';

export const deleteDraft: OperationModule = {
	token: 'app',
	description: [draftIdField('delete')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const mediaId = this.getNodeParameter('mediaId', i) as string;
		await call({ method: 'POST', path: '/cgi-bin/draft/delete', body: { media_id: mediaId } });
		return { media_id: mediaId, deleted: true };
	},
};
