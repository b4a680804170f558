import { randomBytes } from 'crypto';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { formatBytes, openBinary } from '../../../shared/http/binary';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { resumableUpload } from '../../transport/resumable';
import { show, YT_UPLOAD } from '../common';
import { videoIdOf } from '../video/fields';

const MAX_CAPTION = 100 * 1024 * 1024;

/** multipart/related: the JSON metadata part, then the media part */
function multipartRelated(metadata: IDataObject, media: Buffer, mediaType: string): { body: Buffer; contentType: string } {
	const boundary = `mediax_${randomBytes(12).toString('hex')}`;
	const body = Buffer.concat([
		Buffer.from(`--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(metadata)}\r\n--${boundary}\r\nContent-Type: ${mediaType}\r\n\r\n`, 'utf8'),
		media,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	]);
	return { body, contentType: `multipart/related; boundary=${boundary}` };
}

export const upload: OperationModule = {
	token: 'user',
	description: [
		{ displayName: 'Video ID', name: 'videoId', type: 'string', required: true, default: '', displayOptions: show('caption', 'upload') },
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			required: true,
			default: 'en',
			description: 'BCP-47 language of the track, e.g. en, de, zh-Hans',
			displayOptions: show('caption', 'upload'),
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'A caption file (SRT, SBV, VTT, TTML…), at most 100 MB',
			displayOptions: show('caption', 'upload'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('caption', 'upload'),
			options: [
				{ displayName: 'Draft', name: 'isDraft', type: 'boolean', default: false, description: 'Whether the track stays unpublished' },
				{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Track name shown to viewers' },
				{
					displayName: 'Upload Type',
					name: 'uploadType',
					type: 'options',
					options: [
						{ name: 'Multipart (One Request)', value: 'multipart' },
						{ name: 'Resumable', value: 'resumable', description: 'For large tracks or flaky connections' },
					],
					default: 'multipart',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const file = await openBinary(this, i, property);
		if (file.size > MAX_CAPTION) throw new NodeOperationError(this.getNode(), `The caption file is ${formatBytes(file.size)}; YouTube accepts at most 100 MB`, { itemIndex: i });
		const metadata: IDataObject = {
			snippet: {
				videoId: videoIdOf(this.getNodeParameter('videoId', i)),
				language: this.getNodeParameter('language', i) as string,
				name: (options.name as string) ?? '',
				isDraft: options.isDraft === true,
			},
		};
		if (options.uploadType === 'resumable') {
			const result = await resumableUpload(this, i, call, {
				file: { ...file, mimeType: 'application/octet-stream' },
				label: 'caption',
				initiate: {
					method: 'POST',
					path: `${YT_UPLOAD}/captions`,
					qs: { uploadType: 'resumable', part: 'snippet' },
					headers: { 'Content-Type': 'application/json; charset=UTF-8', 'X-Upload-Content-Length': String(file.size), 'X-Upload-Content-Type': 'application/octet-stream' },
					body: metadata,
				},
				chunkSize: 8 * 1024 * 1024,
				maxRetries: 5,
			});
			return result.resource;
		}
		const { body, contentType } = multipartRelated(metadata, await file.buffer(), 'application/octet-stream');
		return call({ method: 'POST', path: `${YT_UPLOAD}/captions`, qs: { uploadType: 'multipart', part: 'snippet' }, headers: { 'Content-Type': contentType }, body });
	},
};
