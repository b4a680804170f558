import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { deleteArticle } from './delete.operation';
import { edit } from './edit.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { listCategories } from './listCategories.operation';
import { publish } from './publish.operation';
import { uploadImage } from './uploadImage.operation';

export const articleOperations: ResourceOperations = { uploadImage, publish, edit, delete: deleteArticle, get, list, listCategories };

export const articleDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['article'] } },
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete articles', description: 'Delete one or more of the account\'s articles' },
			{ name: 'Edit', value: 'edit', action: 'Edit an article', description: 'Change an article; it goes back to review' },
			{ name: 'Get', value: 'get', action: 'Get an article', description: 'One article with its review state' },
			{ name: 'List', value: 'list', action: 'List articles of the account', description: 'The account\'s articles, newest first' },
			{ name: 'List Categories', value: 'listCategories', action: 'List article categories', description: 'Article categories (专栏分类) with their sub-categories' },
			{ name: 'Publish', value: 'publish', action: 'Publish an article', description: 'Submit an article (专栏) for review' },
			{ name: 'Upload Image', value: 'uploadImage', action: 'Upload an article image', description: 'Upload an image for article content or covers and get its URL' },
		],
		default: 'publish',
	},
	...uploadImage.description,
	...publish.description,
	...edit.description,
	...deleteArticle.description,
	...get.description,
	...list.description,
	...listCategories.description,
];
