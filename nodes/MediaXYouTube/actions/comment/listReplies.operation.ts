import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { listPages, paginationFields, textFormatField, YT } from '../common';
import { commentIdField } from './fields';

export const listReplies: OperationModule = {
	token: ['user', 'key'],
	description: [
		commentIdField('listReplies', 'Parent Comment ID', 'The top-level comment (thread ID) whose replies to list'),
		textFormatField('comment', 'listReplies'),
		...paginationFields('comment', 'listReplies'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		return listPages(
			this,
			i,
			call,
			{ method: 'GET', path: `${YT}/comments`, qs: { part: 'snippet', parentId: String(this.getNodeParameter('commentId', i)).trim(), textFormat: this.getNodeParameter('textFormat', i, 'html') } },
			100,
		);
	},
};
