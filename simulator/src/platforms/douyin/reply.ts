import { randomBytes } from 'node:crypto';
import type { SimContext } from '../../core/types';

/**
 * The three Douyin reply dialects (research A.0.1). Every business error is HTTP 200.
 * - oauth:  { data: {..., error_code, description}, message: 'success' | 'error' }
 * - data:   { data: {..., error_code, description}, extra: { error_code, description, sub_error_code, sub_description, logid|log_id, now(ms) } }
 * - errno:  { data: {...}, err_no, err_msg, log_id }
 */
export type Dialect = 'oauth' | 'data' | 'errno';

export interface ReplyOptions {
	numbersAsStrings: boolean;
}

/** Douyin log ids: yyyyMMddHHmmss + 20 upper-case hex chars */
export function logId(now: number): string {
	const stamp = new Date(now).toISOString().replace(/[-:T]/g, '').slice(0, 14);
	return stamp + randomBytes(10).toString('hex').toUpperCase();
}

/** Doc examples sometimes carry numbers as strings ("expires_in":"86400"); clients must cope. */
function stringifyNumbers(value: unknown): unknown {
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) return value.map(stringifyNumbers);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringifyNumbers(v)]));
	return value;
}

export function replyOk(ctx: SimContext, dialect: Dialect, payload: Record<string, unknown>, opts: ReplyOptions): void {
	ctx.log.code = 0;
	const now = ctx.now();
	const shape = (data: Record<string, unknown>) => (opts.numbersAsStrings ? stringifyNumbers(data) : data);
	if (dialect === 'errno') {
		ctx.json(200, { data: shape(payload), err_no: 0, err_msg: '', log_id: logId(now) });
		return;
	}
	const data = shape({ ...payload, error_code: 0, description: '' });
	if (dialect === 'oauth') {
		ctx.json(200, { data, message: 'success' });
		return;
	}
	// success replies spell the request id `logid`, error replies `log_id`, as the official examples do
	ctx.json(200, { data, extra: { error_code: 0, description: '', sub_error_code: 0, sub_description: '', logid: logId(now), now } });
}

export function replyError(ctx: SimContext, dialect: Dialect, code: number, description: string, opts: ReplyOptions, oauthStyle: 'message' | 'extra' = 'message'): void {
	ctx.log.code = code;
	const now = ctx.now();
	if (dialect === 'errno') {
		ctx.json(200, { err_no: code, err_msg: description, log_id: logId(now) });
		return;
	}
	const data = opts.numbersAsStrings ? stringifyNumbers({ error_code: code, description }) : { error_code: code, description };
	if (dialect === 'oauth' && oauthStyle === 'message') {
		ctx.json(200, { data, message: 'error' });
		return;
	}
	ctx.json(200, { data, extra: { error_code: code, description, sub_error_code: 0, sub_description: '', log_id: logId(now), now } });
}
