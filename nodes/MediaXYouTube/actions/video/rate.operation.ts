import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, YT } from '../common';
import { videoIdField, videoIdOf } from './fields';

export const rate: OperationModule = {
	token: 'user',
	description: [
		videoIdField('rate'),
		{
			displayName: 'Rating',
			name: 'rating',
			type: 'options',
			options: [
				{ name: 'Dislike', value: 'dislike' },
				{ name: 'Like', value: 'like' },
				{ name: 'None (Remove Rating)', value: 'none' },
			],
			default: 'like',
			displayOptions: show('video', 'rate'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = videoIdOf(this.getNodeParameter('videoId', i));
		const rating = this.getNodeParameter('rating', i) as string;
		await call({ method: 'POST', path: `${YT}/videos/rate`, qs: { id, rating } });
		return { id, rating };
	},
};
