import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { deliverPush, type PushAttempt } from '../../core/deliver';
import { APPID } from './state';

/*
 * WeChat Official Account message push, as WeChat sends it (research events-and-publishing.md §2; WeChat OA docs
 * "接入指南", "接收普通消息", "接收事件推送", "被动回复用户消息", "消息加解密说明"):
 * - URL check: GET ?signature&timestamp&nonce&echostr, signature = sha1(sort(token, timestamp, nonce)); the server
 *   must answer echostr.
 * - Push: POST XML with ?signature&timestamp&nonce&openid; in compatible and safe mode also encrypt_type=aes and
 *   msg_signature = sha1(sort(token, timestamp, nonce, Encrypt)). Safe mode's body is <xml><ToUserName/><Encrypt/></xml>;
 *   compatible mode's carries the plain fields and Encrypt.
 * - Encryption: AES-256-CBC, key = base64(EncodingAESKey + "="), IV = key[0..16], PKCS#7 to 32 bytes, plaintext =
 *   16 random bytes | 4-byte big-endian length | XML | AppID.
 * - Replies: "success" or "" for none; a passive reply is XML, in safe mode <xml><Encrypt/><MsgSignature/>
 *   <TimeStamp/><Nonce/></xml>, which this module checks and decrypts like WeChat would.
 * Written independently of the node's code so the e2e suite checks one against the other.
 */

export const DEFAULT_PUSH_TOKEN = 'simtoken123';
export const DEFAULT_ENCODING_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');
const aesKey = (encodingAesKey: string) => Buffer.from(`${encodingAesKey}=`, 'base64');

function cdata(v: string): string {
	return `<![CDATA[${v.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function toXml(fields: Record<string, unknown>): string {
	const el = (name: string, v: unknown): string =>
		Array.isArray(v)
			? v.map((x) => el(name, x)).join('')
			: typeof v === 'number'
				? `<${name}>${v}</${name}>`
				: v !== null && typeof v === 'object'
					? `<${name}>${Object.entries(v).map(([k, x]) => el(k, x)).join('')}</${name}>`
					: `<${name}>${cdata(String(v ?? ''))}</${name}>`;
	return el('xml', fields);
}

/** Reads WeChat's reply XML (leaf elements of the root and one level of nesting are all a reply has). */
export function readReplyXml(xml: string): Record<string, unknown> {
	const body = /^\s*<xml>([\s\S]*)<\/xml>\s*$/.exec(xml);
	if (!body) throw new Error(`reply is not <xml>…</xml>: ${xml.slice(0, 200)}`);
	const read = (inner: string): Record<string, unknown> | string => {
		const out: Record<string, unknown> = {};
		const re = /<([A-Za-z_][\w]*)>([\s\S]*?)<\/\1>/g;
		let m: RegExpExecArray | null;
		let any = false;
		while ((m = re.exec(inner))) {
			any = true;
			const cd = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(m[2]);
			const value = cd ? cd[1].replace(/]]]]><!\[CDATA\[>/g, ']]>') : /</.test(m[2]) ? read(m[2]) : m[2];
			if (out[m[1]] === undefined) out[m[1]] = value;
			else out[m[1]] = ([] as unknown[]).concat(out[m[1]], value);
		}
		return any ? out : inner;
	};
	const parsed = read(body[1]);
	return typeof parsed === 'string' ? {} : parsed;
}

function encrypt(key: Buffer, xml: string, appId: string): string {
	const msg = Buffer.from(xml);
	const len = Buffer.alloc(4);
	len.writeUInt32BE(msg.length);
	let plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(appId)]);
	const pad = 32 - (plain.length % 32);
	plain = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
	const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
	return Buffer.concat([c.update(plain), c.final()]).toString('base64');
}

function decrypt(key: Buffer, b64: string): { xml: string; appId: string } {
	const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
	const plain = Buffer.concat([d.update(Buffer.from(b64, 'base64')), d.final()]);
	const pad = plain[plain.length - 1];
	if (pad < 1 || pad > 32) throw new Error('reply has bad PKCS#7 padding');
	const content = plain.subarray(0, plain.length - pad);
	const len = content.readUInt32BE(16);
	return { xml: content.subarray(20, 20 + len).toString(), appId: content.subarray(20 + len).toString() };
}

export interface WeChatPushInput {
	url: string;
	mode?: 'plain' | 'compatible' | 'safe';
	token?: string;
	encodingAesKey?: string;
	appId?: string;
	/** the push's fields (ToUserName, FromUserName, CreateTime, MsgType, …); CreateTime defaults to now */
	message?: Record<string, unknown>;
	/** sent as the body instead of the built XML (still signed), e.g. a malformed body */
	rawBody?: string;
	/** 'forge' signs with a wrong token, 'omit' leaves the signatures out */
	signature?: 'valid' | 'forge' | 'omit';
	/** encrypt for another AppID than the account's */
	encryptForAppId?: string;
	timestamp?: number;
	nonce?: string;
	duplicates?: number;
	retries?: number;
	timeoutMs?: number;
}

export interface WeChatReplyCheck {
	/** 'success' / empty acknowledgement, or a passive reply */
	kind: 'ack' | 'reply';
	/** safe-mode reply: MsgSignature matched sha1(token, TimeStamp, Nonce, Encrypt) and the AppID was the account's */
	signatureValid?: boolean;
	appIdValid?: boolean;
	xml?: string;
	fields?: Record<string, unknown>;
	error?: string;
}

export interface WeChatPushResult {
	query: Record<string, string>;
	body: string;
	attempts: PushAttempt[];
	/** what WeChat makes of the first 2xx answer */
	reply?: WeChatReplyCheck;
}

function checkReply(text: string, encrypted: boolean, token: string, key: Buffer, appId: string): WeChatReplyCheck {
	if (text === '' || text === 'success') return { kind: 'ack' };
	try {
		const outer = readReplyXml(text);
		if (!encrypted) return { kind: 'reply', xml: text, fields: outer };
		const enc = String(outer.Encrypt ?? '');
		const signatureValid = sha1([token, String(outer.TimeStamp ?? ''), String(outer.Nonce ?? ''), enc]) === outer.MsgSignature;
		const inner = decrypt(key, enc);
		return { kind: 'reply', signatureValid, appIdValid: inner.appId === appId, xml: inner.xml, fields: readReplyXml(inner.xml) };
	} catch (e) {
		return { kind: 'reply', error: (e as Error).message };
	}
}

export async function pushWeChatMessage(input: WeChatPushInput, nowMs: number): Promise<WeChatPushResult> {
	if (!input?.url) throw new Error('wechat push needs url');
	const mode = input.mode ?? 'plain';
	const token = input.token ?? DEFAULT_PUSH_TOKEN;
	const appId = input.appId ?? APPID;
	const key = aesKey(input.encodingAesKey ?? DEFAULT_ENCODING_AES_KEY);
	const timestamp = String(input.timestamp ?? Math.floor(nowMs / 1000));
	const nonce = input.nonce ?? String(randomBytes(4).readUInt32BE(0));
	const signToken = input.signature === 'forge' ? `${token}x` : token;
	const fields = { ToUserName: 'gh_sim0000001', FromUserName: 'oSimUser000000000000000001', CreateTime: Math.floor(nowMs / 1000), ...(input.message ?? { MsgType: 'text', Content: 'hello', MsgId: String(nowMs) }) };
	const plainXml = input.rawBody ?? toXml(fields);
	const query: Record<string, string> = { timestamp, nonce, openid: String(fields.FromUserName) };
	let body = plainXml;
	if (input.signature !== 'omit') query.signature = sha1([signToken, timestamp, nonce]);
	if (mode !== 'plain') {
		const enc = encrypt(key, plainXml, input.encryptForAppId ?? appId);
		body = mode === 'safe' ? toXml({ ToUserName: String(fields.ToUserName), Encrypt: enc }) : plainXml.replace(/<\/xml>\s*$/, `<Encrypt>${cdata(enc)}</Encrypt></xml>`);
		query.encrypt_type = 'aes';
		if (input.signature !== 'omit') query.msg_signature = sha1([signToken, timestamp, nonce, enc]);
	}
	const url = new URL(input.url);
	for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
	const attempts = await deliverPush({ url: url.href, method: 'POST', headers: { 'content-type': 'text/xml' }, body }, { duplicates: input.duplicates, retries: input.retries, timeoutMs: input.timeoutMs });
	const ok = attempts.find((a) => a.status >= 200 && a.status < 300);
	return { query, body, attempts, reply: ok ? checkReply(ok.body, mode !== 'plain', token, key, appId) : undefined };
}

export interface WeChatUrlCheckInput {
	url: string;
	token?: string;
	signature?: 'valid' | 'forge' | 'omit';
}

/** The console's server-URL check: passes when the answer is exactly echostr. */
export async function checkWeChatServerUrl(input: WeChatUrlCheckInput, nowMs: number) {
	if (!input?.url) throw new Error('wechat verify-url needs url');
	const token = input.token ?? DEFAULT_PUSH_TOKEN;
	const timestamp = String(Math.floor(nowMs / 1000));
	const nonce = String(randomBytes(4).readUInt32BE(0));
	const echostr = String(randomBytes(8).readBigUInt64BE(0));
	const url = new URL(input.url);
	url.searchParams.set('timestamp', timestamp);
	url.searchParams.set('nonce', nonce);
	url.searchParams.set('echostr', echostr);
	if (input.signature !== 'omit') url.searchParams.set('signature', sha1([input.signature === 'forge' ? `${token}x` : token, timestamp, nonce]));
	const [attempt] = await deliverPush({ url: url.href, method: 'GET', headers: {} }, { retries: 0 });
	return { echostr, status: attempt.status, body: attempt.body, verified: attempt.status === 200 && attempt.body === echostr };
}
