import { sleep, type IExecuteFunctions } from 'n8n-workflow';
import { PlatformError } from '../engine/engine';
import type { ApiRequest } from '../engine/types';
import type { OperationModule, PlatformCall } from './operation';

/**
 * Retries reads (requests marked `idempotent`) that the platform refused with one of the given rate-limit codes, with
 * exponential backoff. Writes are never resent: the platform may have performed them.
 */
export function retryRateLimitedReads(ctx: IExecuteFunctions, call: PlatformCall, codes: Set<string>, attempts = 3, baseDelayMs = 1000): PlatformCall {
	const wrapped = async <T>(request: ApiRequest): Promise<T> => {
		for (let attempt = 0; ; attempt++) {
			let failure: unknown;
			try {
				return await call<T>(request);
			} catch (error) {
				failure = error;
			}
			const limited = failure instanceof PlatformError && (codes.has(String(failure.code)) || failure.httpCode === 429);
			if (!limited || !request.idempotent || attempt >= attempts || ctx.getExecutionCancelSignal?.()?.aborted) throw failure;
			await sleep(baseDelayMs * 2 ** attempt);
		}
	};
	return wrapped as PlatformCall;
}

/** The same operation, whose reads retry on the given rate-limit codes. */
export function withReadRetry(module: OperationModule, codes: Set<string>): OperationModule {
	return {
		...module,
		execute(this: IExecuteFunctions, itemIndex: number, call: PlatformCall) {
			return module.execute.call(this, itemIndex, retryRateLimitedReads(this, call, codes));
		},
	};
}
