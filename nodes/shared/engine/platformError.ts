import type { IDataObject } from 'n8n-workflow';

/** A platform error after the engine did what it could (refresh, retry); the node turns it into a NodeApiError. */
export class PlatformError extends Error {
	constructor(
		readonly platform: string,
		readonly code: number | string | undefined,
		message: string,
		readonly httpCode: number,
		readonly details: IDataObject = {},
	) {
		super(message);
		this.name = 'PlatformError';
	}
}
