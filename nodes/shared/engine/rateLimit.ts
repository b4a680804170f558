import type { ApiResponse } from './types';

/**
 * Rate limits: the platform refused the request without performing it (Google: 403 rateLimitExceeded / 429, "retry
 * with exponential backoff", google-redbook-bilibili.md §Google errors; Douyin 28003018, WeChat 45011, JuGuang 42901,
 * Bilibili 127009 "retry with backoff"), so any request may be sent again after a pause. Bounded: a few retries, and
 * a Retry-After longer than a node run should wait is reported instead of slept through.
 */
export const RATE_LIMIT_RETRIES = 3;
export const RATE_LIMIT_BASE_DELAY_MS = 1000;
export const MAX_RETRY_AFTER_MS = 60_000;

/** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date; undefined when absent or unreadable. */
export function retryAfterMs(headers: ApiResponse['headers'], now = Date.now()): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (raw === undefined || raw === null || String(raw).trim() === '') return undefined;
	const text = String(raw).trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const at = Date.parse(text);
	return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** How long to wait before retry number `attempt` (0-based), or undefined when the retries are used up or the platform asks for too long a wait. */
export function rateLimitDelayMs(response: ApiResponse, attempt: number): number | undefined {
	if (attempt >= RATE_LIMIT_RETRIES) return undefined;
	const asked = retryAfterMs(response.headers);
	if (asked !== undefined) return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
	return RATE_LIMIT_BASE_DELAY_MS * 2 ** attempt;
}

/** What the error after the last attempt says: that it was rate limited, how often it was retried, and what to do. */
export function rateLimitAdvice(response: ApiResponse, retries: number, waitedMs: number): string {
	const asked = retryAfterMs(response.headers);
	const tooLong = asked !== undefined && asked > MAX_RETRY_AFTER_MS ? ` The platform asked to wait ${Math.ceil(asked / 1000)} s (Retry-After), longer than a run waits.` : '';
	const tried = retries ? ` Rate limited: retried ${retries} time${retries === 1 ? '' : 's'} over ${Math.round(waitedMs / 1000)} s.` : ' Rate limited.';
	return `${tried}${tooLong} Lower "Requests in Parallel", add a Wait node between batches, or run again later.`.trim();
}
