import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, splitList, YT } from '../common';
import { videoIdOf } from './fields';

export const getRating: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Video IDs',
			name: 'videoIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'dQw4w9WgXcQ, 9bZkp7q19f0',
			description: 'Comma-separated video IDs (up to 50)',
			displayOptions: show('video', 'getRating'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const ids = splitList(this.getNodeParameter('videoIds', i)).map(videoIdOf);
		const body = await call({ method: 'GET', path: `${YT}/videos/getRating`, qs: { id: ids.join(',') }, idempotent: true });
		return (body.items ?? []) as IDataObject[];
	},
};
