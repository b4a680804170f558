import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';

const TARGET_ID_FIELD: Record<string, string> = { get_user_profile: 'open_id', get_chat: 'open_id', get_item_info: 'item_id', get_live: 'room_id' };

/** Schema links open a Douyin page (profile, chat, video, live room, share-to-publish) from outside the app. */
export const getSchema: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'Link Type',
			name: 'schemaType',
			type: 'options',
			options: [
				{ name: 'Chat', value: 'get_chat' },
				{ name: 'Live Room', value: 'get_live' },
				{ name: 'Profile Page', value: 'get_user_profile' },
				{ name: 'Share to Publish', value: 'get_share' },
				{ name: 'Video Page', value: 'get_item_info' },
			],
			default: 'get_user_profile',
			displayOptions: show('tool', 'getSchema'),
		},
		{
			displayName: 'Target ID',
			name: 'targetId',
			type: 'string',
			default: '',
			description: 'Open_id for profile and chat, item_id for a video, room_id for a live room; not used for share',
			displayOptions: { show: { resource: ['tool'], operation: ['getSchema'], schemaType: ['get_chat', 'get_live', 'get_user_profile', 'get_item_info'] } },
		},
		{
			displayName: 'Valid For (Seconds)',
			name: 'validSeconds',
			type: 'number',
			typeOptions: { minValue: 60 },
			default: 86400,
			description: 'How long the link stays valid (Douyin caps this; out-of-range values are rejected with 28001007)',
			displayOptions: show('tool', 'getSchema'),
		},
		{
			displayName: 'Share Fields (JSON)',
			name: 'shareFields',
			type: 'json',
			default: '{}',
			description: 'For "Share to Publish": client_ticket, title, hashtag_list, video_path, state, … as documented by Douyin',
			displayOptions: { show: { resource: ['tool'], operation: ['getSchema'], schemaType: ['get_share'] } },
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const schemaType = this.getNodeParameter('schemaType', i) as string;
		const expireAt = Math.floor(Date.now() / 1000) + (this.getNodeParameter('validSeconds', i) as number);
		let body: IDataObject = { expire_at: expireAt };
		if (schemaType === 'get_share') {
			const raw = this.getNodeParameter('shareFields', i, '{}');
			const extra = typeof raw === 'string' ? (JSON.parse(raw || '{}') as IDataObject) : (raw as IDataObject);
			body = { ...extra, ...body };
		} else {
			const targetId = this.getNodeParameter('targetId', i, '') as string;
			if (!targetId) throw new NodeOperationError(this.getNode(), `Field "Target ID" is required for this link type (${TARGET_ID_FIELD[schemaType]})`, { itemIndex: i });
			body[TARGET_ID_FIELD[schemaType]] = targetId;
		}
		const reply = await call({ method: 'POST', path: `/api/douyin/v1/schema/${schemaType}/`, body, idempotent: true });
		return { schema: (reply.data as IDataObject)?.schema, type: schemaType, expire_at: expireAt };
	},
};
