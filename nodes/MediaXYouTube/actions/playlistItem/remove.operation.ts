import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, YT } from '../common';

export const remove: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Playlist Item ID',
			name: 'playlistItemId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID of the playlist item (not the video ID), as returned by Playlist Item → List or Add',
			displayOptions: show('playlistItem', 'remove'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = String(this.getNodeParameter('playlistItemId', i)).trim();
		await call({ method: 'DELETE', path: `${YT}/playlistItems`, qs: { id } });
		return { id, removed: true };
	},
};
