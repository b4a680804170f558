import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';

export const deleteMaterial: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			required: true,
			default: '',
			description: 'The permanent material to delete; drafts and articles that use it keep working only until they are edited',
			displayOptions: show('material', 'delete'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const mediaId = this.getNodeParameter('mediaId', i) as string;
		await call({ method: 'POST', path: '/cgi-bin/material/del_material', body: { media_id: mediaId } });
		return { media_id: mediaId, deleted: true };
	},
};
