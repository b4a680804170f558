import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { count } from './count.operation';
import { create } from './create.operation';
import { deleteDraft } from './delete.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { update } from './update.operation';

export const draftOperations: ResourceOperations = { create, update, get, list, count, delete: deleteDraft };

export const draftDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['draft'] } },
		options: [
			{ name: 'Count', value: 'count', action: 'Count drafts', description: 'Number of drafts in the draft box' },
			{ name: 'Create', value: 'create', action: 'Create a draft', description: 'Create a draft with one to eight articles' },
			{ name: 'Delete', value: 'delete', action: 'Delete a draft', description: 'Delete a draft from the draft box' },
			{ name: 'Get', value: 'get', action: 'Get a draft', description: 'A draft\'s articles' },
			{ name: 'List', value: 'list', action: 'List drafts', description: 'Drafts in the draft box, last updated first' },
			{ name: 'Update', value: 'update', action: 'Update a draft article', description: 'Replace one article of a draft' },
		],
		default: 'create',
	},
	...create.description,
	...update.description,
	...get.description,
	...list.description,
	...count.description,
	...deleteDraft.description,
];
