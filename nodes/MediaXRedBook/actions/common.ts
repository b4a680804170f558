import { show } from '../../shared/node/fields';
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { PlatformError } from '../../shared/engine/engine';
import type { PlatformCall } from '../../shared/node/operation';
import { collectPages } from '../../shared/node/pagination';

export { show };

/** JuGuang's batch limit for status changes and id filters */
export const MAX_IDS_PER_CALL = 20;

/** The advertiser picked in the node; JuGuang wants it as a number. */
export function advertiserIdOf(ctx: IExecuteFunctions, i: number): number {
	const raw = String(ctx.getNodeParameter('advertiserId', i, '') ?? '').trim();
	if (!/^\d+$/.test(raw)) {
		throw new NodeOperationError(ctx.getNode(), raw ? `"${raw}" is not an advertiser ID` : 'Choose an advertiser', {
			itemIndex: i,
			description: 'Pick one from the Advertiser ID list (filled from the authorization saved in the credential), or give its numeric ID with an expression.',
		});
	}
	return Number(raw);
}

/** IDs from a comma/space separated string, an array or a number; validated as integers. */
export function idList(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,]+/);
	const ids = parts.map((s) => s.trim()).filter(Boolean);
	const bad = ids.find((s) => !/^\d+$/.test(s));
	if (bad !== undefined) throw new NodeOperationError(ctx.getNode(), `${label}: "${bad}" is not a numeric ID`, { itemIndex: i });
	return [...new Set(ids)].map(Number);
}

export function chunk<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let k = 0; k < items.length; k += size) out.push(items.slice(k, k + size));
	return out;
}

/**
 * Sends one JuGuang request for the advertiser and returns its `data`. A refusal for the advertiser (40302) is
 * reworded so it always names the advertiser, whatever the platform's message says.
 */
export async function jg(call: PlatformCall, advertiserId: number, path: string, body: IDataObject, read: boolean): Promise<IDataObject> {
	try {
		const reply = await call({ method: 'POST', path: `/api/open/jg${path}`, body: { advertiser_id: advertiserId, ...body }, idempotent: read });
		return ((reply as IDataObject)?.data ?? {}) as IDataObject;
	} catch (error) {
		throw namedAdvertiser(error, advertiserId);
	}
}

/** The full reply (for real-time reports, whose lists may sit next to `code`). */
export async function jgFull(call: PlatformCall, advertiserId: number, path: string, body: IDataObject): Promise<IDataObject> {
	try {
		return ((await call({ method: 'POST', path: `/api/open/jg${path}`, body: { advertiser_id: advertiserId, ...body }, idempotent: true })) ?? {}) as IDataObject;
	} catch (error) {
		throw namedAdvertiser(error, advertiserId);
	}
}

export function namedAdvertiser(error: unknown, advertiserId: number): unknown {
	if (error instanceof PlatformError && Number(error.code) === 40302 && !error.message.includes(String(advertiserId))) {
		error.message = `Advertiser ${advertiserId} is not covered by this authorization — ${error.message}`;
	}
	return error;
}

// ---- money: the UI speaks yuan, JuGuang speaks integer fen ----

export function yuanToFen(yuan: number): number {
	return Math.round(Number(yuan) * 100);
}

/** "12,345", "1.23%", 123 → number; anything else → undefined */
export function lenientNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const s = value.trim().replace(/,/g, '').replace(/%$/, '');
	return s !== '' && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

/** Adds `<field>_yuan` next to every fen field present. */
export function withYuan(row: IDataObject, fenFields: string[]): IDataObject {
	const out: IDataObject = { ...row };
	for (const field of fenFields) {
		const fen = lenientNumber(row[field]);
		if (fen !== undefined) out[`${field}_yuan`] = Math.round(fen) / 100;
	}
	return out;
}

/** Checks a yuan amount against a range before anything is sent; returns fen. */
export function budgetFen(ctx: IExecuteFunctions, i: number, yuan: number, label: string, min: number, max: number): number {
	if (!Number.isFinite(Number(yuan)) || Number(yuan) < min || Number(yuan) > max) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be between ${min} and ${max} yuan (got ${yuan})`, {
			itemIndex: i,
			description: 'Amounts are entered in yuan (元) and sent to JuGuang in fen (分).',
		});
	}
	return yuanToFen(yuan);
}

// ---- dates: JuGuang takes yyyy-MM-dd in Asia/Shanghai ----

const CST_OFFSET_MS = 8 * 3_600_000;

/** Asia/Shanghai calendar date, `daysAgo` days before now */
export function cnDay(daysAgo = 0): string {
	return new Date(Date.now() + CST_OFFSET_MS - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** A date field (picker, ISO string, yyyy-MM-dd or a date object from an expression) → yyyy-MM-dd, or '' when empty. */
export function toDay(ctx: IExecuteFunctions, i: number, value: unknown, label: string): string {
	if (value === undefined || value === null || value === '') return '';
	const text = String(typeof (value as { toISO?: () => string }).toISO === 'function' ? (value as { toISO: () => string }).toISO() : value instanceof Date ? value.toISOString() : value).trim();
	const day = /^(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
	if (!day || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
		throw new NodeOperationError(ctx.getNode(), `${label}: "${text}" is not a date`, { itemIndex: i, description: 'Use the date picker or a yyyy-MM-dd date.' });
	}
	return day;
}

export function dateField(resource: string, operation: string | string[], name: string, displayName: string, description: string, required = false): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', required, description, displayOptions: show(resource, operation) };
}

// ---- pagination: each endpoint has its own dialect, the page size stays the same for a whole run ----

export function pageSizeFor(ctx: IExecuteFunctions, i: number, max: number): number {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = Number(ctx.getNodeParameter('limit', i, 50));
	return returnAll ? max : Math.max(1, Math.min(max, limit));
}

/** Page-numbered lists: `request(index, size)` returns the rows and the total count. */
export async function numberedPages(
	ctx: IExecuteFunctions,
	i: number,
	maxPageSize: number,
	request: (index: number, size: number) => Promise<{ rows: IDataObject[]; total: number }>,
): Promise<IDataObject[]> {
	const size = pageSizeFor(ctx, i, maxPageSize);
	return collectPages<IDataObject, number>(ctx, i, 1, async (index) => {
		const { rows, total } = await request(index, size);
		return { items: rows, next: rows.length && index * size < total ? index + 1 : undefined };
	});
}

export function statusActionField(resource: string, idsName: string, idsLabel: string): INodeProperties[] {
	return [
		{
			displayName: idsLabel,
			name: idsName,
			type: 'string',
			required: true,
			default: '',
			placeholder: '123456, 123457',
			description: 'Comma-separated IDs; more than 20 are sent in batches of 20',
			displayOptions: show(resource, 'changeStatus'),
		},
		{
			displayName: 'Action',
			name: 'statusAction',
			type: 'options',
			options: [
				{ name: 'Delete', value: 3, description: 'Cannot be undone' },
				{ name: 'Enable', value: 1 },
				{ name: 'Pause', value: 2 },
			],
			default: 2,
			displayOptions: show(resource, 'changeStatus'),
		},
	];
}

export const ACTION_NAMES: Record<number, string> = { 1: 'enable', 2: 'pause', 3: 'delete' };

/**
 * Sends a status change in batches of 20. When a later batch fails, the error says which IDs were already changed,
 * so a rerun can leave them out.
 */
export async function batchedStatus(
	ids: number[],
	send: (batch: number[]) => Promise<unknown>,
): Promise<{ changed: number[]; requests: number }> {
	const changed: number[] = [];
	let requests = 0;
	for (const batch of chunk(ids, MAX_IDS_PER_CALL)) {
		try {
			await send(batch);
		} catch (error) {
			throw withProgress(error, changed);
		}
		requests++;
		changed.push(...batch);
	}
	return { changed, requests };
}

function withProgress(error: unknown, changed: number[]): unknown {
	if (changed.length && error instanceof Error) error.message = `${error.message} (already changed before this batch failed: ${changed.join(', ')})`;
	return error;
}

/** Parses a JSON field (object or array) given as text or as an object from an expression. */
export function jsonField(ctx: IExecuteFunctions, i: number, value: unknown, label: string, kind: 'object' | 'array'): IDataObject | IDataObject[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			throw new NodeOperationError(ctx.getNode(), `${label} is not valid JSON`, { itemIndex: i });
		}
	}
	const ok = kind === 'array' ? Array.isArray(parsed) : !!parsed && typeof parsed === 'object' && !Array.isArray(parsed);
	if (!ok) throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON ${kind}`, { itemIndex: i });
	return parsed as IDataObject | IDataObject[];
}
