import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { ytOperation } from '../common';
import { create } from './create.operation';
import { deletePlaylist } from './delete.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { update } from './update.operation';

export const playlistOperations: ResourceOperations = {
	create: ytOperation(create),
	update: ytOperation(update),
	delete: ytOperation(deletePlaylist),
	get: ytOperation(get),
	list: ytOperation(list),
};

export const playlistDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['playlist'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a playlist', description: 'Create a playlist on the signed-in channel' },
			{ name: 'Delete', value: 'delete', action: 'Delete a playlist' },
			{ name: 'Get', value: 'get', action: 'Get a playlist' },
			{ name: 'List', value: 'list', action: 'List playlists', description: 'My playlists, a channel\'s playlists, or playlists by ID' },
			{ name: 'Update', value: 'update', action: 'Update a playlist', description: 'Change title, description, tags or privacy' },
		],
		default: 'list',
	},
	...create.description,
	...update.description,
	...deletePlaylist.description,
	...get.description,
	...list.description,
];
