import type { IDataObject } from 'n8n-workflow';
import { buildWeChatXml, type WeChatXmlInputObject, type WeChatXmlObject } from '../shared/events/wechatXml';

/*
 * Passive replies (WeChat OA doc "被动回复用户消息"): the answer to a push, addressed back to its sender, as text,
 * image (a media_id) or news. The doc allows one news article in reply to an ordinary message and up to 8 in
 * other cases; WeChat enforces that, the node only caps at 8.
 */

export type ReplyKind = 'success' | 'text' | 'image' | 'news';

export interface ReplyParameters {
	kind: ReplyKind;
	text?: string;
	mediaId?: string;
	articles?: IDataObject[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The reply XML for a push, or undefined for the plain acknowledgement "success". */
export function passiveReplyXml(push: WeChatXmlObject, reply: ReplyParameters, nowSeconds: number): string | undefined {
	if (reply.kind === 'success') return undefined;
	const head: WeChatXmlInputObject = { ToUserName: str(push.FromUserName), FromUserName: str(push.ToUserName), CreateTime: nowSeconds };
	if (reply.kind === 'text') return buildWeChatXml({ ...head, MsgType: 'text', Content: reply.text ?? '' });
	if (reply.kind === 'image') return buildWeChatXml({ ...head, MsgType: 'image', Image: { MediaId: reply.mediaId ?? '' } });
	const articles = (reply.articles ?? []).map((a) => ({ Title: str(a.title), Description: str(a.description), PicUrl: str(a.picUrl), Url: str(a.url) }));
	return buildWeChatXml({ ...head, MsgType: 'news', ArticleCount: articles.length, Articles: { item: articles } });
}

export function replyProblem(reply: ReplyParameters): string | undefined {
	if (reply.kind === 'text' && !reply.text) return 'Reply Text is empty';
	if (reply.kind === 'image' && !reply.mediaId) return 'Reply Media ID is empty';
	if (reply.kind === 'news' && !(reply.articles ?? []).length) return 'Reply Articles has no article';
	if (reply.kind === 'news' && (reply.articles ?? []).length > 8) return 'Reply Articles has more than 8 articles';
	return undefined;
}
