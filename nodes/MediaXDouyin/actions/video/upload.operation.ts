import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { assertFileLimits, formatBytes, openBinary } from '../../../shared/http/binary';
import { buildMultipart, multipartFrame, streamedMultipart } from '../../../shared/http/multipart';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show } from '../common';

const MB = 1024 * 1024;
/** Douyin: one request carries at most 128 MB; parts are at least 5 MB (except the last); 4 GB in all. */
export const DOUYIN_SINGLE_UPLOAD_MAX = 128 * MB;
export const DOUYIN_MIN_PART = 5 * MB;
const DOUYIN_MAX_TOTAL = 4 * 1024 * MB;

export const upload: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the video (mp4 or webm recommended)',
			displayOptions: show('video', 'upload'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('video', 'upload'),
			options: [
				{
					displayName: 'Upload Mode',
					name: 'mode',
					type: 'options',
					options: [
						{ name: 'Automatic', value: 'auto', description: 'Single request up to the threshold, chunked above it' },
						{ name: 'Single Request', value: 'single', description: 'Up to 128 MB' },
						{ name: 'Chunked (Part Upload)', value: 'chunked', description: 'Init, parts, complete; up to 4 GB' },
					],
					default: 'auto',
				},
				{
					displayName: 'Chunked Above (MB)',
					name: 'thresholdMb',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 128 },
					default: 20,
					description: 'In automatic mode, files larger than this are sent in parts (Douyin recommends parts above 50 MB and requires them above 128 MB)',
				},
				{
					displayName: 'Part Size (MB)',
					name: 'partSizeMb',
					type: 'number',
					typeOptions: { minValue: 5, maxValue: 100 },
					default: 20,
					description: 'Size of each part; only one part is held in memory at a time',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const file = await openBinary(this, i, property);
		assertFileLimits(this, i, file, { maxBytes: DOUYIN_MAX_TOTAL, label: 'Douyin video upload', propertyName: property });
		const partSize = Math.max(DOUYIN_MIN_PART, Number(options.partSizeMb ?? 20) * MB);
		const mode = String(options.mode ?? 'auto');
		const chunked = mode === 'chunked' || (mode === 'auto' && file.size > Number(options.thresholdMb ?? 20) * MB);
		if (!chunked && file.size > DOUYIN_SINGLE_UPLOAD_MAX) {
			throw new NodeOperationError(
				this.getNode(),
				`The video is ${formatBytes(file.size)}; a single-request upload takes at most 128 MB`,
				{ itemIndex: i, description: 'Set Options → Upload Mode to "Automatic" or "Chunked (Part Upload)".' },
			);
		}
		const video = { field: 'video', filename: file.fileName, contentType: file.mimeType };

		if (!chunked) {
			const { body, contentType } = buildMultipart([{ ...video, data: await file.buffer() }]);
			const reply = await call({
				method: 'POST',
				path: '/api/douyin/v1/video/upload_video/',
				body,
				headers: { 'content-type': contentType },
				identityInQuery: ['open_id'],
			});
			return { ...(payload(reply).video as IDataObject), size: file.size, file_name: file.fileName, upload_mode: 'single', parts: 1 };
		}

		const init = await call({ method: 'POST', path: '/api/douyin/v1/video/init_video_part_upload/', body: {}, identityInQuery: ['open_id'] });
		const uploadId = String(payload(init).upload_id ?? '');
		if (!uploadId) throw new NodeOperationError(this.getNode(), 'Douyin returned no upload_id for the part upload', { itemIndex: i });
		let partNumber = 0;
		const frame = multipartFrame(video);
		for await (const chunk of file.chunks(partSize)) {
			partNumber++;
			// a part upload overwrites the same part number, so resending one after a dropped connection is safe
			await call({
				method: 'POST',
				path: '/api/douyin/v1/video/upload_video_part/',
				qs: { upload_id: uploadId, part_number: partNumber },
				body: streamedMultipart(frame, chunk),
				headers: { 'content-type': frame.contentType },
				identityInQuery: ['open_id'],
				idempotent: true,
				// the part endpoint answers, it does not redirect; a redirect follower would hold the body for a replay
				disableFollowRedirect: true,
			});
		}
		const done = await call({
			method: 'POST',
			path: '/api/douyin/v1/video/complete_video_part_upload/',
			qs: { upload_id: uploadId },
			body: {},
			identityInQuery: ['open_id'],
		});
		return { ...(payload(done).video as IDataObject), size: file.size, file_name: file.fileName, upload_mode: 'chunked', parts: partNumber };
	},
};
