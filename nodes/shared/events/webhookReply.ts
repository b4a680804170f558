import type { IWebhookFunctions, IWebhookResponseData, INodeExecutionData } from 'n8n-workflow';

/*
 * Trigger replies written by the node itself (noWebhookResponse), so the platform gets its exact answer (status,
 * content type, body) before the workflow runs: n8n answers before starting the execution when the node has
 * already responded.
 */

/** Rejects a request with a 4xx and runs nothing; the message says what was wrong, never a secret. */
export function rejectDelivery(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status).type('text/plain').send(message);
	return { noWebhookResponse: true };
}

/** Answers the platform, then (when there are items) starts one execution with them. */
export function answerDelivery(ctx: IWebhookFunctions, body: string, contentType: string, items?: INodeExecutionData[]): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(200).type(contentType).send(body);
	return items && items.length > 0 ? { noWebhookResponse: true, workflowData: [items] } : { noWebhookResponse: true };
}

/** The request body exactly as it arrived (signatures cover these bytes, not a re-serialised parse). */
export function rawRequestBody(ctx: IWebhookFunctions): Buffer | undefined {
	const req = ctx.getRequestObject() as unknown as { rawBody?: Buffer | string };
	if (req.rawBody === undefined) return undefined;
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.from(String(req.rawBody), 'utf8');
}

export function headerValue(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name.toLowerCase()];
	if (Array.isArray(value)) return value[0];
	return typeof value === 'string' ? value : undefined;
}
