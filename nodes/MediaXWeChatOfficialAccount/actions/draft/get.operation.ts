import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';

export const draftIdField = (operation: string): INodeProperties => ({
	displayName: 'Draft Media ID',
	name: 'mediaId',
	type: 'string',
	required: true,
	default: '',
	description: 'The draft\'s media_id, as returned by Draft → Create or Draft → List',
	displayOptions: show('draft', operation),
});

export const get: OperationModule = {
	token: 'app',
	description: [draftIdField('get')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const mediaId = this.getNodeParameter('mediaId', i) as string;
		const reply = await call({ method: 'POST', path: '/cgi-bin/draft/get', body: { media_id: mediaId }, idempotent: true });
		return { media_id: mediaId, news_item: reply.news_item ?? [], create_time: reply.create_time, update_time: reply.update_time };
	},
};
