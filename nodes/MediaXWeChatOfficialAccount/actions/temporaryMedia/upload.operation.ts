import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { MEDIA_TYPE_OPTIONS, TEMPORARY_LIMITS, inputBinaryField, mediaUpload, show, type MediaType } from '../common';

const THREE_DAYS_S = 3 * 86400;

export const upload: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'Type',
			name: 'mediaType',
			type: 'options',
			options: MEDIA_TYPE_OPTIONS.map((o) =>
				o.value === 'image' ? { ...o, description: 'Png, jpeg, jpg or gif, up to 10 MB' } : o.value === 'voice' ? { ...o, description: 'Amr or mp3, up to 2 MB and 60 seconds' } : o,
			),
			default: 'image',
			description: 'Kind of temporary media; WeChat keeps it for 3 days. Draft covers need permanent material instead.',
			displayOptions: show('temporaryMedia', 'upload'),
		},
		inputBinaryField('temporaryMedia', 'upload', 'The name of the input binary field holding the file; its size and type are checked before upload'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const type = this.getNodeParameter('mediaType', i) as MediaType;
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const file = await mediaUpload(this, i, property, TEMPORARY_LIMITS[type], `WeChat temporary ${type} upload`);
		const reply = await call({ method: 'POST', path: '/cgi-bin/media/upload', qs: { type }, body: file.body, headers: file.headers });
		const createdAt = Number(reply.created_at ?? 0);
		return {
			media_id: reply.media_id ?? reply.thumb_media_id,
			type: reply.type ?? type,
			created_at: createdAt,
			expires_at: createdAt ? createdAt + THREE_DAYS_S : undefined,
			file_name: file.fileName,
			size: file.size,
		};
	},
};
