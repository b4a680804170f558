import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { compact, show, splitTags, YT } from '../common';
import { playlistFieldOptions } from './fields';

export const create: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			required: true,
			default: '',
			description: 'Playlist title, at most 150 characters',
			displayOptions: show('playlist', 'create'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('playlist', 'create'),
			options: playlistFieldOptions,
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const tags = splitTags(options.tags);
		const body: IDataObject = {
			snippet: compact({
				title: this.getNodeParameter('title', i) as string,
				description: options.description as string,
				tags: tags.length ? tags : undefined,
				defaultLanguage: options.defaultLanguage as string,
			}),
			status: { privacyStatus: (options.privacyStatus as string) || 'private' },
		};
		return call({ method: 'POST', path: `${YT}/playlists`, qs: { part: 'snippet,status' }, body });
	},
};
