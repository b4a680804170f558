import { randomBytes } from 'node:crypto';
import type { SimContext } from '../../core/types';
import { REDBOOK_ERROR_CODES, type RedbookGrant, type RedbookStore } from './store';

export type Scope = 'report_service' | 'ad_query' | 'ad_manage' | 'account_manage';

export interface RedbookRoute {
	paths: string[];
	methods: Array<'GET' | 'POST'>;
	/** undefined: a token endpoint (no Access-Token) */
	scope?: Scope;
	tokenRequest?: boolean;
	handler(call: RedbookCall): void | Promise<void>;
}

/** thrown by validators; the dispatcher turns it into a business error reply */
export class RedbookError extends Error {
	constructor(
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

export function paramError(message: string): RedbookError {
	return new RedbookError(REDBOOK_ERROR_CODES.paramError, message);
}

export function requestId(): string {
	return randomBytes(16).toString('hex');
}

/** One API request: parameters (JSON body, or the query for GET), the grant behind the token, replies. */
export class RedbookCall {
	params: Record<string, unknown> = {};
	grant?: RedbookGrant;
	advertiserId = 0;

	constructor(
		readonly ctx: SimContext,
		readonly store: RedbookStore,
		readonly route: RedbookRoute,
	) {}

	now(): number {
		return this.ctx.now();
	}

	/** appends to ctx.log.note: which documented variant this request used */
	note(text: string): void {
		this.ctx.log.note = this.ctx.log.note ? `${this.ctx.log.note}; ${text}` : text;
	}

	ok(data: unknown, topLevel?: Record<string, unknown>): void {
		this.ctx.log.code = 0;
		this.ctx.json(200, { ...(topLevel ?? {}), code: 0, success: true, msg: '成功', data, request_id: requestId() });
	}

	fail(code: number, msg: string): void {
		replyRedbookError(this.ctx, this.store, code, msg);
	}

	// ---- typed parameter readers; each throws a parameter error ----

	int(name: string, opts: { required?: boolean; min?: number; max?: number; oneOf?: number[] } = {}): number | undefined {
		const value = this.params[name];
		if (value === undefined || value === null || value === '') {
			if (opts.required) throw paramError(`${name} is required`);
			return undefined;
		}
		const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
		if (!Number.isInteger(n)) throw paramError(`${name} must be an integer`);
		if (opts.min !== undefined && n < opts.min) throw paramError(`${name} must be ≥ ${opts.min}`);
		if (opts.max !== undefined && n > opts.max) throw paramError(`${name} must be ≤ ${opts.max}`);
		if (opts.oneOf && !opts.oneOf.includes(n)) throw paramError(`${name} must be one of ${opts.oneOf.join(', ')}`);
		return n;
	}

	str(name: string, opts: { required?: boolean; maxChars?: number } = {}): string | undefined {
		const value = this.params[name];
		if (value === undefined || value === null || value === '') {
			if (opts.required) throw paramError(`${name} is required`);
			return undefined;
		}
		if (typeof value !== 'string') throw paramError(`${name} must be a string`);
		if (opts.maxChars !== undefined && [...value].length > opts.maxChars) throw paramError(`${name} must be at most ${opts.maxChars} characters`);
		return value;
	}

	date(name: string, required = false): string | undefined {
		const value = this.str(name, { required });
		if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) throw paramError(`${name} must be a date yyyy-MM-dd`);
		return value;
	}

	/** an id list with the endpoint's batch limit; ids may be numbers or numeric strings */
	ids(name: string, max: number, required = false): number[] | undefined {
		const value = this.params[name];
		if (value === undefined || value === null) {
			if (required) throw paramError(`${name} is required`);
			return undefined;
		}
		if (!Array.isArray(value)) throw paramError(`${name} must be an array`);
		if (required && !value.length) throw paramError(`${name} must not be empty`);
		if (value.length > max) throw paramError(`${name}: at most ${max} ids per call`);
		return value.map((v) => {
			const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
			if (!Number.isInteger(n)) throw paramError(`${name} must contain integer ids`);
			return n;
		});
	}
}

/** Business errors are HTTP 200; token errors optionally in the gateway's errorCode/errorMsg shape. */
export function replyRedbookError(ctx: SimContext, store: RedbookStore, code: number, msg: string): void {
	ctx.log.code = code;
	const gateway = store.config.gatewayErrorStyle && (code === REDBOOK_ERROR_CODES.tokenInvalid || code === REDBOOK_ERROR_CODES.tokenExpired);
	if (gateway) {
		ctx.log.note = [ctx.log.note, 'error-style=errorCode'].filter(Boolean).join(' ');
		ctx.json(200, { success: false, errorCode: code, errorMsg: msg, request_id: requestId() });
		return;
	}
	ctx.json(200, { code, success: false, msg, data: null, request_id: requestId() });
}
