import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show } from '../common';

export const getShareId: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'Options',
			name: 'shareOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('tool', 'getShareId'),
			options: [
				{ displayName: 'Need Callback', name: 'need_callback', type: 'boolean', default: false, description: 'Whether Douyin should call the app\'s webhook when the share completes' },
				{ displayName: 'Source Style ID', name: 'source_style_id', type: 'string', default: '' },
				{ displayName: 'Default Hashtag', name: 'default_hashtag', type: 'string', default: '' },
				{ displayName: 'Link Parameter', name: 'link_param', type: 'string', default: '', description: 'JSON string attached to the share link' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const options = this.getNodeParameter('shareOptions', i, {}) as IDataObject;
		const qs: IDataObject = { ...options };
		if (options.need_callback !== undefined) qs.need_callback = String(options.need_callback);
		const body = await call({ method: 'GET', path: '/share-id/', qs, idempotent: true });
		return { share_id: payload(body).share_id };
	},
};
