import type { IDataObject } from 'n8n-workflow';

type Unit = 's' | 'ms';

/**
 * Epoch fields each platform documents, with their unit (research notes: douyin-wechat.md, google-redbook-bilibili.md).
 * The unit comes from the documentation, never from the number's size. Google answers RFC 3339 strings already.
 */
const EPOCH_FIELDS: Record<string, Record<string, Unit>> = {
	// video and comment create_time, fans/check follow_time: Unix seconds
	douyin: { create_time: 's', follow_time: 's' },
	// drafts, materials, publications: create_time/update_time; media/upload created_at; user/info subscribe_time: seconds
	wechat: { create_time: 's', update_time: 's', created_at: 's', subscribe_time: 's' },
	// archive and article ctime/ptime: Unix seconds (0 = not published yet)
	bilibili: { ctime: 's', ptime: 's' },
	// token and account records carry milliseconds; list APIs answer formatted strings, which stay as they are
	redbook: { create_time: 'ms', update_time: 'ms' },
};

/** the name of the readable copy: `create_time` → `create_time_iso` */
export function isoFieldName(field: string): string {
	return `${field}_iso`;
}

function toIso(value: unknown, unit: Unit): string | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
	// 0 is the platforms' "not set" (e.g. an unpublished ptime, a non-follower's follow_time)
	if (!Number.isFinite(n) || n <= 0) return undefined;
	const date = new Date(unit === 's' ? n * 1000 : n);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function walk(value: unknown, fields: Record<string, Unit>): unknown {
	if (Array.isArray(value)) return value.map((v) => walk(v, fields));
	if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
	const out: IDataObject = {};
	for (const [key, v] of Object.entries(value as IDataObject)) {
		out[key] = walk(v, fields) as IDataObject[keyof IDataObject];
		const unit = fields[key];
		const iso = unit ? toIso(v, unit) : undefined;
		if (iso && !(isoFieldName(key) in (value as IDataObject))) out[isoFieldName(key)] = iso;
	}
	return out;
}

/**
 * Adds an ISO 8601 (UTC) copy next to every documented epoch field of a platform's output, at any depth:
 * `create_time: 1700000000` gets `create_time_iso: "2023-11-14T22:13:20.000Z"`. The epoch value stays unchanged.
 */
export function withIsoDates(json: IDataObject, platform: string | undefined): IDataObject {
	const fields = platform ? EPOCH_FIELDS[platform] : undefined;
	return fields ? (walk(json, fields) as IDataObject) : json;
}
