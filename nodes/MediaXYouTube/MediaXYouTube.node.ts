import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { credentialChoices, credentialNotice } from '../shared/node/credentialChoice';
import { routeOperations } from '../shared/node/router';
import { authorizationDescription } from './actions/authorization';
import { captionDescription } from './actions/caption';
import { channelDescription } from './actions/channel';
import { commentDescription } from './actions/comment';
import { commentThreadDescription } from './actions/commentThread';
import { playlistDescription } from './actions/playlist';
import { playlistItemDescription } from './actions/playlistItem';
import { searchDescription } from './actions/search';
import { thumbnailDescription } from './actions/thumbnail';
import { videoDescription } from './actions/video';
import { youTubePlatform } from './transport';
import { requestsInParallelProperty } from '../shared/node/parallel';
import { requestTimeoutProperty } from '../shared/node/timeout';

/** What each credential is, as the panel names it. */
const credentialLabels = {
	mediaXGoogleOAuth2Api: 'Google Account (user authorization)',
	mediaXGoogleServiceAccountApi: 'Google Service Account (legacy API key for public reads)',
	mediaXGoogleApiKeyApi: 'Google API Key (public reads)',
};

export class MediaXYouTube implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX YouTube',
		name: 'mediaXYouTube',
		icon: { light: 'file:youtube.svg', dark: 'file:youtube.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Upload videos (resumable), manage playlists, comments, captions and thumbnails, and search YouTube',
		defaults: { name: 'MediaX YouTube' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialChoices(youTubePlatform, credentialLabels),
		properties: [
			{
				displayName: credentialNotice(youTubePlatform, credentialLabels),
				name: 'credentialsNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Authorization', value: 'authorization', description: 'When the account must authorize again, read from the credential' },
					{ name: 'Caption', value: 'caption' },
					{ name: 'Channel', value: 'channel' },
					{ name: 'Comment', value: 'comment' },
					{ name: 'Comment Thread', value: 'commentThread' },
					{ name: 'Playlist', value: 'playlist' },
					{ name: 'Playlist Item', value: 'playlistItem' },
					{ name: 'Search', value: 'search' },
					{ name: 'Thumbnail', value: 'thumbnail' },
					{ name: 'Video', value: 'video' },
				],
				default: 'video',
			},
			...authorizationDescription,
			...videoDescription,
			...playlistDescription,
			...playlistItemDescription,
			...channelDescription,
			...commentThreadDescription,
			...commentDescription,
			...searchDescription,
			...thumbnailDescription,
			...captionDescription,
			requestsInParallelProperty,
			requestTimeoutProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperations(this, youTubePlatform);
	}
}
