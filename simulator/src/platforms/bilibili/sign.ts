import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SimContext } from '../../core/types';
import { BiliError } from './call';
import type { BiliStore } from './store';
import { SIM_BILI_CLIENT_ID, SIM_BILI_CLIENT_SECRET } from './store';

/** the six headers the official demo signs */
export const SIGNED_HEADERS = ['x-bili-accesskeyid', 'x-bili-content-md5', 'x-bili-signature-method', 'x-bili-signature-nonce', 'x-bili-signature-version', 'x-bili-timestamp'];

const APP_SECRETS: Record<string, string> = { [SIM_BILI_CLIENT_ID]: SIM_BILI_CLIENT_SECRET };

function header(ctx: SimContext, name: string): string | undefined {
	const v = ctx.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

export function md5Hex(data: Buffer | string): string {
	return createHash('md5').update(data).digest('hex');
}

/**
 * Verifies the member-host request signature (接口签名实现标准, open.bilibili.com doc/4/8673959e-f7bb-56e6-6e68-d225f971b81b,
 * mirrored at bilibili.apifox.cn/doc-885734; research §5.3). The page marks Accept, Content-Type, the six x-bili-*
 * headers and Authorization as required, with Content-Type application/json or multipart/form-data; access-token is
 * required for signature version 2.0. Authorization is every x-bili-* header, sorted by name, rendered `name:value`,
 * joined with "\n" and no trailing newline, HMAC-SHA256 keyed with the App_Secret, lowercase hex.
 * x-bili-content-md5 is the MD5 of the exact body bytes; GET and empty bodies use MD5(""), and so do multipart
 * bodies (the official C# demo signs its multipart uploads that way). Returns the client id on success.
 */
export function verifySignature(ctx: SimContext, store: BiliStore, rawBody: Buffer | undefined, multipart: boolean): string {
	const fail = (name: 'authMissing' | 'signatureInvalid' | 'timestampExpired' | 'nonceReplayed' | 'accessKeyMismatch', message: string) => new BiliError(store.code(name), message);
	const accessKeyId = header(ctx, 'x-bili-accesskeyid');
	if (!header(ctx, 'x-bili-signature-method') && (ctx.query.access_token || ctx.query.client_id)) throw fail('authMissing', 'legacy query-parameter authentication is not supported; sign the request with the x-bili-* headers');
	for (const name of SIGNED_HEADERS) if (!header(ctx, name)) throw fail('authMissing', `missing header ${name}`);
	if (!header(ctx, 'authorization')) throw fail('authMissing', 'missing Authorization (signature) header');
	const contentType = (header(ctx, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!contentType) throw fail('authMissing', 'missing header Content-Type (required on every signed request: application/json or multipart/form-data)');
	if (contentType !== 'application/json' && contentType !== 'multipart/form-data') throw fail('signatureInvalid', `Content-Type ${contentType} is not allowed; use application/json or multipart/form-data`);
	if (!/application\/json/i.test(header(ctx, 'accept') ?? '')) throw fail('authMissing', 'missing header Accept: application/json (required on every signed request)');
	if (header(ctx, 'x-bili-signature-method') !== 'HMAC-SHA256') throw fail('signatureInvalid', 'x-bili-signature-method must be HMAC-SHA256');
	const version = header(ctx, 'x-bili-signature-version');
	if (version !== '2.0' && !(version === '1.0' && store.config.acceptSignatureV1)) throw fail('signatureInvalid', `unsupported x-bili-signature-version ${version}`);
	ctx.log.note = ctx.log.note ? `${ctx.log.note}; signature-version=${version}` : `signature-version=${version}`;
	const secret = APP_SECRETS[accessKeyId!];
	if (!secret) throw fail('accessKeyMismatch', `client_id验证错误: unknown x-bili-accesskeyid ${accessKeyId}`);

	const expectedMd5 = md5Hex(multipart || !rawBody ? '' : rawBody);
	if (header(ctx, 'x-bili-content-md5') !== expectedMd5) throw fail('signatureInvalid', `x-bili-content-md5 does not match the body (expected MD5 of ${multipart ? 'the empty string for multipart' : 'the exact body bytes'})`);

	const timestamp = header(ctx, 'x-bili-timestamp')!;
	if (!/^\d+$/.test(timestamp)) throw fail('timestampExpired', 'x-bili-timestamp must be Unix seconds');
	const skew = Math.abs(Math.floor(ctx.now() / 1000) - Number(timestamp));
	if (skew > store.config.timestampWindowSeconds) throw fail('timestampExpired', `x-bili-timestamp is ${skew}s away from server time (window ${store.config.timestampWindowSeconds}s)`);

	const names = Object.keys(ctx.headers)
		.filter((n) => n.startsWith('x-bili-'))
		.sort();
	const canonical = names.map((n) => `${n}:${header(ctx, n)}`).join('\n');
	const expected = createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
	const given = header(ctx, 'authorization')!;
	const ok = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
	if (!ok) {
		const trailing = createHmac('sha256', secret).update(`${canonical}\n`, 'utf8').digest('hex');
		throw fail('signatureInvalid', given === trailing ? 'signature computed with a trailing newline; the canonical string has none' : 'signature mismatch');
	}

	const nonce = header(ctx, 'x-bili-signature-nonce')!;
	const now = ctx.now();
	for (const [n, until] of store.nonces) if (until <= now) store.nonces.delete(n);
	if (store.nonces.has(nonce)) throw fail('nonceReplayed', 'x-bili-signature-nonce was already used');
	store.nonces.set(nonce, now + store.config.nonceTtlSeconds * 1000);
	return accessKeyId!;
}
