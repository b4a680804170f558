import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { firstItem, partsField, partsOf, requireUserCredential, show, YT } from '../common';

const PARTS = ['brandingSettings', 'contentDetails', 'id', 'localizations', 'snippet', 'statistics', 'status', 'topicDetails'];
const DEFAULT_PARTS = ['snippet', 'contentDetails', 'statistics'];

export const get: OperationModule = {
	token: ['user', 'key'],
	description: [
		{
			displayName: 'Channel',
			name: 'by',
			type: 'options',
			options: [
				{ name: 'By Handle', value: 'handle', description: 'A public channel by its @handle' },
				{ name: 'By ID', value: 'id', description: 'A public channel by its ID (UC...)' },
				{ name: 'Mine', value: 'mine', description: 'The signed-in channel (OAuth2 credential)' },
			],
			default: 'mine',
			displayOptions: show('channel', 'get'),
		},
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'UC...',
			displayOptions: show('channel', 'get', { by: ['id'] }),
		},
		{
			displayName: 'Handle',
			name: 'handle',
			type: 'string',
			required: true,
			default: '',
			placeholder: '@example',
			displayOptions: show('channel', 'get', { by: ['handle'] }),
		},
		partsField('channel', 'get', PARTS, DEFAULT_PARTS),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const by = this.getNodeParameter('by', i) as string;
		const qs: IDataObject = { part: partsOf(this, i, DEFAULT_PARTS) };
		if (by === 'mine') {
			requireUserCredential(this, i, 'Getting my channel');
			qs.mine = true;
		} else if (by === 'id') qs.id = String(this.getNodeParameter('channelId', i)).trim();
		else {
			const handle = String(this.getNodeParameter('handle', i)).trim().replace(/^https?:\/\/(www\.)?youtube\.com\//, '');
			qs.forHandle = handle.startsWith('@') ? handle : `@${handle}`;
		}
		return firstItem(this, i, await call({ method: 'GET', path: `${YT}/channels`, qs, idempotent: true }), 'The channel');
	},
};
