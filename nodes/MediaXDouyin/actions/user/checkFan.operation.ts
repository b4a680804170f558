import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { payload, show } from '../common';

export const checkFan: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Follower Open ID',
			name: 'followerOpenId',
			type: 'string',
			required: true,
			default: '',
			description: 'The open_id of the user who may follow the connected account',
			displayOptions: show('user', 'checkFan'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const followerOpenId = this.getNodeParameter('followerOpenId', i) as string;
		const body = await call({ method: 'GET', path: '/fans/check/', qs: { follower_open_id: followerOpenId }, identityInQuery: ['open_id'], idempotent: true });
		const data = payload(body);
		return { follower_open_id: followerOpenId, is_follower: data.is_follower, follow_time: data.follow_time };
	},
};
