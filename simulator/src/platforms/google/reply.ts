import type { SimContext } from '../../core/types';

const STATUS_TEXT: Record<number, string> = {
	400: 'INVALID_ARGUMENT',
	401: 'UNAUTHENTICATED',
	403: 'PERMISSION_DENIED',
	404: 'NOT_FOUND',
	409: 'ABORTED',
	413: 'INVALID_ARGUMENT',
	429: 'RESOURCE_EXHAUSTED',
	500: 'INTERNAL',
	503: 'UNAVAILABLE',
};

/** A Google API error; thrown by handlers and rendered as the standard envelope by the module. */
export class GoogleApiError extends Error {
	constructor(
		readonly code: number,
		readonly reason: string,
		message: string,
		readonly domain = 'global',
		readonly extra: { location?: string; locationType?: string; headers?: Record<string, string>; /** top-level message when it differs from the item's */ topMessage?: string } = {},
	) {
		super(message);
	}
}

export const fail = (code: number, reason: string, message: string, domain = 'global', extra: GoogleApiError['extra'] = {}): never => {
	throw new GoogleApiError(code, reason, message, domain, extra);
};

export const badRequest = (reason: string, message: string, location?: string): never =>
	fail(400, reason, message, location ? 'youtube.parameter' : 'global', location ? { location, locationType: 'parameter' } : {});

export const notFound = (reason: string, message: string, domain = 'youtube.' + reason.replace(/NotFound$/, '')): never => fail(404, reason, message, domain);

/** {error:{code,message,errors:[{message,domain,reason}],status}} — the envelope YouTube and Blogger share */
export function replyGoogleError(ctx: SimContext, err: GoogleApiError): void {
	ctx.log.code = err.code;
	const item: Record<string, string> = { message: err.message, domain: err.domain, reason: err.reason };
	if (err.extra.location) item.location = err.extra.location;
	if (err.extra.locationType) item.locationType = err.extra.locationType;
	ctx.log.note = ctx.log.note ? `${ctx.log.note}; ${err.reason}` : err.reason;
	ctx.json(err.code, { error: { code: err.code, message: err.extra.topMessage ?? err.message, errors: [item], status: STATUS_TEXT[err.code] ?? 'UNKNOWN' } }, err.extra.headers);
}

/** OAuth endpoint errors are plain {error, error_description}, not the API envelope. */
export function replyOAuthError(ctx: SimContext, status: number, error: string, description: string): void {
	ctx.log.code = status;
	ctx.log.note = error;
	ctx.json(status, { error, error_description: description }, { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', pragma: 'no-cache' });
}

export function ok(ctx: SimContext, payload: unknown, status = 200, headers?: Record<string, string>): void {
	ctx.log.code = 0;
	ctx.json(status, payload, headers);
}

export function noContent(ctx: SimContext): void {
	ctx.log.code = 0;
	ctx.send(204, '', 'text/plain');
}

/** page tokens are opaque to clients; ours carry the offset and which list they belong to */
export function encodePageToken(list: string, offset: number): string {
	return Buffer.from(`${list}|${offset}`).toString('base64url');
}

export function decodePageToken(list: string, token: string | undefined): number {
	if (!token) return 0;
	const decoded = Buffer.from(token, 'base64url').toString('utf8');
	const [owner, offset] = decoded.split('|');
	const n = Number(offset);
	if (owner !== list || !Number.isInteger(n) || n < 0) badRequest('invalidPageToken', 'The request specifies an invalid page token.', 'pageToken');
	return n;
}

export interface Page<T> {
	items: T[];
	nextPageToken?: string;
	prevPageToken?: string;
	total: number;
	perPage: number;
}

export function paginate<T>(list: string, all: T[], pageToken: string | undefined, maxResults: number): Page<T> {
	const offset = decodePageToken(list, pageToken);
	const items = all.slice(offset, offset + maxResults);
	const page: Page<T> = { items, total: all.length, perPage: maxResults };
	if (maxResults > 0 && offset + maxResults < all.length) page.nextPageToken = encodePageToken(list, offset + maxResults);
	if (offset > 0) page.prevPageToken = encodePageToken(list, Math.max(0, offset - maxResults));
	return page;
}

/** maxResults within the method's bounds; out of range is invalidParameter unless the clamp switch is on */
export function maxResultsOf(query: Record<string, string>, min: number, max: number, dflt: number, clamp: boolean): number {
	if (query.maxResults === undefined || query.maxResults === '') return dflt;
	const n = Number(query.maxResults);
	if (!Number.isInteger(n)) badRequest('invalidParameter', `Invalid value '${query.maxResults}'. Values must be within the range: [${min}, ${max}]`, 'maxResults');
	if (n < min || n > max) {
		if (clamp) return Math.min(max, Math.max(min, n));
		badRequest('invalidParameter', `Invalid value '${query.maxResults}'. Values must be within the range: [${min}, ${max}]`, 'maxResults');
	}
	return n;
}

export function iso(ms: number): string {
	return new Date(ms).toISOString();
}

export function truthy(value: string | undefined): boolean {
	return value === 'true' || value === '1';
}
