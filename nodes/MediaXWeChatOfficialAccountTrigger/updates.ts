import type { INodePropertyOptions } from 'n8n-workflow';
import type { WeChatXmlObject } from '../shared/events/wechatXml';

/*
 * Pushes the trigger can filter on: ordinary messages by MsgType (WeChat OA doc "接收普通消息") and events by Event
 * (doc "接收事件推送"; PUBLISHJOBFINISH from "发布能力", MASSSENDJOBFINISH from "群发接口",
 * TEMPLATESENDJOBFINISH from "模板消息"). Event names keep WeChat's case; the prefix keeps message "location" and
 * event "LOCATION" apart.
 */
export const WECHAT_UPDATES: INodePropertyOptions[] = [
	{ name: 'Any Message or Event', value: '*' },
	{ name: 'Event: Article Published (PUBLISHJOBFINISH)', value: 'event.PUBLISHJOBFINISH' },
	{ name: 'Event: Follow (Subscribe)', value: 'event.subscribe' },
	{ name: 'Event: Location Reported (LOCATION)', value: 'event.LOCATION' },
	{ name: 'Event: Mass Send Finished (MASSSENDJOBFINISH)', value: 'event.MASSSENDJOBFINISH' },
	{ name: 'Event: Menu Click (CLICK)', value: 'event.CLICK' },
	{ name: 'Event: Menu Link Opened (VIEW)', value: 'event.VIEW' },
	{ name: 'Event: QR Code Scanned by Follower (SCAN)', value: 'event.SCAN' },
	{ name: 'Event: Template Message Sent (TEMPLATESENDJOBFINISH)', value: 'event.TEMPLATESENDJOBFINISH' },
	{ name: 'Event: Unfollow (Unsubscribe)', value: 'event.unsubscribe' },
	{ name: 'Message: Image', value: 'message.image' },
	{ name: 'Message: Link', value: 'message.link' },
	{ name: 'Message: Location', value: 'message.location' },
	{ name: 'Message: Short Video', value: 'message.shortvideo' },
	{ name: 'Message: Text', value: 'message.text' },
	{ name: 'Message: Video', value: 'message.video' },
	{ name: 'Message: Voice', value: 'message.voice' },
];

function field(message: WeChatXmlObject, name: string): string {
	const value = message[name];
	return typeof value === 'string' ? value : '';
}

/** 'event.<Event>' or 'message.<MsgType>'. */
export function updateKind(message: WeChatXmlObject): string {
	const type = field(message, 'MsgType');
	return type === 'event' ? `event.${field(message, 'Event')}` : `message.${type}`;
}

/**
 * What identifies one push across WeChat's retries: MsgId for messages, FromUserName + CreateTime for events
 * (WeChat OA doc "接收普通消息": "推荐使用msgid排重"; "接收事件推送": "推荐使用FromUserName + CreateTime 排重").
 */
export function deliveryKey(message: WeChatXmlObject): string {
	const msgId = field(message, 'MsgId') || field(message, 'MsgID');
	return msgId ? `msg:${msgId}` : `event:${field(message, 'FromUserName')}:${field(message, 'CreateTime')}:${field(message, 'Event')}`;
}

export function isWanted(message: WeChatXmlObject, wanted: string[]): boolean {
	return wanted.length === 0 || wanted.includes('*') || wanted.includes(updateKind(message));
}
