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
			description: 'The permanent material\'s media_id, as returned by Material → Add or Material → List',
			displayOptions: show('material', 'get'),
		},
		{
			...outputBinaryField('material', 'get'),
			hint: 'Images, voice and thumbs come back as a file in this output binary field; videos come back as JSON with a download URL',
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const mediaId = this.getNodeParameter('mediaId', i) as string;
		const property = this.getNodeParameter('binaryPropertyName', i, 'data') as string;
		const response = await call<ApiResponse>({
			method: 'POST',
			path: '/cgi-bin/material/get_material',
			body: { media_id: mediaId },
			headers: { 'content-type': 'application/json' },
			binaryResponse: true,
			idempotent: true,
		});
		return [await downloadItem(this, response, mediaId, property)];
	},
};
