import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { compact, firstItem, rfc3339, show, splitTags, YT } from '../common';
import { PRIVACY_OPTIONS, videoIdField, videoIdOf } from './fields';

const SNIPPET_FIELDS = ['title', 'description', 'tags', 'categoryId', 'defaultLanguage', 'defaultAudioLanguage'];
const STATUS_FIELDS = ['privacyStatus', 'publishAt', 'embeddable', 'license', 'publicStatsViewable', 'selfDeclaredMadeForKids', 'containsSyntheticMedia'];

function pick(source: IDataObject | undefined, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (source?.[key] !== undefined) out[key] = source[key];
	return out;
}

export const update: OperationModule = {
	token: 'user',
	description: [
		videoIdField('update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields set here change; the rest of each part is read first and sent back unchanged (YouTube clears omitted properties of an updated part)',
			displayOptions: show('video', 'update'),
			options: [
				{ displayName: 'Category ID', name: 'categoryId', type: 'string', default: '22' },
				{ displayName: 'Contains Synthetic Media', name: 'containsSyntheticMedia', type: 'boolean', default: false, description: 'Whether the video contains realistic altered or synthetic content' },
				{ displayName: 'Default Audio Language', name: 'defaultAudioLanguage', type: 'string', default: '' },
				{ displayName: 'Default Language', name: 'defaultLanguage', type: 'string', default: '' },
				{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
				{ displayName: 'Embeddable', name: 'embeddable', type: 'boolean', default: true, description: 'Whether the video can be embedded on other websites' },
				{
					displayName: 'License',
					name: 'license',
					type: 'options',
					options: [
						{ name: 'Creative Commons', value: 'creativeCommon' },
						{ name: 'Standard YouTube License', value: 'youtube' },
					],
					default: 'youtube',
				},
				{ displayName: 'Made for Kids', name: 'selfDeclaredMadeForKids', type: 'boolean', default: false, description: 'Whether the video is made for children' },
				{ displayName: 'Privacy Status', name: 'privacyStatus', type: 'options', options: PRIVACY_OPTIONS, default: 'private' },
				{ displayName: 'Public Stats Viewable', name: 'publicStatsViewable', type: 'boolean', default: true, description: 'Whether the extended statistics are public' },
				{ displayName: 'Publish At', name: 'publishAt', type: 'dateTime', default: '', description: 'Scheduled publication time (the video must be private)' },
				{ displayName: 'Recording Date', name: 'recordingDate', type: 'dateTime', default: '' },
				{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated; replaces the current tags' },
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = videoIdOf(this.getNodeParameter('videoId', i));
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		if (fields.tags !== undefined) fields.tags = splitTags(fields.tags);
		if (fields.publishAt !== undefined) fields.publishAt = rfc3339(fields.publishAt);
		const snippetChanges = pick(fields, SNIPPET_FIELDS);
		const statusChanges = pick(fields, STATUS_FIELDS);
		const parts = [
			...(Object.keys(snippetChanges).length ? ['snippet'] : []),
			...(Object.keys(statusChanges).length ? ['status'] : []),
			...(fields.recordingDate ? ['recordingDetails'] : []),
		];
		if (!parts.length) throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under Update Fields', { itemIndex: i });
		// an update replaces every writable property of the listed parts: start from what the video has now
		const current = firstItem(this, i, await call({ method: 'GET', path: `${YT}/videos`, qs: { id, part: parts.join(',') }, idempotent: true }), `Video ${id}`);
		const body: IDataObject = { id };
		if (parts.includes('snippet')) {
			body.snippet = compact({ ...pick(current.snippet as IDataObject, SNIPPET_FIELDS), ...snippetChanges });
			const snippet = body.snippet as IDataObject;
			if (!snippet.title || !snippet.categoryId) {
				throw new NodeOperationError(this.getNode(), 'Updating the snippet needs a title and a category ID', { itemIndex: i, description: 'Set Title and Category ID under Update Fields.' });
			}
		}
		if (parts.includes('status')) {
			const status = { ...pick(current.status as IDataObject, STATUS_FIELDS), ...statusChanges };
			if (status.publishAt && status.privacyStatus !== 'private') {
				throw new NodeOperationError(this.getNode(), 'Publish At needs Privacy Status "Private"', { itemIndex: i });
			}
			body.status = compact(status);
		}
		if (parts.includes('recordingDetails')) body.recordingDetails = { ...((current.recordingDetails as IDataObject) ?? {}), recordingDate: rfc3339(fields.recordingDate) };
		return call({ method: 'PUT', path: `${YT}/videos`, qs: { part: parts.join(',') }, body });
	},
};
