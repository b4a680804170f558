import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { BLOGGER, show, WRITES } from '../common';

export const listMine: OperationModule = {
	// "self" is an account: the OAuth2 user or the user a service account impersonates
	token: WRITES,
	description: [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show('blog', 'listMine'),
			options: [
				{ displayName: 'Include User Info', name: 'fetchUserInfo', type: 'boolean', default: false, description: 'Whether to add the account\'s role on each blog (blogUserInfos)' },
				{
					displayName: 'Role',
					name: 'role',
					type: 'options',
					options: [
						{ name: 'Admin', value: 'ADMIN' },
						{ name: 'Author', value: 'AUTHOR' },
						{ name: 'Reader', value: 'READER' },
					],
					default: 'ADMIN',
					description: 'Only blogs where the account has this role',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.role) qs.role = options.role;
		if (options.fetchUserInfo) qs.fetchUserInfo = true;
		const body = await call({ method: 'GET', path: `${BLOGGER}/users/self/blogs`, qs, idempotent: true });
		const infos = (body.blogUserInfos ?? []) as IDataObject[];
		return ((body.items ?? []) as IDataObject[]).map((blog, n) => (infos[n] ? { ...blog, blogUserInfo: infos[n] } : blog));
	},
};
