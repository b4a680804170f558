/**
 * One token renewal per credential at a time, per process, shared like google-auth-library's refresh promise:
 * everyone asking while it runs gets the same token (or the same token failure), never another caller's request.
 * Modules are loaded once per n8n process, so every execution in the process shares this map; across processes
 * compare-before-refresh and the platforms' stable tokens take over.
 */
const inflight = new Map<string, Promise<unknown>>();

export function sharedRenewal<T>(key: string, renew: () => Promise<T>): Promise<T> {
	const running = inflight.get(key) as Promise<T> | undefined;
	if (running) return running;
	const promise = renew().finally(() => inflight.delete(key));
	inflight.set(key, promise);
	return promise;
}
