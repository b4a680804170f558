import { startSimulator, type RunningSimulator } from '../../simulator/src/server';
import type { LogEntry } from '../../simulator/src/core/types';

export { startSimulator, type RunningSimulator, type LogEntry };

/** Token-issuing requests the simulator logged for a platform (category 'token-request'). */
export function tokenRequests(sim: RunningSimulator, platform: string, pathPart?: string): LogEntry[] {
	return sim.log.filter((e) => e.platform === platform && e.category === 'token-request' && (!pathPart || e.path.includes(pathPart)));
}

export async function admin(sim: RunningSimulator, path: string, body: unknown = {}, method = 'POST'): Promise<any> {
	const res = await fetch(`${sim.baseUrl}/__admin${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: method === 'GET' ? undefined : JSON.stringify(body),
	});
	return res.json();
}
