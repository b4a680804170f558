import { sleep, type IExecuteFunctions } from 'n8n-workflow';
import type { TokenAdapter } from './adapters';
import { PlatformError } from './platformError';
import { rateLimitAdvice, rateLimitDelayMs } from './rateLimit';
import { RunTokens } from './runTokens';
import { baseFor, normaliseResponse, sendWithTransientRetry, serverErrorAdvice, toHttpOptions } from './send';
import { apiKeySource } from './sources/apiKey';
import { appTokenSource } from './sources/appToken';
import { connectedOAuthSource } from './sources/connectedOAuth';
import { n8nOAuth2Source } from './sources/n8nOAuth2';
import { pastedCodeSource } from './sources/pastedCode';
import type { HeldToken, TokenSource } from './sources/source';
import type { ApiRequest, ApiResponse } from './types';

export { PlatformError };

/** Whether the node has this credential attached. */
export function hasCredential(ctx: IExecuteFunctions, credentialType: string): boolean {
	return !!ctx.getNode().credentials?.[credentialType];
}

const SOURCES: { [S in TokenAdapter['source']]: TokenSource<Extract<TokenAdapter, { source: S }>> } = {
	'app-token': appTokenSource,
	'pasted-code': pastedCodeSource,
	'n8n-connect': connectedOAuthSource,
	'n8n-oauth2': n8nOAuth2Source,
	'api-key': apiKeySource,
};

async function send(ctx: IExecuteFunctions, adapter: TokenAdapter, source: TokenSource, held: HeldToken, req: ApiRequest): Promise<ApiResponse> {
	const options = toHttpOptions(baseFor(adapter, held.credentials, req), req);
	source.apply(options, held, adapter, req);
	return normaliseResponse(await ctx.helpers.httpRequest(options), !!req.binaryResponse);
}

/**
 * Sends a platform request with the token the adapter's source holds (obtained once per run, renewed ahead of expiry),
 * renews once and retries once when the platform rejects the token, waits and resends (bounded, honouring
 * Retry-After) when the platform rate limits it, and raises PlatformError for any other error code. `run` carries the
 * run's tokens across items; without it the call reads the credential itself.
 */
export async function platformRequest(ctx: IExecuteFunctions, adapter: TokenAdapter, req: ApiRequest, run: RunTokens = new RunTokens()): Promise<ApiResponse> {
	const source = SOURCES[adapter.source] as TokenSource;
	let held = await run.current(ctx, adapter, source);
	let renewed = false;
	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		const response = await sendWithTransientRetry(ctx, req, () => send(ctx, adapter, source, held, req));
		const verdict = adapter.verdict(response.statusCode, response.body);
		if (verdict.ok) return response;
		if (verdict.tokenInvalid && !renewed) {
			renewed = true;
			held = await run.replace(ctx, adapter, source, held);
			attempt--;
			continue;
		}
		const limited = verdict.rateLimited || response.statusCode === 429;
		const delay = limited ? rateLimitDelayMs(response, attempt) : undefined;
		if (delay !== undefined && !ctx.getExecutionCancelSignal?.()?.aborted) {
			waitedMs += delay;
			await sleep(delay);
			continue;
		}
		const details = { ...(verdict.details ?? {}) };
		const hint = String(details.hint ?? '');
		if (limited) details.hint = `${hint} ${rateLimitAdvice(response, attempt, waitedMs)}`.trim();
		else if (response.statusCode >= 500) details.hint = `${hint} ${serverErrorAdvice(req)}`.trim();
		throw new PlatformError(adapter.platform, verdict.code, verdict.message ?? `${adapter.label} request failed`, response.statusCode, details);
	}
}
