import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';

export const count: OperationModule = {
	token: 'app',
	description: [],
	async execute(this: IExecuteFunctions, _i: number, call: PlatformCall) {
		const reply = await call({ method: 'GET', path: '/cgi-bin/material/get_materialcount', idempotent: true });
		return { voice_count: reply.voice_count, video_count: reply.video_count, image_count: reply.image_count, news_count: reply.news_count };
	},
};
