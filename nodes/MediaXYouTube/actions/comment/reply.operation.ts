import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { YT } from '../common';
import { commentIdField, textField } from './fields';

export const reply: OperationModule = {
	token: 'user',
	description: [commentIdField('reply', 'Parent Comment ID', 'The top-level comment (thread ID) to reply to'), textField('reply')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		return call({
			method: 'POST',
			path: `${YT}/comments`,
			qs: { part: 'snippet' },
			body: { snippet: { parentId: String(this.getNodeParameter('commentId', i)).trim(), textOriginal: this.getNodeParameter('text', i) as string } },
		});
	},
};
