import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, YT } from '../common';
import { videoIdOf } from '../video/fields';

export const list: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Video ID',
			name: 'videoId',
			type: 'string',
			required: true,
			default: '',
			description: 'A video of the signed-in channel',
			displayOptions: show('caption', 'list'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const body = await call({ method: 'GET', path: `${YT}/captions`, qs: { part: 'snippet', videoId: videoIdOf(this.getNodeParameter('videoId', i)) }, idempotent: true });
		return (body.items ?? []) as IDataObject[];
	},
};
