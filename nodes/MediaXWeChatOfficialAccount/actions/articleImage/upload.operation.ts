import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { ARTICLE_IMAGE_LIMIT, inputBinaryField, mediaUpload } from '../common';

/** Images inside an article's HTML must be hosted by WeChat: upload them here and use the returned URL in <img src>. */
export const upload: OperationModule = {
	token: 'app',
	description: [
		inputBinaryField('articleImage', 'upload', 'The name of the input binary field holding the image (jpg or png, below 1 MB)'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const file = await mediaUpload(this, i, property, ARTICLE_IMAGE_LIMIT, 'WeChat article image upload');
		const reply = await call({ method: 'POST', path: '/cgi-bin/media/uploadimg', body: file.body, headers: file.headers });
		return { url: reply.url, file_name: file.fileName, size: file.size };
	},
};
