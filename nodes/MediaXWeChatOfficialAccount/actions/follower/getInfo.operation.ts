import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, splitList } from '../common';

const BATCH = 100;

export const getInfo: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'OpenIDs',
			name: 'openids',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'oABC123..., oDEF456...',
			description: 'One openid, or a comma-separated list; they are fetched 100 per request and output one item per follower',
			displayOptions: show('follower', 'getInfo'),
		},
		{
			displayName: 'Language',
			name: 'lang',
			type: 'options',
			options: [
				{ name: 'English', value: 'en' },
				{ name: 'Simplified Chinese', value: 'zh_CN' },
				{ name: 'Traditional Chinese', value: 'zh_TW' },
			],
			default: 'zh_CN',
			description: 'Language of country, province and city names',
			displayOptions: show('follower', 'getInfo'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const openids = splitList(this.getNodeParameter('openids', i));
		if (!openids.length) throw new NodeOperationError(this.getNode(), 'Field "OpenIDs" is empty', { itemIndex: i });
		const lang = this.getNodeParameter('lang', i, 'zh_CN') as string;
		const out: IDataObject[] = [];
		for (let start = 0; start < openids.length; start += BATCH) {
			const userList = openids.slice(start, start + BATCH).map((openid) => ({ openid, lang }));
			const reply = await call({ method: 'POST', path: '/cgi-bin/user/info/batchget', body: { user_list: userList }, idempotent: true });
			out.push(...((reply.user_info_list ?? []) as IDataObject[]));
		}
		return out;
	},
};
