import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { firstItem, partsField, partsOf, YT } from '../common';
import { PLAYLIST_DEFAULT_PARTS, PLAYLIST_PARTS, playlistIdField, playlistIdOf } from './fields';

export const get: OperationModule = {
	token: ['user', 'key'],
	description: [playlistIdField('get'), partsField('playlist', 'get', PLAYLIST_PARTS, PLAYLIST_DEFAULT_PARTS)],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = playlistIdOf(this.getNodeParameter('playlistId', i));
		const body = await call({ method: 'GET', path: `${YT}/playlists`, qs: { id, part: partsOf(this, i, PLAYLIST_DEFAULT_PARTS) }, idempotent: true });
		return firstItem(this, i, body, `Playlist ${id}`);
	},
};
