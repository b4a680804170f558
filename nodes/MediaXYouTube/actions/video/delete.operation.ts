import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { YT } from '../common';
import { videoIdField, videoIdOf } from './fields';

export const deleteVideo: OperationModule = {
	token: 'user',
	description: [videoIdField('delete')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const id = videoIdOf(this.getNodeParameter('videoId', i));
		await call({ method: 'DELETE', path: `${YT}/videos`, qs: { id } });
		return { id, deleted: true };
	},
};
