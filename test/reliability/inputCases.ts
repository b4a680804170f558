/**
 * Bad-input cases generated from the node descriptions (docs/reliability.md "Bad-input matrix"): for every node,
 * resource and operation, the fields the operation shows (displayOptions evaluated with the defaults), and per field
 * kind the wrong values to try. A new operation or field is covered without new test code.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { isBinaryPropertyField, isShown } from '../../nodes/shared/node/fields';

export interface InputCase {
	/** e.g. 'video → upload: "Input Binary Field" names a missing binary property' */
	title: string;
	resource: string;
	operation: string;
	/** the field under test: its display name must appear in the error */
	field: string;
	kind: string;
	/** the node parameters for the bad item (every other field at a valid value) */
	parameters: Record<string, unknown>;
	/** the bad item's binary data (the valid file every binary field names) */
	binary: boolean;
}

export const VALID_BINARY_PROPERTY = 'data';

const optionValues = (p: INodeProperties) => (p.options ?? []).map((o) => (o as { value?: unknown }).value).filter((v) => v !== undefined);

/** A value the field accepts, for the fields not under test. */
function validValue(p: INodeProperties): unknown {
	if (isBinaryPropertyField(p)) return VALID_BINARY_PROPERTY;
	const d = p.default as unknown;
	const empty = d === undefined || d === null || d === '';
	if (p.type === 'string' && p.required && empty) return 'x1';
	if (p.type === 'dateTime' && p.required && empty) return '2025-06-01T00:00:00';
	if (p.type === 'json' && p.required && empty) return '{}';
	if (p.type === 'number' && p.required && empty) return (p.typeOptions?.minValue as number | undefined) ?? 1;
	if (p.type === 'options' && empty) return optionValues(p)[0];
	return d;
}

/** The wrong values for one field, by kind. */
function badValues(p: INodeProperties): Array<{ kind: string; value: unknown }> {
	const out: Array<{ kind: string; value: unknown }> = [];
	if (isBinaryPropertyField(p)) out.push({ kind: 'wrong binary property name', value: 'no_such_binary' });
	else if (p.type === 'string' && p.required) out.push({ kind: /id$|ids$/i.test(p.name) ? 'empty id' : 'empty required text', value: '' });
	if (p.type === 'number') {
		const { minValue, maxValue } = (p.typeOptions ?? {}) as { minValue?: number; maxValue?: number };
		if (minValue !== undefined) out.push({ kind: 'number below minValue', value: minValue - 1 });
		if (maxValue !== undefined) out.push({ kind: 'number above maxValue', value: maxValue + 1 });
		out.push({ kind: 'not a number', value: 'ten' });
	}
	if (p.type === 'json') out.push({ kind: 'invalid JSON', value: '{"title": "x",' });
	if (p.type === 'dateTime') out.push({ kind: 'malformed date', value: '2025-13-45 25:61' });
	if (p.type === 'options' && optionValues(p).length && !p.typeOptions?.loadOptionsMethod) out.push({ kind: 'unknown option value', value: '__no_such_option__' });
	return out;
}

export function inputCases(node: INodeType): InputCase[] {
	const properties = node.description.properties;
	const resourceProp = properties.find((p) => p.name === 'resource');
	const cases: InputCase[] = [];
	for (const resource of resourceProp ? optionValues(resourceProp).map(String) : ['']) {
		const operationProp = properties.find((p) => p.name === 'operation' && isShown(p, (n) => (n === 'resource' ? resource : undefined)));
		for (const operation of operationProp ? optionValues(operationProp).map(String) : []) {
			const base: Record<string, unknown> = { resource, operation };
			const valueOf = (name: string) => (name in base ? base[name] : properties.find((p) => p.name === name)?.default);
			const shown = properties.filter((p) => p.name !== 'resource' && p.name !== 'operation' && p.type !== 'notice' && isShown(p, valueOf));
			for (const p of shown) base[p.name] = validValue(p);
			// fields shown only for other values of the fields above (a second pass picks them up with valid values)
			for (const p of properties.filter((q) => !(q.name in base) && q.type !== 'notice' && isShown(q, valueOf))) base[p.name] = validValue(p);
			// the operation's own fields (node-wide options such as Requests in Parallel have no displayOptions)
			const own = (values: Record<string, unknown>) => {
				const read = (name: string) => (name in values ? values[name] : properties.find((p) => p.name === name)?.default);
				return properties.filter((p) => p.displayOptions && p.name !== 'resource' && p.name !== 'operation' && p.type !== 'notice' && isShown(p, read));
			};
			const visible = own(base);
			const add = (p: INodeProperties, values: Record<string, unknown>, variant: string) => {
				for (const bad of badValues(p)) {
					cases.push({
						title: `${resource} → ${operation}${variant}: "${p.displayName}" ${bad.kind}`,
						resource,
						operation,
						field: p.displayName,
						kind: bad.kind,
						parameters: { ...values, [p.name]: bad.value },
						binary: true,
					});
				}
			};
			for (const p of visible) add(p, base, '');
			// fields another option value shows (e.g. "Define Articles Using: JSON" shows the JSON field)
			for (const switcher of visible.filter((p) => p.type === 'options')) {
				for (const value of optionValues(switcher).filter((v) => v !== base[switcher.name])) {
					const values: Record<string, unknown> = { ...base, [switcher.name]: value };
					const shownNow = own(values).filter((p) => !visible.some((v) => v === p));
					for (const p of shownNow) values[p.name] = validValue(p);
					for (const p of shownNow) add(p, values, ` (${switcher.displayName}: ${String(value)})`);
				}
			}
		}
	}
	return cases;
}
