/**
 * Whether a push's `timestamp` (Unix seconds) is within the tolerance of now. WeChat signs timestamp and nonce, not
 * the body of a plain push, so a captured request could be replayed with another body: a window on the timestamp
 * plus a cache of recent nonces (deliveryCache) bounds that.
 */
export function isTimestampFresh(timestamp: string | undefined, nowMs: number, toleranceSeconds: number): boolean {
	if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
	if (toleranceSeconds <= 0) return true;
	return Math.abs(nowMs / 1000 - Number(timestamp)) <= toleranceSeconds;
}
