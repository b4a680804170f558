import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { invalid, show } from '../common';
import { readSubmitBody, submitArchive, submitFields } from './shared';

export const submit: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Upload Token',
			name: 'uploadToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The upload_token returned by Video → Upload; each can be submitted once',
			displayOptions: show('video', 'submit'),
		},
		...submitFields(['submit']),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const uploadToken = String(this.getNodeParameter('uploadToken', i, '') ?? '').trim();
		if (!uploadToken) throw invalid(this, i, 'Field "Upload Token" is required');
		const body = readSubmitBody(this, i);
		const resourceId = await submitArchive(call, uploadToken, body);
		return { resource_id: resourceId, upload_token: uploadToken, title: body.title, state: 'submitted for review' };
	},
};
