import type { PlatformModule } from '../core/types';

// Being written: routes arrive with the platform's simulator issue.
export function createDouyin(): PlatformModule {
	return { name: 'douyin', reset() {}, handle: async () => false };
}
