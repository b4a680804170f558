import type { PlatformModule } from '../core/types';

// Being written: routes arrive with the platform's simulator issue.
export function createWeChat(): PlatformModule {
	return { name: 'wechat', reset() {}, handle: async () => false };
}
