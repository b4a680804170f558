import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { assertFileLimits, openBinary } from '../../../shared/http/binary';
import { buildMultipart } from '../../../shared/http/multipart';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show } from '../common';

export const uploadImage: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the image (jpeg, png, bmp or webp, up to 10 MB)',
			displayOptions: show('imageText', 'uploadImage'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const file = await openBinary(this, i, property);
		assertFileLimits(this, i, file, { maxBytes: 10 * 1024 * 1024, extensions: ['jpg', 'jpeg', 'png', 'bmp', 'webp'], label: 'Douyin image upload', propertyName: property });
		const { body, contentType } = buildMultipart([{ field: 'image', filename: file.fileName, contentType: file.mimeType, data: await file.buffer() }]);
		const reply = await call({ method: 'POST', path: '/api/douyin/v1/video/upload_image/', body, headers: { 'content-type': contentType }, identityInQuery: ['open_id'] });
		return { ...((payload(reply).image ?? {}) as IDataObject), file_name: file.fileName };
	},
};
