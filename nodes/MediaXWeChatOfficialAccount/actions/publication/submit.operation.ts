import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';

/** Starts a publish task. Sent exactly once: a resend after a dropped connection could publish the draft twice. */
export const submit: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'Draft Media ID',
			name: 'mediaId',
			type: 'string',
			required: true,
			default: '',
			description: 'The draft to publish, as returned by Draft → Create. The draft leaves the draft box while it is published.',
			displayOptions: show('publication', 'submit'),
		},
		{
			displayName: 'Success here only means WeChat accepted the task: use Publication → Get Status (with "Wait for Completion") for the result and the article URL',
			name: 'submitNotice',
			type: 'notice',
			default: '',
			displayOptions: show('publication', 'submit'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const mediaId = this.getNodeParameter('mediaId', i) as string;
		const reply = await call({ method: 'POST', path: '/cgi-bin/freepublish/submit', body: { media_id: mediaId } });
		return {
			publish_id: String(reply.publish_id),
			msg_data_id: reply.msg_data_id !== undefined ? String(reply.msg_data_id) : undefined,
			media_id: mediaId,
		};
	},
};
