import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { YT } from '../common';
import { playlistIdField, playlistIdOf } from './fields';

export const deletePlaylist: OperationModule = {
	token: 'user',
	description: [playlistIdField('delete')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = playlistIdOf(this.getNodeParameter('playlistId', i));
		await call({ method: 'DELETE', path: `${YT}/playlists`, qs: { id } });
		return { id, deleted: true };
	},
};
