import { NodeApiError, NodeOperationError, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';
import { PlatformError } from '../engine/engine';
import { redactText } from '../engine/redact';
import { TokenError } from '../engine/types';

/**
 * Turns whatever an operation threw into an n8n error that names the platform code, its message and what to do,
 * with every known secret masked.
 */
export function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, secrets: string[]): NodeApiError | NodeOperationError {
	const clean = (s: string | undefined) => (s === undefined ? undefined : redactText(s, secrets));
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = clean(error.message) ?? error.message;
		if (error.description) error.description = clean(error.description) ?? null;
		return error;
	}
	if (error instanceof PlatformError) {
		const hint = error.details.hint ? String(error.details.hint) : '';
		const logid = error.details.logid ? ` (logid ${error.details.logid})` : '';
		return new NodeApiError(
			ctx.getNode(),
			{ code: error.code, message: clean(error.message), platform: error.platform } as unknown as JsonObject,
			{
				message: clean(error.message),
				description: clean(`${hint}${logid}`.trim()) || undefined,
				httpCode: String(error.httpCode),
				itemIndex,
			},
		);
	}
	if (error instanceof TokenError) {
		return new NodeOperationError(ctx.getNode(), clean(error.message) ?? 'Token error', {
			description: clean([error.code !== undefined ? `Platform code ${error.code}.` : '', error.hint ?? ''].join(' ').trim()),
			itemIndex,
		});
	}
	const e = error as Error & { description?: string; httpCode?: string };
	return new NodeOperationError(ctx.getNode(), clean(e?.message ?? String(error)) ?? 'Unknown error', {
		description: clean(e?.description),
		itemIndex,
	});
}
