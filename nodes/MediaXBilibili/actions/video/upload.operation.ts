import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';
import { uploadOptionsField, uploadVideo } from './shared';

export const videoBinaryField = (operation: string) => ({
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string' as const,
	required: true,
	default: 'data',
	hint: 'The name of the input binary field holding the video (mp4, flv, avi, wmv, mov, mkv or webm; up to 4 GB)',
	displayOptions: show('video', operation),
});

export const upload: OperationModule = {
	token: 'user',
	description: [videoBinaryField('upload'), uploadOptionsField('upload')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const options = this.getNodeParameter('uploadOptions', i, {}) as IDataObject;
		return uploadVideo(this, i, call, property, options);
	},
};
