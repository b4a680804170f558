import type { IExecuteFunctions } from 'n8n-workflow';
import type { ApiResponse } from '../../../shared/engine/types';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { downloadItem, outputBinaryField, show } from '../common';

export const get: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			required: true,
			default: '',
			description: 'The temporary media_id (valid for 3 days after upload)',
			displayOptions: show('temporaryMedia', 'get'),
		},
		{
			...outputBinaryField('temporaryMedia', 'get'),
			hint: 'Images, voice and thumbs come back as a file in this output binary field; videos come back as JSON with video_url',
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const mediaId = this.getNodeParameter('mediaId', i) as string;
		const property = this.getNodeParameter('binaryPropertyName', i, 'data') as string;
		const response = await call<ApiResponse>({ method: 'GET', path: '/cgi-bin/media/get', qs: { media_id: mediaId }, binaryResponse: true, idempotent: true });
		return [await downloadItem(this, response, mediaId, property)];
	},
};
