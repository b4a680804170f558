import type { PlatformModule } from '../core/types';
import { createDouyin } from './douyin';
import { createGoogle } from './google';
import { createWeChat } from './wechat';
import { createRedbook } from './redbook';
import { createBilibili } from './bilibili';

/** Every platform the simulator speaks; each module owns its own state and routes. */
export function platformModules(): PlatformModule[] {
	return [createDouyin(), createWeChat(), createRedbook(), createBilibili(), createGoogle()];
}
