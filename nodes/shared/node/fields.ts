import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

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

/** A value the displayOptions of `property` compare with: the current parameter value, or its default. */
type ValueOf = (name: string) => unknown;

/**
 * Whether a property is shown for the current values (n8n's displayOptions: every `show` key matches, no `hide` key
 * does). A condition this cannot read (n8n's `_cnd` objects) counts as not shown, so nothing is checked that the
 * editor might hide.
 */
export function isShown(property: INodeProperties, valueOf: ValueOf): boolean {
	const matches = (allowed: unknown, name: string) => {
		const list = Array.isArray(allowed) ? allowed : [allowed];
		if (list.some((a) => a !== null && typeof a === 'object')) return undefined;
		return list.includes(valueOf(name) as never);
	};
	for (const [name, allowed] of Object.entries(property.displayOptions?.show ?? {})) if (matches(allowed, name) !== true) return false;
	for (const [name, allowed] of Object.entries(property.displayOptions?.hide ?? {})) if (matches(allowed, name) !== false) return false;
	return true;
}

/**
 * Parameters that name an input item's binary property (n8n's convention: `binaryPropertyName`, `…BinaryPropertyName`,
 * "Input Binary Field"); a download's "Put Output File in Field" names a property the node creates.
 */
export const isBinaryPropertyField = (property: INodeProperties) =>
	property.type === 'string' && /binaryPropertyName$/i.test(property.name) && !/output/i.test(property.displayName);

function fieldError(ctx: IExecuteFunctions, itemIndex: number, property: INodeProperties, problem: string, todo: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Field "${property.displayName}" ${problem}`, { itemIndex, description: todo });
}

/**
 * Checks an operation's own fields against their descriptions before anything is sent: required text not empty,
 * numbers inside minValue/maxValue, JSON that parses, dates that parse, option values that exist, and binary
 * property names present on the item. One rule for every operation of every node; operations add only the checks
 * their platform documents.
 */
export function checkFields(ctx: IExecuteFunctions, properties: INodeProperties[], itemIndex: number): void {
	const byName = new Map(properties.map((p) => [p.name, p]));
	const valueOf: ValueOf = (name) => ctx.getNodeParameter(name, itemIndex, byName.get(name)?.default) as unknown;
	for (const property of properties) {
		if (property.type === 'notice' || property.type === 'hidden' || !isShown(property, valueOf)) continue;
		const value = valueOf(property.name);
		const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
		if (empty) {
			if (property.required && ['string', 'json', 'dateTime', 'number'].includes(property.type)) {
				throw fieldError(ctx, itemIndex, property, 'is required', `Enter ${property.displayName}${property.placeholder ? ` (e.g. ${property.placeholder})` : ''}. ${property.description ?? ''}`.trim());
			}
			continue;
		}
		if (isBinaryPropertyField(property)) {
			const binary = ctx.getInputData()[itemIndex]?.binary ?? {};
			if (!binary[String(value).trim()]) {
				const present = Object.keys(binary);
				throw fieldError(ctx, itemIndex, property, `names the binary property "${String(value)}", which the input item does not have`, present.length ? `Use one of the item's binary properties: ${present.join(', ')}.` : 'The input item has no binary data: put a node that reads or downloads the file (e.g. Read/Write Files from Disk, HTTP Request) before this one.');
			}
		}
		const options = property.type === 'options' || property.type === 'multiOptions' ? (property.options ?? []).map((o) => (o as { value?: unknown }).value) : [];
		switch (property.type) {
			case 'number': {
				const n = Number(value);
				const { minValue, maxValue } = (property.typeOptions ?? {}) as { minValue?: number; maxValue?: number };
				const range = minValue !== undefined && maxValue !== undefined ? `from ${minValue} to ${maxValue}` : minValue !== undefined ? `of at least ${minValue}` : maxValue !== undefined ? `of at most ${maxValue}` : '';
				if (!Number.isFinite(n)) throw fieldError(ctx, itemIndex, property, `is not a number ("${String(value)}")`, `Enter a number ${range}.`.replace(' .', '.'));
				if ((minValue !== undefined && n < minValue) || (maxValue !== undefined && n > maxValue)) {
					throw fieldError(ctx, itemIndex, property, `is ${n}; it must be a number ${range}`, `Enter a number ${range}.`);
				}
				break;
			}
			case 'json':
				if (typeof value === 'string') {
					try {
						JSON.parse(value);
					} catch (error) {
						throw fieldError(ctx, itemIndex, property, `is not valid JSON (${(error as Error).message})`, 'Fix the JSON (quotes around keys and strings, no trailing commas), or build it with an expression such as {{ JSON.stringify($json.value) }}.');
					}
				}
				break;
			case 'dateTime':
				if (typeof value === 'string' && !Number.isFinite(Date.parse(value))) {
					throw fieldError(ctx, itemIndex, property, `is not a date ("${value}")`, 'Pick a date, or use an ISO 8601 date such as 2025-06-01T08:00:00.');
				}
				break;
			case 'options':
				if (options.length && !options.includes(value)) {
					throw fieldError(ctx, itemIndex, property, `has the value "${String(value)}", which is not one of its options`, `Choose one of: ${options.map(String).join(', ')}.`);
				}
				break;
			case 'multiOptions': {
				const unknown = (Array.isArray(value) ? value : [value]).filter((v) => options.length && !options.includes(v));
				if (unknown.length) throw fieldError(ctx, itemIndex, property, `has values that are not among its options: ${unknown.map(String).join(', ')}`, `Choose from: ${options.map(String).join(', ')}.`);
				break;
			}
		}
	}
}
