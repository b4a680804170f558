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
 * the chosen resource and operation can use. Exactly one entry per credential type: n8n's runtime looks a type up by
 * name and checks only the first entry with that name against the node's parameters ("Credentials not found"
 * otherwise; n8n-core NodeExecutionContext._getCredentials), so entries repeating a name break every operation the
 * first one does not show. An entry's displayOptions are AND across fields and OR within one: it shows the resources
 * that have an operation the type serves × those operations, which is exact when the type's operations form such a
 * product (every node here; test/editor/credentialChoice.test.ts) and otherwise also shows it where it is not used
 * (harmless: the node picks the credential by the operation's token). `required` where the type is the only one that
 * can serve every operation it is shown for.
 */
export function credentialChoices(platform: NodePlatform, labels: Record<string, string>): INodeCredentialDescription[] {
	const order: string[] = [];
	for (const kind of Object.keys(platform.adapters) as Array<keyof NodePlatform['adapters']>) {
		for (const { credentialType } of adaptersOf(platform, kind)) if (!order.includes(credentialType)) order.push(credentialType);
	}
	const pairs = Object.entries(platform.resources).flatMap(([resource, operations]) => Object.keys(operations).map((operation) => ({ resource, operation })));
	return order.map((type) => {
		const served = pairs.filter(({ resource, operation }) => credentialTypesFor(platform, resource, operation).includes(type));
		const resources = [...new Set(served.map((p) => p.resource))];
		const operations = [...new Set(served.map((p) => p.operation))];
		// every operation of the resources shown: no operation condition needed
		const allOperations = pairs.filter((p) => resources.includes(p.resource)).every((p) => operations.includes(p.operation));
		const shown = pairs.filter((p) => resources.includes(p.resource) && (allOperations || operations.includes(p.operation)));
		const required = shown.every(({ resource, operation }) => credentialTypesFor(platform, resource, operation).length === 1);
		const everywhere = shown.length === pairs.length;
		return {
			name: type,
			displayName: labels[type] ?? type,
			required,
			...(everywhere ? {} : { displayOptions: { show: { resource: resources, ...(allOperations ? {} : { operation: operations }) } } }),
		};
	});
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
	// n8n puts the credential fields after the leading notices when one of them has display conditions, else first
	const where = credentialChoices(platform, labels).some((c) => c.displayOptions) ? 'below' : 'above';
	const parts = [
		`The Credential fields shown ${where} are the ones the chosen operation can use.`,
		everywhere.length ? `${everywhere.join(' and ')} ${everywhere.length > 1 ? 'serve' : 'serves'} every operation.` : '',
		some.length ? `${some.join(', ')} ${some.length > 1 ? 'serve' : 'serves'} only the operations where ${some.length > 1 ? 'they are' : 'it is'} shown.` : '',
		'Where several are shown, filling in one is enough.',
	];
	return parts.filter(Boolean).join(' ');
}
