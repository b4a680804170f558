import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';
import { prepareCover, readSubmitBody, sendCover, submitArchive, submitFields, uploadOptionsField, uploadVideo } from './shared';
import { videoBinaryField } from './upload.operation';

export const uploadAndSubmit: OperationModule = {
	token: 'user',
	description: [
		videoBinaryField('uploadAndSubmit'),
		{
			displayName: 'Cover Binary Field',
			name: 'coverBinaryPropertyName',
			type: 'string',
			default: '',
			placeholder: 'cover',
			hint: 'Optional: the input binary field holding a JPEG or PNG cover (up to 5 MB); it replaces Cover URL',
			displayOptions: show('video', 'uploadAndSubmit'),
		},
		...submitFields(['uploadAndSubmit']),
		uploadOptionsField('uploadAndSubmit'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const coverProperty = String(this.getNodeParameter('coverBinaryPropertyName', i, '') ?? '').trim();
		const options = this.getNodeParameter('uploadOptions', i, {}) as IDataObject;
		// every field is checked before the first byte goes out
		readSubmitBody(this, i);
		const preparedCover = coverProperty ? await prepareCover(this, i, coverProperty, 'Cover Binary Field') : undefined;

		const uploaded = await uploadVideo(this, i, call, property, options);
		const cover = preparedCover ? await sendCover(call, preparedCover) : undefined;
		const body = readSubmitBody(this, i, cover);
		const resourceId = await submitArchive(call, String(uploaded.upload_token), body);
		return { resource_id: resourceId, ...uploaded, cover: body.cover ?? '', title: body.title, state: 'submitted for review' };
	},
};
