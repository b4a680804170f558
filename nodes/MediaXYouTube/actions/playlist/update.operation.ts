import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { compact, firstItem, show, splitTags, YT } from '../common';
import { playlistFieldOptions, playlistIdField, playlistIdOf } from './fields';

export const update: OperationModule = {
	token: 'user',
	description: [
		playlistIdField('update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only these change; the current values of the rest are kept',
			displayOptions: show('playlist', 'update'),
			options: [...playlistFieldOptions, { displayName: 'Title', name: 'title', type: 'string', default: '' }],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = playlistIdOf(this.getNodeParameter('playlistId', i));
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		if (!Object.keys(fields).length) throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under Update Fields', { itemIndex: i });
		const current = firstItem(this, i, await call({ method: 'GET', path: `${YT}/playlists`, qs: { id, part: 'snippet,status' }, idempotent: true }), `Playlist ${id}`);
		const snippet = (current.snippet ?? {}) as IDataObject;
		const body: IDataObject = {
			id,
			snippet: compact({
				title: (fields.title as string) || (snippet.title as string),
				description: fields.description !== undefined ? (fields.description as string) : (snippet.description as string),
				tags: fields.tags !== undefined ? splitTags(fields.tags) : snippet.tags,
				defaultLanguage: (fields.defaultLanguage as string) || (snippet.defaultLanguage as string),
			}),
			status: { privacyStatus: (fields.privacyStatus as string) || ((current.status as IDataObject)?.privacyStatus as string) || 'private' },
		};
		return call({ method: 'PUT', path: `${YT}/playlists`, qs: { part: 'snippet,status' }, body });
	},
};
