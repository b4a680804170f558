import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { formatBytes, openBinary } from '../../../shared/http/binary';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, YT_UPLOAD } from '../common';
import { videoIdOf } from '../video/fields';

const MAX_THUMBNAIL = 2 * 1024 * 1024;

function sniff(head: Buffer): 'image/png' | 'image/jpeg' | undefined {
	if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
	if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
	return undefined;
}

export const set: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Video ID',
			name: 'videoId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show('thumbnail', 'set'),
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'A JPEG or PNG image of at most 2 MB; 1280×720 (16:9) recommended',
			displayOptions: show('thumbnail', 'set'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const videoId = videoIdOf(this.getNodeParameter('videoId', i));
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const file = await openBinary(this, i, property);
		if (file.size > MAX_THUMBNAIL) {
			throw new NodeOperationError(this.getNode(), `The thumbnail is ${formatBytes(file.size)}; YouTube accepts at most 2 MB`, { itemIndex: i, description: 'Resize or recompress the image (e.g. JPEG at 1280×720).' });
		}
		const declared = file.mimeType.split(';')[0].trim().toLowerCase();
		if (!['image/jpeg', 'image/jpg', 'image/png', 'application/octet-stream'].includes(declared)) {
			throw new NodeOperationError(this.getNode(), `The thumbnail must be a JPEG or PNG image, not ${file.mimeType}`, { itemIndex: i });
		}
		const data = await file.buffer();
		const actual = sniff(data);
		if (!actual) throw new NodeOperationError(this.getNode(), `The file "${file.fileName}" is not a JPEG or PNG image`, { itemIndex: i, description: 'Its first bytes are neither a PNG nor a JPEG signature.' });
		return call({ method: 'POST', path: `${YT_UPLOAD}/thumbnails/set`, qs: { videoId, uploadType: 'media' }, headers: { 'Content-Type': actual }, body: data });
	},
};
