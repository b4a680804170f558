import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show, splitList } from '../common';

export const create: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Video ID',
			name: 'videoId',
			type: 'string',
			required: true,
			default: '',
			description: 'The video_id returned by Video → Upload. Each uploaded video_id can be published once.',
			displayOptions: show('video', 'create'),
		},
		{
			displayName: 'Caption',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Title text; may contain #hashtags and @nicknames (list their open_ids under Mentioned Users)',
			displayOptions: show('video', 'create'),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show('video', 'create'),
			options: [
				{ displayName: 'Cover Frame (Seconds)', name: 'cover_tsp', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Use the frame at this time as the cover' },
				{ displayName: 'Custom Cover Image ID', name: 'custom_cover_image_url', type: 'string', default: '', description: 'An image_id from Image-Text → Upload Image' },
				{ displayName: 'Download Permission', name: 'download_type', type: 'options', options: [{ name: 'Allow', value: 1 }, { name: 'Forbid', value: 2 }], default: 1 },
				{ displayName: 'Mentioned Users (Open IDs)', name: 'at_users', type: 'string', default: '', description: 'Comma-separated open_ids of the users @-mentioned in the caption' },
				{ displayName: 'Mini-App ID', name: 'micro_app_id', type: 'string', default: '', description: 'Mini-program anchor; cannot be combined with a location anchor' },
				{ displayName: 'Mini-App Page Path', name: 'micro_app_url', type: 'string', default: '' },
				{ displayName: 'Mini-App Title', name: 'micro_app_title', type: 'string', default: '' },
				{ displayName: 'POI ID', name: 'poi_id', type: 'string', default: '', description: 'Location anchor; cannot be combined with a mini-app anchor' },
				{ displayName: 'POI Name', name: 'poi_name', type: 'string', default: '' },
				{ displayName: 'Timeliness Keyword', name: 'timeliness_keyword', type: 'string', default: '' },
				{ displayName: 'Timeliness Label', name: 'timeliness_label', type: 'string', default: '' },
				{
					displayName: 'Visibility',
					name: 'private_status',
					type: 'options',
					options: [
						{ name: 'Public', value: 0 },
						{ name: 'Only Me', value: 1 },
						{ name: 'Friends', value: 2 },
					],
					default: 0,
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const videoId = this.getNodeParameter('videoId', i) as string;
		const text = this.getNodeParameter('text', i, '') as string;
		const fields = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		if (fields.micro_app_id && fields.poi_id) {
			throw new NodeOperationError(this.getNode(), 'Fields "Mini-App ID" and "POI ID" cannot be used together: Douyin allows one anchor per video', { itemIndex: i });
		}
		if (fields.at_users !== undefined) fields.at_users = splitList(fields.at_users);
		const body: IDataObject = { video_id: videoId, ...fields };
		if (text) body.text = text;
		const reply = await call({ method: 'POST', path: '/api/douyin/v1/video/create_video/', body, identityInQuery: ['open_id'] });
		const data = payload(reply);
		return { item_id: data.item_id, video_id: data.video_id ?? videoId };
	},
};
