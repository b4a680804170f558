import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { authorizationStatus, type UserAuthorizationAdapter } from '../shared/engine/authorizationStatus';
import { bilibiliUserAdapter } from '../shared/platforms/bilibili';
import { douyinUserAdapter } from '../shared/platforms/douyin';
import { googleUserAdapter } from '../shared/platforms/google';
import { redbookUserAdapter } from '../shared/platforms/redbook';
import { wechatWebUserAdapter } from '../shared/platforms/wechat';
import { credentialMemoryKey, dueStatuses } from './conditions';

/** Every credential a person authorizes, with the label the panel shows. */
const WATCHABLE: Array<{ adapter: UserAuthorizationAdapter; label: string }> = [
	{ adapter: douyinUserAdapter, label: 'Douyin Account (user authorization)' },
	{ adapter: bilibiliUserAdapter, label: 'Bilibili Account (user authorization)' },
	{ adapter: redbookUserAdapter, label: 'RedBook JuGuang Account (advertiser authorization)' },
	{ adapter: wechatWebUserAdapter, label: 'WeChat Web Authorization (user authorization)' },
	{ adapter: googleUserAdapter, label: 'Google Account (YouTube, Blogger)' },
];

export class MediaXAuthorizationWatch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX Authorization Watch',
		name: 'mediaXAuthorizationWatch',
		icon: { light: 'file:authorizationWatch.svg', dark: 'file:authorizationWatch.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"warns " + ($parameter["warnDaysBefore"] ?? 7) + " days before"}}',
		description: 'Starts the workflow once when an account authorization attached here is about to run out, has used up its renewals or was refused',
		defaults: { name: 'MediaX Authorization Watch' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: WATCHABLE.map(({ adapter, label }) => ({ name: adapter.credentialType, displayName: label, required: false })),
		properties: [
			{
				displayName:
					'Attach the account credentials to watch above (any number). The watch reads only what the credentials store, so it calls no platform; the times are kept current by the MediaX nodes that use the credentials.',
				name: 'watchNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Warn Days Before',
				name: 'warnDaysBefore',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 7,
				description: 'Report an authorization when a person must authorize it again within this many days',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const warnDays = Number(this.getNodeParameter('warnDaysBefore', 7));
		const attached = this.getNode().credentials ?? {};
		const watched = WATCHABLE.filter(({ adapter }) => attached[adapter.credentialType]);
		if (!watched.length) {
			throw new NodeOperationError(this.getNode(), 'No account credential is attached', {
				description: 'Open the node and choose at least one credential to watch (Douyin, Bilibili, RedBook, WeChat web authorization or Google account).',
			});
		}
		const now = Date.now();
		const entries = [];
		for (const { adapter } of watched) {
			const reference = attached[adapter.credentialType];
			const credentials = await this.getCredentials(adapter.credentialType);
			entries.push({
				key: credentialMemoryKey(adapter.credentialType, reference.id),
				status: authorizationStatus(adapter, credentials, { credentialName: reference.name, warnDays, now }),
			});
		}
		// "Fetch Test Event": the current status of every watched credential, whether due or not (n8n keeps no
		// static data from manual runs, so the memory is left alone)
		if (this.getMode() === 'manual') return [entries.map(({ status }) => ({ json: status }))];
		const due = dueStatuses(entries, this.getWorkflowStaticData('node') as IDataObject);
		return due.length ? [due.map((status) => ({ json: status }))] : null;
	}
}
