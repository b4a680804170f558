import type { IDataObject } from 'n8n-workflow';

/** displayOptions that show a field for one resource and one or more operations (plus any extra conditions). */
export const show = (resource: string, operation: string | string[], extra: IDataObject = {}) => ({
	show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation], ...extra },
});

/** A list typed as "a, b c" (or already an array) → trimmed, non-empty strings. */
export function splitList(value: unknown, separator: RegExp = /[\s,]+/): string[] {
	if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
	return String(value ?? '')
		.split(separator)
		.map((s) => s.trim())
		.filter(Boolean);
}
