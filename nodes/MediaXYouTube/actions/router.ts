import type { ResourceOperations } from '../../shared/node/operation';
import { authorizationOperations } from './authorization';
import { captionOperations } from './caption';
import { channelOperations } from './channel';
import { commentOperations } from './comment';
import { commentThreadOperations } from './commentThread';
import { playlistOperations } from './playlist';
import { playlistItemOperations } from './playlistItem';
import { searchOperations } from './search';
import { thumbnailOperations } from './thumbnail';
import { videoOperations } from './video';

/** resource → operation → module; each module declares its token kind. */
export const resources: Record<string, ResourceOperations> = {
	authorization: authorizationOperations,
	video: videoOperations,
	playlist: playlistOperations,
	playlistItem: playlistItemOperations,
	channel: channelOperations,
	commentThread: commentThreadOperations,
	comment: commentOperations,
	search: searchOperations,
	thumbnail: thumbnailOperations,
	caption: captionOperations,
};
