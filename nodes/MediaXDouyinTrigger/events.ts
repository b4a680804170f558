import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Douyin's webhook events: developer.open-douyin.com/docs/resource/zh-CN/dop/develop/webhooks/event-list ("事件目录"),
 * plus im_authorize (mini-app private-message authorization webhook doc) and item_comment_reply (comment
 * management; its event name is not in the stored event list and is unconfirmed). verify_webhook is the URL check,
 * answered by the node and never emitted.
 */
export const DOUYIN_EVENTS: INodePropertyOptions[] = [
	{ name: 'Any Event', value: '*', description: 'Every event Douyin pushes, including ones not listed here' },
	{ name: 'Authorization Granted', value: 'authorize', description: 'A Douyin user authorised the app (authorize)' },
	{ name: 'Authorization Revoked', value: 'unauthorize', description: 'A Douyin user removed the authorization (unauthorize)' },
	{ name: 'Business Relationship Granted', value: 'contract_authorize', description: 'A user granted a *.bind scope or private-message capability (contract_authorize)' },
	{ name: 'Business Relationship Revoked', value: 'contract_unauthorize', description: 'A user revoked a *.bind scope or private-message capability (contract_unauthorize)' },
	{ name: 'Comment Reply', value: 'item_comment_reply', description: 'A comment or reply on an authorised account\'s video (item_comment_reply)' },
	{ name: 'Group Join Request', value: 'enter_group_audit_change', description: 'A user asked to join a fan group (enter_group_audit_change)' },
	{ name: 'Group Joined', value: 'group_fans_event', description: 'A user joined a fan group (group_fans_event)' },
	{ name: 'Group Message Received', value: 'im_group_receive_msg', description: 'A fan group received a message (im_group_receive_msg)' },
	{ name: 'Group Message Sent', value: 'im_group_send_msg', description: 'A fan group message was sent (im_group_send_msg)' },
	{ name: 'New Follower', value: 'new_follow_action', description: 'Someone followed the authorised user (new_follow_action)' },
	{ name: 'New Like', value: 'new_video_digg', description: 'Someone liked a video of the authorised user (new_video_digg)' },
	{ name: 'Private Message Authorization', value: 'im_authorize', description: 'A user authorised proactive private messages (im_authorize)' },
	{ name: 'Private Message Received', value: 'im_receive_msg', description: 'The authorised user received a private message (im_receive_msg)' },
	{ name: 'Private Message Sent', value: 'im_send_msg', description: 'The authorised user sent a private message (im_send_msg)' },
	{ name: 'Private Session Opened', value: 'im_enter_direct_msg', description: 'A user opened the private-message session (im_enter_direct_msg)' },
	{ name: 'Union Authorization (B)', value: 'union_auth_info_for_b', description: 'Union authorization completed, notice to the B-side app (union_auth_info_for_b)' },
	{ name: 'Union Authorization (C)', value: 'union_auth_info_for_c', description: 'Union authorization completed, notice to the C-side app (union_auth_info_for_c)' },
	{ name: 'Video Published', value: 'create_video', description: 'A user published a video shared from the app (create_video)' },
];

export const VERIFY_WEBHOOK_EVENT = 'verify_webhook';
