/**
 * Runs `work(0) … work(count - 1)` with at most `limit` at a time. After a failure no further index starts; the ones
 * already running finish, and the failure of the lowest index is thrown.
 */
export async function forEachLimited(count: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	let failure = undefined as { index: number; error: unknown } | undefined;
	async function worker(): Promise<void> {
		while (next < count && !failure) {
			const index = next++;
			try {
				await work(index);
			} catch (error) {
				const first = failure as { index: number } | undefined;
				if (!first || index < first.index) failure = { index, error };
			}
		}
	}
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	if (failure) throw failure.error;
}
