import type { IExecuteFunctions } from 'n8n-workflow';
import { assertFileLimits, openBinary } from '../../../shared/http/binary';
import { buildMultipart } from '../../../shared/http/multipart';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { invalid, payload, show } from '../common';

export const uploadImage: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the image (JPEG, PNG or GIF, up to 5 MB)',
			displayOptions: show('article', 'uploadImage'),
		},
		{
			displayName: 'Watermark',
			name: 'watermark',
			type: 'boolean',
			default: false,
			description: 'Whether Bilibili adds its watermark to the image',
			displayOptions: show('article', 'uploadImage'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const watermark = this.getNodeParameter('watermark', i, false) as boolean;
		const file = await openBinary(this, i, property);
		assertFileLimits(this, i, file, { maxBytes: 5 * 1024 * 1024, extensions: ['jpg', 'jpeg', 'png', 'gif'], label: 'Bilibili article image upload', propertyName: property });
		const data = await file.buffer();
		const kind = data[0] === 0xff && data[1] === 0xd8 ? 'image/jpeg' : data.subarray(0, 4).toString('latin1') === '\x89PNG' ? 'image/png' : data.subarray(0, 3).toString('latin1') === 'GIF' ? 'image/gif' : '';
		if (!kind) throw invalid(this, i, `The file in binary property "${property}" is not a JPEG, PNG or GIF image`);
		const { body, contentType } = buildMultipart([{ field: 'file', filename: file.fileName, contentType: kind, data }], { watermark: watermark ? '1' : '0' });
		const reply = await call({ method: 'POST', path: '/arcopen/fn/article/upload/image', body, headers: { 'content-type': contentType } });
		const out = payload(reply);
		return { url: out.url ?? reply?.data, file_name: file.fileName, size: file.size };
	},
};
