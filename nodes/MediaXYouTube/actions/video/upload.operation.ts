import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { openBinary } from '../../../shared/http/binary';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { DEFAULT_CHUNK, GRANULE, resumableUpload } from '../../transport/resumable';
import { compact, rfc3339, show, splitTags, YT_UPLOAD } from '../common';
import { categoryField, privacyField } from './fields';

const MB = 1024 * 1024;
const MAX_VIDEO_BYTES = 256 * 1024 * MB;

export const upload: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the video file',
			displayOptions: show('video', 'upload'),
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			required: true,
			default: '',
			description: 'Video title: at most 100 characters, no &lt; or &gt;',
			displayOptions: show('video', 'upload'),
		},
		categoryField('upload'),
		privacyField('upload'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('video', 'upload'),
			options: [
				{
					displayName: 'Chunk Size (MB)',
					name: 'chunkSizeMb',
					type: 'number',
					typeOptions: { minValue: 0.25, maxValue: 256, numberPrecision: 2 },
					default: 8,
					description: 'Bytes per request, rounded down to a multiple of 0.25 MB (256 KiB). Only one chunk is held in memory; an interrupted chunk is resumed from the byte Google acknowledged.',
				},
				{
					displayName: 'Contains Synthetic Media',
					name: 'containsSyntheticMedia',
					type: 'boolean',
					default: false,
					description: 'Whether the video contains realistic altered or synthetic (AI-generated) content',
				},
				{
					displayName: 'Default Audio Language',
					name: 'defaultAudioLanguage',
					type: 'string',
					default: '',
					placeholder: 'en',
					description: 'Language spoken in the default audio track (BCP-47)',
				},
				{
					displayName: 'Default Language',
					name: 'defaultLanguage',
					type: 'string',
					default: '',
					placeholder: 'en',
					description: 'Language of the title and description (BCP-47)',
				},
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					typeOptions: { rows: 4 },
					default: '',
					description: 'Video description, at most 5000 bytes',
				},
				{
					displayName: 'Embeddable',
					name: 'embeddable',
					type: 'boolean',
					default: true,
					description: 'Whether the video can be embedded on other websites',
				},
				{
					displayName: 'License',
					name: 'license',
					type: 'options',
					options: [
						{ name: 'Creative Commons', value: 'creativeCommon' },
						{ name: 'Standard YouTube License', value: 'youtube' },
					],
					default: 'youtube',
				},
				{
					displayName: 'Made for Kids',
					name: 'selfDeclaredMadeForKids',
					type: 'boolean',
					default: false,
					description: 'Whether the video is designated as made for children (COPPA)',
				},
				{
					displayName: 'Max Retries',
					name: 'maxRetries',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 20 },
					default: 5,
					description: 'Consecutive failed attempts (dropped connection, server error) before giving up; each resumes from the last acknowledged byte, with growing pauses',
				},
				{
					displayName: 'Notify Subscribers',
					name: 'notifySubscribers',
					type: 'boolean',
					default: true,
					description: 'Whether YouTube notifies the channel\'s subscribers about the new video',
				},
				{
					displayName: 'Public Stats Viewable',
					name: 'publicStatsViewable',
					type: 'boolean',
					default: true,
					description: 'Whether the extended statistics on the watch page are public',
				},
				{
					displayName: 'Publish At',
					name: 'publishAt',
					type: 'dateTime',
					default: '',
					description: 'Schedule publication; YouTube requires Privacy Status "Private" until then',
				},
				{
					displayName: 'Recording Date',
					name: 'recordingDate',
					type: 'dateTime',
					default: '',
				},
				{
					displayName: 'Resume Session URI',
					name: 'sessionUri',
					type: 'string',
					default: '',
					description: 'Continue an interrupted upload: paste the session URI from the earlier error message. The metadata of the original session is kept; only missing bytes are sent.',
				},
				{
					displayName: 'Tags',
					name: 'tags',
					type: 'string',
					default: '',
					placeholder: 'travel, vlog, 2025',
					description: 'Comma-separated keywords (at most 500 characters in all)',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const file = await openBinary(this, i, property);
		if (file.size > MAX_VIDEO_BYTES) {
			throw new NodeOperationError(this.getNode(), `The video is larger than 256 GB, the YouTube limit`, { itemIndex: i });
		}
		const title = String(this.getNodeParameter('title', i, '')).trim();
		if (!title) throw new NodeOperationError(this.getNode(), 'A video needs a title', { itemIndex: i });
		const privacyStatus = this.getNodeParameter('privacyStatus', i, 'private') as string;
		const publishAt = rfc3339(options.publishAt);
		if (publishAt && privacyStatus !== 'private') {
			throw new NodeOperationError(this.getNode(), 'A scheduled video (Publish At) must be uploaded as Private', {
				itemIndex: i,
				description: 'YouTube makes it public at the Publish At time. Set Privacy Status to "Private".',
			});
		}
		const tags = splitTags(options.tags);
		const metadata: IDataObject = {
			snippet: compact({
				title,
				description: options.description as string,
				tags: tags.length ? tags : undefined,
				categoryId: String(this.getNodeParameter('categoryId', i, '22')),
				defaultLanguage: options.defaultLanguage as string,
				defaultAudioLanguage: options.defaultAudioLanguage as string,
			}),
			status: compact({
				privacyStatus,
				publishAt,
				selfDeclaredMadeForKids: options.selfDeclaredMadeForKids as boolean,
				containsSyntheticMedia: options.containsSyntheticMedia as boolean,
				embeddable: options.embeddable as boolean,
				license: options.license as string,
				publicStatsViewable: options.publicStatsViewable as boolean,
			}),
		};
		const parts = ['snippet', 'status'];
		const recordingDate = rfc3339(options.recordingDate);
		if (recordingDate) {
			metadata.recordingDetails = { recordingDate };
			parts.push('recordingDetails');
		}
		const mimeType = /^video\//i.test(file.mimeType) ? file.mimeType : 'application/octet-stream';
		const result = await resumableUpload(this, i, call, {
			file: { ...file, mimeType },
			label: 'video',
			sessionUri: (options.sessionUri as string) || undefined,
			initiate: {
				method: 'POST',
				path: `${YT_UPLOAD}/videos`,
				qs: compact({
					uploadType: 'resumable',
					part: parts.join(','),
					notifySubscribers: options.notifySubscribers === false ? false : undefined,
				}),
				headers: {
					'Content-Type': 'application/json; charset=UTF-8',
					'X-Upload-Content-Length': String(file.size),
					'X-Upload-Content-Type': mimeType,
				},
				body: metadata,
			},
			chunkSize: Math.max(GRANULE, Math.round(Number(options.chunkSizeMb ?? DEFAULT_CHUNK / MB) * MB)),
			maxRetries: Number(options.maxRetries ?? 5),
		});
		return {
			...result.resource,
			upload: {
				fileName: file.fileName,
				bytes: file.size,
				chunks: result.chunks,
				bytesSent: result.bytesSent,
				bytesAcknowledged: result.bytesAcknowledged,
				bytesResent: result.bytesResent,
				resumes: result.resumes,
			},
		};
	},
};
