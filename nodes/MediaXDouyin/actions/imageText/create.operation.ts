import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show, splitList } from '../common';

export const createImageText: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Image IDs',
			name: 'imageIds',
			type: 'string',
			required: true,
			default: '',
			description: 'Comma-separated image_ids from Image-Text → Upload Image, in display order',
			displayOptions: show('imageText', 'create'),
		},
		{
			displayName: 'Caption',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			displayOptions: show('imageText', 'create'),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show('imageText', 'create'),
			options: [
				{ displayName: 'Mentioned Users (Open IDs)', name: 'at_users', type: 'string', default: '' },
				{ displayName: 'Mini-App ID', name: 'micro_app_id', type: 'string', default: '' },
				{ displayName: 'Mini-App Page Path', name: 'micro_app_url', type: 'string', default: '' },
				{ displayName: 'Mini-App Title', name: 'micro_app_title', type: 'string', default: '' },
				{ displayName: 'POI ID', name: 'poi_id', type: 'string', default: '' },
				{ displayName: 'POI Name', name: 'poi_name', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const imageList = splitList(this.getNodeParameter('imageIds', i));
		if (!imageList.length) throw new NodeOperationError(this.getNode(), 'Field "Image IDs" needs at least one image_id', { itemIndex: i });
		const fields = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		if (fields.micro_app_id && fields.poi_id) {
			throw new NodeOperationError(this.getNode(), 'Fields "Mini-App ID" and "POI ID" cannot be used together: Douyin allows one anchor per post', { itemIndex: i });
		}
		if (fields.at_users !== undefined) fields.at_users = splitList(fields.at_users);
		const text = this.getNodeParameter('text', i, '') as string;
		const reply = await call({
			method: 'POST',
			path: '/api/douyin/v1/video/create_image_text/',
			body: { image_list: imageList, ...(text ? { text } : {}), ...fields },
			identityInQuery: ['open_id'],
		});
		return { item_id: payload(reply).item_id, image_count: imageList.length };
	},
};
