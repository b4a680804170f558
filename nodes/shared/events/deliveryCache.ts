/**
 * Remembers recently seen delivery keys (Douyin's Msg-Id, WeChat's MsgId or FromUserName+CreateTime, nonces) for a
 * while, so a platform's retry of a push it already delivered runs nothing. Bounded in size and age.
 *
 * Kept in process memory, per workflow and trigger node, rather than in workflow static data: n8n saves a webhook's
 * static data only after the execution it starts has finished, so a retry arriving while that execution still runs
 * would not see the first delivery; memory sees it at once. The cost: a restart of n8n between a push and its retry,
 * or retries spread over several webhook processes (queue mode with separate webhook processes), can let one
 * duplicate through.
 */
export class DeliveryCache {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly maxEntries: number,
		private readonly ttlMs: number,
	) {}

	/** Records the key; returns false when it was already recorded within the time to live (a duplicate). */
	firstSeen(key: string, nowMs: number): boolean {
		this.evict(nowMs);
		const at = this.seen.get(key);
		if (at !== undefined && nowMs - at < this.ttlMs) return false;
		this.seen.delete(key);
		this.seen.set(key, nowMs);
		while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
		return true;
	}

	has(key: string, nowMs: number): boolean {
		const at = this.seen.get(key);
		return at !== undefined && nowMs - at < this.ttlMs;
	}

	get size(): number {
		return this.seen.size;
	}

	private evict(nowMs: number): void {
		// insertion order is age order, so the oldest entries come first
		for (const [key, at] of this.seen) {
			if (nowMs - at < this.ttlMs) break;
			this.seen.delete(key);
		}
	}
}

const caches = new Map<string, DeliveryCache>();

/** The cache of one trigger node in one workflow (one per purpose, e.g. 'delivery' and 'nonce'). */
export function deliveryCacheFor(scope: string, maxEntries = 2000, ttlMs = 15 * 60 * 1000): DeliveryCache {
	let cache = caches.get(scope);
	if (!cache) {
		cache = new DeliveryCache(maxEntries, ttlMs);
		caches.set(scope, cache);
	}
	return cache;
}
