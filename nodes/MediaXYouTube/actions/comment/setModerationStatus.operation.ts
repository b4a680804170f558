import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, splitList, YT } from '../common';

export const setModerationStatus: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Comment IDs',
			name: 'commentIds',
			type: 'string',
			required: true,
			default: '',
			description: 'Comma-separated comment IDs on the signed-in channel\'s videos',
			displayOptions: show('comment', 'setModerationStatus'),
		},
		{
			displayName: 'Moderation Status',
			name: 'moderationStatus',
			type: 'options',
			options: [
				{ name: 'Held for Review', value: 'heldForReview' },
				{ name: 'Published', value: 'published', description: 'Approve' },
				{ name: 'Rejected', value: 'rejected', description: 'Hide from the video' },
			],
			default: 'published',
			displayOptions: show('comment', 'setModerationStatus'),
		},
		{
			displayName: 'Ban Author',
			name: 'banAuthor',
			type: 'boolean',
			default: false,
			description: 'Whether to also reject the author\'s future comments (only with Rejected)',
			displayOptions: show('comment', 'setModerationStatus', { moderationStatus: ['rejected'] }),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const ids = splitList(this.getNodeParameter('commentIds', i));
		if (!ids.length) throw new NodeOperationError(this.getNode(), 'No comment IDs given', { itemIndex: i });
		const moderationStatus = this.getNodeParameter('moderationStatus', i) as string;
		const banAuthor = moderationStatus === 'rejected' && (this.getNodeParameter('banAuthor', i, false) as boolean);
		await call({ method: 'POST', path: `${YT}/comments/setModerationStatus`, qs: { id: ids.join(','), moderationStatus, ...(banAuthor ? { banAuthor: true } : {}) } });
		return { ids, moderationStatus, banAuthor };
	},
};
