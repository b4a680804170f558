import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { listPages, paginationFields, show, textFormatField, YT } from '../common';
import { videoIdOf } from '../video/fields';

export const list: OperationModule = {
	token: ['user', 'key'],
	description: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Comments on a Video', value: 'video' },
				{ name: 'Comments Related to a Channel', value: 'channel', description: 'All threads on the channel\'s videos' },
			],
			default: 'video',
			displayOptions: show('commentThread', 'list'),
		},
		{
			displayName: 'Video ID',
			name: 'videoId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show('commentThread', 'list', { source: ['video'] }),
		},
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'UC...',
			displayOptions: show('commentThread', 'list', { source: ['channel'] }),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('commentThread', 'list'),
			options: [
				{
					displayName: 'Include Replies',
					name: 'includeReplies',
					type: 'boolean',
					default: true,
					description: 'Whether to return the first replies of each thread (the replies part)',
				},
				{
					displayName: 'Moderation Status',
					name: 'moderationStatus',
					type: 'options',
					options: [
						{ name: 'Held for Review', value: 'heldForReview' },
						{ name: 'Likely Spam', value: 'likelySpam' },
						{ name: 'Published', value: 'published' },
					],
					default: 'published',
					description: 'Held and spam comments are visible to the channel owner only (OAuth2 credential)',
				},
				{
					displayName: 'Order',
					name: 'order',
					type: 'options',
					options: [
						{ name: 'Newest First', value: 'time' },
						{ name: 'Relevance', value: 'relevance' },
					],
					default: 'time',
				},
				{ displayName: 'Search Terms', name: 'searchTerms', type: 'string', default: '', description: 'Only threads containing these words' },
			],
		},
		textFormatField('commentThread', 'list'),
		...paginationFields('commentThread', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const source = this.getNodeParameter('source', i) as string;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const qs: IDataObject = {
			part: options.includeReplies === false ? 'snippet' : 'snippet,replies',
			textFormat: this.getNodeParameter('textFormat', i, 'html'),
		};
		if (source === 'video') qs.videoId = videoIdOf(this.getNodeParameter('videoId', i));
		else qs.allThreadsRelatedToChannelId = String(this.getNodeParameter('channelId', i)).trim();
		for (const key of ['moderationStatus', 'order', 'searchTerms']) if (options[key]) qs[key] = options[key];
		return listPages(this, i, call, { method: 'GET', path: `${YT}/commentThreads`, qs }, 100);
	},
};
