import { randomUUID } from 'node:crypto';

export interface NodeSpec {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

/**
 * A webhook-triggered workflow whose nodes run in a chain; the webhook answers with every item of the last node
 * (`responseMode: lastNode`), so a test can assert on the output of the whole run.
 */
export function chainWorkflow(name: string, path: string, chain: NodeSpec[], method: 'GET' | 'POST' = 'POST') {
	const webhook = {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: method, path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
	const nodes = [webhook, ...chain.map((n, i) => ({ id: randomUUID(), typeVersion: 1, position: [220 * (i + 1), 0], ...n }))];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Splits the webhook's JSON body array `items` into one n8n item each. */
export const splitItems: NodeSpec = {
	name: 'Split Items',
	type: 'n8n-nodes-base.splitOut',
	parameters: { fieldToSplitOut: 'body.items', options: {} },
};

/** The demo fixtures' placeholders: {{SIM}} = the simulator's base URL, {{N8N}} = n8n's. */
export function substituteDemo(value: unknown, sim: string, n8n: string): unknown {
	if (typeof value === 'string') return value.split('{{SIM}}').join(sim).split('{{N8N}}').join(n8n);
	if (Array.isArray(value)) return value.map((v) => substituteDemo(v, sim, n8n));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDemo(v, sim, n8n)]));
	return value;
}
