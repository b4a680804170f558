import { createHash } from 'crypto';
import { signaturesEqual } from './constantTime';

/**
 * WeChat's SHA-1 signature over the lexicographically sorted, concatenated parts: [token, timestamp, nonce] for the
 * server-URL check and plain pushes (`signature`), plus the Encrypt value in safe mode (`msg_signature`)
 * (research events-and-publishing.md §2; WeChat OA doc "接入指南" and "消息加解密说明").
 */
export function wechatSignature(parts: string[]): string {
	return createHash('sha1').update([...parts].sort().join(''), 'utf8').digest('hex');
}

export function isWeChatSignatureValid(parts: string[], received: string | undefined): boolean {
	if (!received) return false;
	return signaturesEqual(received, wechatSignature(parts));
}
