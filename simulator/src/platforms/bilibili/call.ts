import { randomBytes } from 'node:crypto';
import type { ParsedBody, SimContext } from '../../core/types';
import type { BiliErrorName, BiliGrant, BiliStore } from './store';

export interface BiliRoute {
	paths: string[];
	methods: Array<'GET' | 'POST'>;
	/** permission (权限点) the user must have granted */
	scope?: string;
	handler(call: BiliCall): void | Promise<void>;
}

/** thrown by handlers and validators; the dispatcher answers it with the envelope */
export class BiliError extends Error {
	constructor(
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

export function requestId(): string {
	return randomBytes(16).toString('hex');
}

export function replyBiliError(ctx: SimContext, code: number, message: string): void {
	ctx.log.code = code;
	ctx.json(200, { code, message, ttl: 1, request_id: requestId(), data: null });
}

/** One signed member-host request: merged parameters (query, then JSON / form / multipart fields), the grant, replies. */
export class BiliCall {
	params: Record<string, unknown> = {};
	body?: ParsedBody;
	grant!: BiliGrant;

	constructor(
		readonly ctx: SimContext,
		readonly store: BiliStore,
		readonly route: BiliRoute,
	) {}

	now(): number {
		return this.ctx.now();
	}

	note(text: string): void {
		this.ctx.log.note = this.ctx.log.note ? `${this.ctx.log.note}; ${text}` : text;
	}

	error(name: BiliErrorName, message: string): BiliError {
		return new BiliError(this.store.code(name), message);
	}

	param(message: string): BiliError {
		return this.error('paramError', message);
	}

	ok(data: unknown = {}): void {
		this.ctx.log.code = 0;
		this.ctx.json(200, { code: 0, message: '0', ttl: 1, request_id: requestId(), data });
	}

	/** integers may arrive as numbers or numeric strings (the C# demo sends "0"/"1") */
	int(name: string, opts: { required?: boolean; oneOf?: number[]; min?: number; max?: number } = {}): number | undefined {
		const v = this.params[name];
		if (v === undefined || v === null || v === '') {
			if (opts.required) throw this.param(`${name} is required`);
			return undefined;
		}
		const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
		if (!Number.isInteger(n)) throw this.param(`${name} must be an integer`);
		if (opts.oneOf && !opts.oneOf.includes(n)) throw this.param(`${name} must be one of ${opts.oneOf.join(', ')}`);
		if (opts.min !== undefined && n < opts.min) throw this.param(`${name} must be ≥ ${opts.min}`);
		if (opts.max !== undefined && n > opts.max) throw this.param(`${name} must be ≤ ${opts.max}`);
		return n;
	}

	str(name: string, required = false): string | undefined {
		const v = this.params[name];
		if (v === undefined || v === null || v === '') {
			if (required) throw this.param(`${name} is required`);
			return undefined;
		}
		if (typeof v !== 'string') throw this.param(`${name} must be a string`);
		return v;
	}
}

export function chars(s: string): number {
	return [...s].length;
}
