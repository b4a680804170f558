import { createHash } from 'crypto';
import { signaturesEqual } from './constantTime';

/**
 * Douyin's webhook signature: lowercase hex SHA-1 of client_secret followed by the raw request body
 * (developer.open-douyin.com/docs/resource/zh-CN/dop/develop/webhooks/summarize, "消息来源验证"; research
 * events-and-publishing.md §1).
 */
export function douyinSignature(clientSecret: string, rawBody: Buffer | string): string {
	return createHash('sha1').update(Buffer.concat([Buffer.from(clientSecret, 'utf8'), Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8')])).digest('hex');
}

/** True when the X-Douyin-Signature header matches the body; a missing or empty header never matches. */
export function isDouyinSignatureValid(clientSecret: string, rawBody: Buffer | string, header: string | undefined): boolean {
	if (!header || !clientSecret) return false;
	return signaturesEqual(header.trim(), douyinSignature(clientSecret, rawBody));
}
