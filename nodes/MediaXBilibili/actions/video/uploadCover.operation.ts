import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';
import { prepareCover, sendCover } from './shared';

export const uploadCover: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the cover (JPEG or PNG, up to 5 MB; at least 960×600, 1146×717 recommended)',
			displayOptions: show('video', 'uploadCover'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		return { url: await sendCover(call, await prepareCover(this, i, property)) };
	},
};
