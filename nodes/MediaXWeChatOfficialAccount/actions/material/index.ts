import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { add } from './add.operation';
import { count } from './count.operation';
import { deleteMaterial } from './delete.operation';
import { get } from './get.operation';
import { list } from './list.operation';

export const materialOperations: ResourceOperations = { add, get, list, count, delete: deleteMaterial };

export const materialDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['material'] } },
		options: [
			{ name: 'Add', value: 'add', action: 'Add a permanent material', description: 'Upload an image, thumb, voice or video file as permanent material' },
			{ name: 'Count', value: 'count', action: 'Count materials', description: 'Number of permanent materials of each type' },
			{ name: 'Delete', value: 'delete', action: 'Delete a material', description: 'Delete a permanent material' },
			{ name: 'Get', value: 'get', action: 'Get a material', description: 'Download a permanent material as a file (videos as JSON with a download URL)' },
			{ name: 'List', value: 'list', action: 'List materials', description: 'Permanent materials of one type, newest first' },
		],
		default: 'add',
	},
	...add.description,
	...get.description,
	...list.description,
	...count.description,
	...deleteMaterial.description,
];
