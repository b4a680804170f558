import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { paginationFields } from '../../../shared/node/pagination';
import { offsetPages, show } from '../common';

export const list: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'Type',
			name: 'listType',
			type: 'options',
			options: [
				{ name: 'Image (Includes Thumbs)', value: 'image' },
				{ name: 'News (Legacy)', value: 'news' },
				{ name: 'Video', value: 'video' },
				{ name: 'Voice', value: 'voice' },
			],
			default: 'image',
			description: 'Which material library to list, newest first',
			displayOptions: show('material', 'list'),
		},
		...paginationFields('material', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const type = this.getNodeParameter('listType', i) as string;
		return offsetPages(this, i, call, '/cgi-bin/material/batchget_material', { type });
	},
};
