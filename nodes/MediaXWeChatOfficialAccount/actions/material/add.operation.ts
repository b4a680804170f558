import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { MEDIA_TYPE_OPTIONS, PERMANENT_LIMITS, inputBinaryField, mediaUpload, show, type MediaType } from '../common';

export const add: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'Type',
			name: 'materialType',
			type: 'options',
			options: MEDIA_TYPE_OPTIONS,
			default: 'image',
			description: 'Kind of permanent material; a draft cover needs an image or thumb material',
			displayOptions: show('material', 'add'),
		},
		inputBinaryField('material', 'add', 'The name of the input binary field holding the file; its size and type are checked before upload'),
		{
			displayName: 'Title',
			name: 'videoTitle',
			type: 'string',
			required: true,
			default: '',
			description: 'Title of the video material',
			displayOptions: show('material', 'add', { materialType: ['video'] }),
		},
		{
			displayName: 'Introduction',
			name: 'videoIntroduction',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Description of the video material',
			displayOptions: show('material', 'add', { materialType: ['video'] }),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const type = this.getNodeParameter('materialType', i) as MediaType;
		const property = this.getNodeParameter('binaryPropertyName', i) as string;
		const fields: Record<string, string> = {};
		if (type === 'video') {
			const title = String(this.getNodeParameter('videoTitle', i, '') ?? '').trim();
			if (!title) throw new NodeOperationError(this.getNode(), 'Field "Title" is required for a video material', { itemIndex: i });
			const introduction = String(this.getNodeParameter('videoIntroduction', i, '') ?? '');
			fields.description = JSON.stringify({ title, introduction });
		}
		const upload = await mediaUpload(this, i, property, PERMANENT_LIMITS[type], `WeChat ${type} material`, fields);
		const reply = await call({ method: 'POST', path: '/cgi-bin/material/add_material', qs: { type }, body: upload.body, headers: upload.headers });
		const out: IDataObject = { media_id: reply.media_id, type, file_name: upload.fileName, size: upload.size };
		if (reply.url) out.url = reply.url;
		return out;
	},
};
