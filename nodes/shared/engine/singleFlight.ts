/**
 * One token renewal per credential at a time, per process. Modules are loaded once per n8n process, so every
 * execution in the process shares this map; across processes the platform-side rules (stable tokens, compare
 * before refresh) take over.
 */
const inflight = new Map<string, Promise<unknown>>();

export type FlightResult<T> = { led: true; value: T } | { led: false };

/** Runs `work` unless a renewal for `key` is already running; then waits for that one and reports `led: false`. */
export async function singleFlight<T>(key: string, work: () => Promise<T>): Promise<FlightResult<T>> {
	const running = inflight.get(key);
	if (running) {
		await running;
		return { led: false };
	}
	const promise = work();
	inflight.set(key, promise);
	try {
		return { led: true, value: await promise };
	} finally {
		inflight.delete(key);
	}
}
