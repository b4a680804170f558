import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { collectPages } from '../../../shared/node/pagination';
import { firstItem, listPages, paginationFields, partsField, partsOf, requireUserCredential, show, splitList, YT } from '../common';
import { VIDEO_DEFAULT_PARTS, VIDEO_PARTS, videoIdOf } from './fields';

export const list: OperationModule = {
	token: ['user', 'key'],
	description: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Most Popular (Chart)', value: 'chart', description: 'The most popular public videos of a region' },
				{ name: 'My Liked or Disliked Videos', value: 'myRating', description: 'Videos the signed-in account rated (OAuth2 credential)' },
				{ name: 'My Uploads', value: 'mine', description: 'The signed-in channel\'s uploads, newest first (OAuth2 credential)' },
				{ name: 'Uploads of a Channel', value: 'channel', description: 'Public uploads of any channel' },
				{ name: 'Video IDs', value: 'ids', description: 'Specific videos, up to 50 per request' },
			],
			default: 'mine',
			displayOptions: show('video', 'list'),
		},
		{
			displayName: 'Video IDs',
			name: 'videoIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'dQw4w9WgXcQ, 9bZkp7q19f0',
			description: 'Comma-separated video IDs',
			displayOptions: show('video', 'list', { source: ['ids'] }),
		},
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'UC...',
			displayOptions: show('video', 'list', { source: ['channel'] }),
		},
		{
			displayName: 'Rating',
			name: 'myRating',
			type: 'options',
			options: [
				{ name: 'Disliked', value: 'dislike' },
				{ name: 'Liked', value: 'like' },
			],
			default: 'like',
			displayOptions: show('video', 'list', { source: ['myRating'] }),
		},
		{
			displayName: 'Region Code',
			name: 'regionCode',
			type: 'string',
			default: '',
			placeholder: 'US',
			description: 'ISO 3166-1 alpha-2 country code of the chart',
			displayOptions: show('video', 'list', { source: ['chart'] }),
		},
		{
			displayName: 'Video Category ID',
			name: 'videoCategoryId',
			type: 'string',
			default: '',
			description: 'Only this category\'s chart',
			displayOptions: show('video', 'list', { source: ['chart'] }),
		},
		partsField('video', 'list', VIDEO_PARTS, VIDEO_DEFAULT_PARTS),
		...paginationFields('video', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const source = this.getNodeParameter('source', i) as string;
		const part = partsOf(this, i, VIDEO_DEFAULT_PARTS);
		const videosById = async (ids: string[]): Promise<IDataObject[]> => {
			if (!ids.length) return [];
			const body = await call({ method: 'GET', path: `${YT}/videos`, qs: { id: ids.join(','), part }, idempotent: true });
			const byId = new Map(((body.items ?? []) as IDataObject[]).map((v) => [String(v.id), v]));
			return ids.map((id) => byId.get(id)).filter((v): v is IDataObject => !!v);
		};
		if (source === 'ids') {
			const ids = splitList(this.getNodeParameter('videoIds', i)).map(videoIdOf);
			const out: IDataObject[] = [];
			for (let n = 0; n < ids.length; n += 50) out.push(...(await videosById(ids.slice(n, n + 50))));
			return out;
		}
		if (source === 'chart' || source === 'myRating') {
			if (source === 'myRating') requireUserCredential(this, i, 'Listing rated videos');
			const qs: IDataObject =
				source === 'chart'
					? { chart: 'mostPopular', part, ...(this.getNodeParameter('regionCode', i, '') ? { regionCode: this.getNodeParameter('regionCode', i) } : {}), ...(this.getNodeParameter('videoCategoryId', i, '') ? { videoCategoryId: this.getNodeParameter('videoCategoryId', i) } : {}) }
					: { myRating: this.getNodeParameter('myRating', i), part };
			return listPages(this, i, call, { method: 'GET', path: `${YT}/videos`, qs });
		}
		// uploads: the channel's "uploads" playlist, then the videos themselves for the chosen parts
		if (source === 'mine') requireUserCredential(this, i, 'Listing my uploads');
		const channelQs: IDataObject = source === 'mine' ? { mine: true } : { id: this.getNodeParameter('channelId', i) as string };
		const channel = firstItem(this, i, await call({ method: 'GET', path: `${YT}/channels`, qs: { ...channelQs, part: 'contentDetails' }, idempotent: true }), 'The channel');
		const uploads = ((channel.contentDetails as IDataObject)?.relatedPlaylists as IDataObject)?.uploads as string;
		return collectPages<IDataObject, string>(this, i, '', async (pageToken, wanted) => {
			const page = await call({
				method: 'GET',
				path: `${YT}/playlistItems`,
				qs: { playlistId: uploads, part: 'contentDetails', maxResults: Math.min(50, Math.max(1, wanted)), ...(pageToken ? { pageToken } : {}) },
				idempotent: true,
			});
			const ids = ((page.items ?? []) as IDataObject[]).map((item) => String((item.contentDetails as IDataObject)?.videoId ?? ''));
			return { items: await videosById(ids.filter(Boolean)), next: (page.nextPageToken as string | undefined) || undefined };
		});
	},
};
