import { createHash, randomUUID } from 'node:crypto';
import { deliverPush, type PushAttempt } from '../../core/deliver';
import { SIM_CLIENT_KEY, SIM_CLIENT_SECRET } from './store';

/*
 * Douyin's webhook push (developer.open-douyin.com/docs/resource/zh-CN/dop/develop/webhooks/summarize and
 * .../webhooks/event-list): POST application/json {event, client_key, from_user_id, to_user_id, content (a JSON
 * string), log_id}; header X-Douyin-Signature = hex sha1(client_secret + body); header Msg-Id for de-duplication.
 * The URL check is event verify_webhook with content {challenge: N} (an object in the doc's sample), to be answered
 * with {"challenge": N} in the body.
 */

export interface DouyinPushInput {
	url: string;
	event: string;
	content?: unknown;
	from_user_id?: string;
	to_user_id?: string;
	client_key?: string;
	log_id?: string;
	msgId?: string;
	clientSecret?: string;
	/** 'forge' signs with a wrong secret, 'omit' sends no signature header */
	signature?: 'valid' | 'forge' | 'omit';
	/** sent instead of the JSON body (signed like one), e.g. to test a malformed body */
	rawBody?: string;
	duplicates?: number;
	retries?: number;
	timeoutMs?: number;
}

export interface DouyinPushResult {
	msgId: string;
	body: string;
	attempts: PushAttempt[];
	/** for verify_webhook: whether the answer echoed the challenge as JSON */
	verified?: boolean;
}

export async function pushDouyinEvent(input: DouyinPushInput): Promise<DouyinPushResult> {
	if (!input?.url || !input.event) throw new Error('douyin push needs url and event');
	const isCheck = input.event === 'verify_webhook';
	const content = input.content ?? (isCheck ? { challenge: Math.floor(Math.random() * 1e9) } : {});
	const payload = {
		event: input.event,
		client_key: input.client_key ?? (isCheck ? '' : SIM_CLIENT_KEY),
		from_user_id: input.from_user_id ?? '',
		to_user_id: input.to_user_id ?? '',
		// event contents are serialised JSON strings; the URL check's is an object
		content: isCheck || typeof content === 'string' ? content : JSON.stringify(content),
		log_id: input.log_id ?? `${Date.now()}${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
	};
	const body = input.rawBody ?? JSON.stringify(payload);
	const secret = input.signature === 'forge' ? `${input.clientSecret ?? SIM_CLIENT_SECRET}-forged` : (input.clientSecret ?? SIM_CLIENT_SECRET);
	const msgId = input.msgId ?? randomUUID();
	const headers: Record<string, string> = { 'content-type': 'application/json', 'msg-id': msgId };
	if (input.signature !== 'omit') headers['x-douyin-signature'] = createHash('sha1').update(secret + body).digest('hex');
	const attempts = await deliverPush({ url: input.url, method: 'POST', headers, body }, { duplicates: input.duplicates, retries: input.retries, timeoutMs: input.timeoutMs });
	const result: DouyinPushResult = { msgId, body, attempts };
	if (isCheck) {
		const last = attempts.find((a) => a.status === 200);
		let echoed: unknown;
		try {
			echoed = last ? JSON.parse(last.body) : undefined;
		} catch {
			echoed = undefined;
		}
		result.verified = !!echoed && (echoed as { challenge?: unknown }).challenge === (content as { challenge?: unknown }).challenge;
	}
	return result;
}
