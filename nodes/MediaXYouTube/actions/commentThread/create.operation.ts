import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, YT } from '../common';
import { videoIdOf } from '../video/fields';

export const create: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Video ID',
			name: 'videoId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show('commentThread', 'create'),
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			description: 'The comment, posted as the signed-in channel',
			displayOptions: show('commentThread', 'create'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		return call({
			method: 'POST',
			path: `${YT}/commentThreads`,
			qs: { part: 'snippet' },
			body: {
				snippet: {
					videoId: videoIdOf(this.getNodeParameter('videoId', i)),
					topLevelComment: { snippet: { textOriginal: this.getNodeParameter('text', i) as string } },
				},
			},
		});
	},
};
