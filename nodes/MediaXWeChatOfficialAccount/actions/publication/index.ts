import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { deletePublication } from './delete.operation';
import { getArticle } from './getArticle.operation';
import { getStatus } from './getStatus.operation';
import { list } from './list.operation';
import { submit } from './submit.operation';

export const publicationOperations: ResourceOperations = { submit, getStatus, list, getArticle, delete: deletePublication };

export const publicationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['publication'] } },
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete a published article', description: 'Delete one or all articles of a published message' },
			{ name: 'Get Article', value: 'getArticle', action: 'Get a published article', description: 'The articles of a published message by article_id' },
			{ name: 'Get Status', value: 'getStatus', action: 'Get the status of a publish task', description: 'Result of a submitted publish task, optionally waiting for it to finish' },
			{ name: 'List', value: 'list', action: 'List published articles', description: 'Published messages, last updated first' },
			{ name: 'Submit', value: 'submit', action: 'Submit a draft for publishing', description: 'Publish a draft (free publish, not a mass message to followers)' },
		],
		default: 'submit',
	},
	...submit.description,
	...getStatus.description,
	...list.description,
	...getArticle.description,
	...deletePublication.description,
];
