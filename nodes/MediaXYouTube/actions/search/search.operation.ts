import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { compact, listPages, paginationFields, requireUserCredential, rfc3339, show, YT } from '../common';

const any = (values: string[]) => values.map((v) => ({ name: v.charAt(0).toUpperCase() + v.slice(1), value: v }));

export const search: OperationModule = {
	token: ['user', 'key'],
	description: [
		{
			displayName: 'Query',
			name: 'q',
			type: 'string',
			default: '',
			placeholder: 'surfing -boat',
			description: 'Search terms; - excludes, | means OR. Each search costs 100 quota units per page.',
			displayOptions: show('search', 'search'),
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'multiOptions',
			options: [
				{ name: 'Channel', value: 'channel' },
				{ name: 'Playlist', value: 'playlist' },
				{ name: 'Video', value: 'video' },
			],
			default: ['video'],
			description: 'Kinds of results; the video filters need Video only',
			displayOptions: show('search', 'search'),
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show('search', 'search'),
			options: [
				{ displayName: 'Channel ID', name: 'channelId', type: 'string', default: '', description: 'Only results from this channel' },
				{ displayName: 'Event Type', name: 'eventType', type: 'options', options: any(['completed', 'live', 'upcoming']), default: 'live', description: 'Live broadcasts only (type Video)' },
				{ displayName: 'For Mine', name: 'forMine', type: 'boolean', default: false, description: 'Whether to search only the signed-in channel\'s videos (OAuth2 credential, type Video)' },
				{ displayName: 'Location', name: 'location', type: 'string', default: '', placeholder: '37.42307,-122.08427', description: 'Latitude,longitude; needs Location Radius' },
				{ displayName: 'Location Radius', name: 'locationRadius', type: 'string', default: '', placeholder: '10km' },
				{
					displayName: 'Order',
					name: 'order',
					type: 'options',
					options: [
						{ name: 'Date', value: 'date' },
						{ name: 'Rating', value: 'rating' },
						{ name: 'Relevance', value: 'relevance' },
						{ name: 'Title', value: 'title' },
						{ name: 'Video Count', value: 'videoCount' },
						{ name: 'View Count', value: 'viewCount' },
					],
					default: 'relevance',
				},
				{ displayName: 'Published After', name: 'publishedAfter', type: 'dateTime', default: '' },
				{ displayName: 'Published Before', name: 'publishedBefore', type: 'dateTime', default: '' },
				{ displayName: 'Region Code', name: 'regionCode', type: 'string', default: '', placeholder: 'US' },
				{ displayName: 'Relevance Language', name: 'relevanceLanguage', type: 'string', default: '', placeholder: 'en' },
				{ displayName: 'Safe Search', name: 'safeSearch', type: 'options', options: any(['moderate', 'none', 'strict']), default: 'moderate' },
				{ displayName: 'Topic ID', name: 'topicId', type: 'string', default: '' },
				{ displayName: 'Video Caption', name: 'videoCaption', type: 'options', options: [{ name: 'Any', value: 'any' }, { name: 'Closed Caption', value: 'closedCaption' }, { name: 'None', value: 'none' }], default: 'any' },
				{ displayName: 'Video Category ID', name: 'videoCategoryId', type: 'string', default: '' },
				{ displayName: 'Video Definition', name: 'videoDefinition', type: 'options', options: any(['any', 'high', 'standard']), default: 'any' },
				{
					displayName: 'Video Duration',
					name: 'videoDuration',
					type: 'options',
					options: [
						{ name: 'Any', value: 'any' },
						{ name: 'Long (Over 20 Min)', value: 'long' },
						{ name: 'Medium (4–20 Min)', value: 'medium' },
						{ name: 'Short (Under 4 Min)', value: 'short' },
					],
					default: 'any',
				},
				{ displayName: 'Video Embeddable', name: 'videoEmbeddable', type: 'boolean', default: false, description: 'Whether to return only embeddable videos' },
				{ displayName: 'Video License', name: 'videoLicense', type: 'options', options: [{ name: 'Any', value: 'any' }, { name: 'Creative Commons', value: 'creativeCommon' }, { name: 'YouTube', value: 'youtube' }], default: 'any' },
				{ displayName: 'Video Type', name: 'videoType', type: 'options', options: any(['any', 'episode', 'movie']), default: 'any' },
			],
		},
		...paginationFields('search', 'search'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const filters = { ...(this.getNodeParameter('filters', i, {}) as IDataObject) };
		const types = this.getNodeParameter('type', i, ['video']) as string[];
		const videoOnly = ['eventType', 'forMine', 'videoCaption', 'videoCategoryId', 'videoDefinition', 'videoDuration', 'videoEmbeddable', 'videoLicense', 'videoType'].filter((k) => filters[k] !== undefined && filters[k] !== false && filters[k] !== '');
		if (videoOnly.length && (types.length !== 1 || types[0] !== 'video')) {
			throw new NodeOperationError(this.getNode(), `The filters ${videoOnly.join(', ')} need Type "Video" only`, { itemIndex: i });
		}
		if (filters.forMine) {
			requireUserCredential(this, i, 'Searching my videos (For Mine)');
			if (filters.channelId) throw new NodeOperationError(this.getNode(), 'For Mine cannot be combined with Channel ID', { itemIndex: i });
		} else delete filters.forMine;
		if (filters.videoEmbeddable) filters.videoEmbeddable = 'true';
		else delete filters.videoEmbeddable;
		filters.publishedAfter = rfc3339(filters.publishedAfter);
		filters.publishedBefore = rfc3339(filters.publishedBefore);
		const qs = compact({ part: 'snippet', q: this.getNodeParameter('q', i, '') as string, type: types.join(','), ...filters });
		return listPages(this, i, call, { method: 'GET', path: `${YT}/search`, qs });
	},
};
