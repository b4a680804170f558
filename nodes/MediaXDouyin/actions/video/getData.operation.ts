import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show, splitList } from '../common';

export const getData: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Look Up By',
			name: 'lookUpBy',
			type: 'options',
			options: [
				{ name: 'Item IDs', value: 'item_ids' },
				{ name: 'Video IDs', value: 'video_ids' },
			],
			default: 'item_ids',
			displayOptions: show('video', 'getData'),
		},
		{
			displayName: 'IDs',
			name: 'ids',
			type: 'string',
			required: true,
			default: '',
			description: 'Comma-separated IDs of the account\'s own videos (at most 20)',
			displayOptions: show('video', 'getData'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const lookUpBy = this.getNodeParameter('lookUpBy', i) as string;
		const ids = splitList(this.getNodeParameter('ids', i));
		if (!ids.length || ids.length > 20) {
			throw new NodeOperationError(this.getNode(), `Field "IDs" must hold 1 to 20 IDs, got ${ids.length}`, { itemIndex: i });
		}
		const body = await call({
			method: 'POST',
			path: '/api/douyin/v1/video/video_data/',
			body: { [lookUpBy]: ids },
			identityInQuery: ['open_id'],
			idempotent: true,
		});
		return (payload(body).list ?? []) as IDataObject[];
	},
};
