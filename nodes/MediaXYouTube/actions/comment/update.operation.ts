import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { YT } from '../common';
import { commentIdField, textField } from './fields';

export const update: OperationModule = {
	token: 'user',
	description: [commentIdField('update', 'Comment ID', 'A comment written by the signed-in channel'), textField('update')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		return call({
			method: 'PUT',
			path: `${YT}/comments`,
			qs: { part: 'snippet' },
			body: { id: String(this.getNodeParameter('commentId', i)).trim(), snippet: { textOriginal: this.getNodeParameter('text', i) as string } },
		});
	},
};
