import { show, splitList as splitSharedList } from '../../shared/node/fields';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

export { show };

/** Bilibili wraps every payload in `{code, message, ttl, data}`; operations return `data`. */
export function payload(body: IDataObject): IDataObject {
	const data = body?.data;
	return (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as IDataObject;
}

/** Comma-separated (ASCII or full-width), so items may contain spaces. */
export const splitList = (value: unknown): string[] => splitSharedList(value, /[,，]/);

/** characters as Bilibili counts them (code points, so a CJK character or an emoji is one) */
export const chars = (s: string) => [...s].length;

/** Rejects a value before anything is sent, naming the field and the limit. */
export function assertLength(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: string,
	limit: { max: number; exclusive?: boolean; required?: boolean },
): void {
	const n = chars(value);
	if (limit.required && !value.trim()) {
		throw new NodeOperationError(ctx.getNode(), `Field "${field}" is required`, { itemIndex });
	}
	const tooLong = limit.exclusive ? n >= limit.max : n > limit.max;
	if (tooLong) {
		const allowed = limit.exclusive ? limit.max - 1 : limit.max;
		throw new NodeOperationError(ctx.getNode(), `Field "${field}" is ${n} characters; Bilibili allows at most ${allowed}`, {
			itemIndex,
			description: 'Shorten it and run again. Nothing was sent to Bilibili.',
		});
	}
}

export function invalid(ctx: IExecuteFunctions, itemIndex: number, message: string, description = 'Nothing was sent to Bilibili.'): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/** One page size for the whole run: pages are addressed by number, so the size must not change between them. */
export function pageSize(ctx: IExecuteFunctions, itemIndex: number, max: number): number {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	return returnAll ? max : Math.min(max, Math.max(1, limit || 1));
}
