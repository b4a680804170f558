/**
 * Delivers a platform push the way Douyin and WeChat do: an HTTP request to the developer's URL, given up after a
 * 5 s timeout and retried up to 3 times while the answer is not a 2xx (Douyin webhooks overview "重试机制":
 * 5 s, 3 retries; WeChat OA "接收普通消息": 5 s, 3 retries). `duplicates` sends the same push again after a
 * success, as a platform does when its connection broke before it read the answer.
 */
export interface PushRequest {
	url: string;
	method: 'GET' | 'POST';
	headers: Record<string, string>;
	body?: string;
}

export interface PushAttempt {
	status: number;
	body: string;
	contentType: string;
	error?: string;
}

export interface PushOptions {
	retries?: number;
	timeoutMs?: number;
	duplicates?: number;
}

async function attempt(request: PushRequest, timeoutMs: number): Promise<PushAttempt> {
	try {
		const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs) });
		return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') ?? '' };
	} catch (e) {
		return { status: 0, body: '', contentType: '', error: (e as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e as Error).message };
	}
}

export async function deliverPush(request: PushRequest, options: PushOptions = {}): Promise<PushAttempt[]> {
	const retries = options.retries ?? 3;
	const timeoutMs = options.timeoutMs ?? 5000;
	const attempts: PushAttempt[] = [];
	for (let i = 0; i <= retries; i++) {
		const a = await attempt(request, timeoutMs);
		attempts.push(a);
		if (a.status >= 200 && a.status < 300) break;
	}
	for (let i = 0; i < (options.duplicates ?? 0); i++) attempts.push(await attempt(request, timeoutMs));
	return attempts;
}
