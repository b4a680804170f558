import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { firstItem, show, YT } from '../common';

export const update: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Changes apply to the signed-in channel\'s branding settings; fields not set here keep their current values',
			name: 'channelUpdateNotice',
			type: 'notice',
			default: '',
			displayOptions: show('channel', 'update'),
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show('channel', 'update'),
			options: [
				{ displayName: 'Banner External URL', name: 'bannerExternalUrl', type: 'string', default: '', description: 'URL of a banner image previously uploaded for this channel' },
				{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'US', description: 'ISO 3166-1 alpha-2 country code' },
				{ displayName: 'Default Language', name: 'defaultLanguage', type: 'string', default: '', placeholder: 'en' },
				{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Channel description, at most 1000 characters' },
				{ displayName: 'Keywords', name: 'keywords', type: 'string', default: '', description: 'Space-separated keywords; put multi-word keywords in double quotes' },
				{ displayName: 'Unsubscribed Trailer', name: 'unsubscribedTrailer', type: 'string', default: '', description: 'Video ID shown to visitors who are not subscribed' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		if (!Object.keys(fields).length) throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under Update Fields', { itemIndex: i });
		// brandingSettings is replaced as a whole: read it, change the chosen fields, send it back
		const current = firstItem(this, i, await call({ method: 'GET', path: `${YT}/channels`, qs: { mine: true, part: 'brandingSettings' }, idempotent: true }), 'The signed-in channel');
		const branding = (current.brandingSettings ?? {}) as IDataObject;
		const channel: IDataObject = { ...((branding.channel as IDataObject) ?? {}) };
		for (const key of ['country', 'defaultLanguage', 'description', 'keywords', 'unsubscribedTrailer']) if (fields[key] !== undefined) channel[key] = fields[key];
		const image: IDataObject = { ...((branding.image as IDataObject) ?? {}) };
		if (fields.bannerExternalUrl) image.bannerExternalUrl = fields.bannerExternalUrl;
		return call({
			method: 'PUT',
			path: `${YT}/channels`,
			qs: { part: 'brandingSettings' },
			body: { id: current.id, brandingSettings: { channel, ...(Object.keys(image).length ? { image } : {}) } },
		});
	},
};
