import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { createImageText } from './create.operation';
import { uploadImage } from './uploadImage.operation';

export const imageTextOperations: ResourceOperations = { uploadImage, create: createImageText };

export const imageTextDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['imageText'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Publish an image text post', description: 'Publish an image-text (图文) post from uploaded image_ids' },
			{ name: 'Upload Image', value: 'uploadImage', action: 'Upload an image', description: 'Upload an image from binary data and get its image_id' },
		],
		default: 'uploadImage',
	},
	...uploadImage.description,
	...createImageText.description,
];
