import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { firstItem, partsField, partsOf, YT } from '../common';
import { VIDEO_DEFAULT_PARTS, VIDEO_PARTS, videoIdField, videoIdOf } from './fields';

export const get: OperationModule = {
	token: ['user', 'key'],
	description: [videoIdField('get'), partsField('video', 'get', VIDEO_PARTS, VIDEO_DEFAULT_PARTS)],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = videoIdOf(this.getNodeParameter('videoId', i));
		const body = await call({ method: 'GET', path: `${YT}/videos`, qs: { id, part: partsOf(this, i, VIDEO_DEFAULT_PARTS) }, idempotent: true });
		return firstItem(this, i, body, `Video ${id}`);
	},
};
