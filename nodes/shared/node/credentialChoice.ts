import type { INodeCredentialDescription } from 'n8n-workflow';
import { adaptersOf, type NodePlatform } from './router';

/** The credential types that can serve one operation, in the operation's order of preference. */
export function credentialTypesFor(platform: NodePlatform, resource: string, operation: string): string[] {
	const token = platform.resources[resource]?.[operation]?.token;
	if (token === undefined || token === 'none') return [];
	const kinds = Array.isArray(token) ? token : [token];
	const types = kinds.flatMap((kind) => adaptersOf(platform, kind).map((adapter) => adapter.credentialType));
	return [...new Set(types)];
}

/**
 * The node's `credentials` list, derived from each operation's `token`, so the panel shows exactly the credential(s)
 * the chosen resource and operation can use. n8n's displayOptions are AND across fields and OR within one, so a
 * `{resource, operation}` pair would also match operations of other resources: one entry per group of resources
 * whose operations agree, with their own operation list, repeating the credential name (the editor shows only the
 * entries whose condition holds, and the groups never overlap). `required` where the credential is the only one
 * that can serve.
 */
export function credentialChoices(platform: NodePlatform, labels: Record<string, string>): INodeCredentialDescription[] {
	const order: string[] = [];
	for (const kind of Object.keys(platform.adapters) as Array<keyof NodePlatform['adapters']>) {
		for (const { credentialType } of adaptersOf(platform, kind)) if (!order.includes(credentialType)) order.push(credentialType);
	}
	const entries: INodeCredentialDescription[] = [];
	for (const type of order) {
		const displayName = labels[type] ?? type;
		// key: required flag + operation list ('*' = every operation of the resource) → resources
		const groups = new Map<string, { required: boolean; operations: string[] | undefined; resources: string[] }>();
		for (const [resource, operations] of Object.entries(platform.resources)) {
			const all = Object.keys(operations);
			for (const required of [true, false]) {
				const ops = all.filter((op) => {
					const types = credentialTypesFor(platform, resource, op);
					return types.includes(type) && (types.length === 1) === required;
				});
				if (!ops.length) continue;
				const operationList = ops.length === all.length ? undefined : ops;
				const key = `${required}|${operationList?.join(',') ?? '*'}`;
				const group = groups.get(key) ?? { required, operations: operationList, resources: [] };
				group.resources.push(resource);
				groups.set(key, group);
			}
		}
		const resourceCount = Object.keys(platform.resources).length;
		for (const group of groups.values()) {
			const everywhere = groups.size === 1 && !group.operations && group.resources.length === resourceCount;
			entries.push({
				name: type,
				displayName,
				required: group.required,
				...(everywhere ? {} : { displayOptions: { show: { resource: group.resources, ...(group.operations ? { operation: group.operations } : {}) } } }),
			});
		}
	}
	return entries;
}

/**
 * The node's credential notice, derived from the same declarations as `credentialChoices`, so it cannot drift from
 * the fields the panel shows: which credential serves every operation, which serve only some, and that one filled-in
 * field is enough where several are shown.
 */
export function credentialNotice(platform: NodePlatform, labels: Record<string, string>): string {
	const pairs = Object.entries(platform.resources).flatMap(([resource, operations]) => Object.keys(operations).map((operation) => ({ resource, operation })));
	const served = new Map<string, number>();
	for (const { resource, operation } of pairs) {
		for (const type of credentialTypesFor(platform, resource, operation)) served.set(type, (served.get(type) ?? 0) + 1);
	}
	const name = (type: string) => `"${labels[type] ?? type}"`;
	const everywhere = [...served].filter(([, count]) => count === pairs.length).map(([type]) => name(type));
	const some = [...served].filter(([, count]) => count < pairs.length).map(([type, count]) => `${name(type)} (${count} of ${pairs.length} operations)`);
	const parts = [
		'The Credential fields shown above are the ones the chosen operation can use.',
		everywhere.length ? `${everywhere.join(' and ')} ${everywhere.length > 1 ? 'serve' : 'serves'} every operation.` : '',
		some.length ? `${some.join(', ')} ${some.length > 1 ? 'serve' : 'serves'} only the operations where ${some.length > 1 ? 'they are' : 'it is'} shown.` : '',
		'Where several are shown, filling in one is enough.',
	];
	return parts.filter(Boolean).join(' ');
}
