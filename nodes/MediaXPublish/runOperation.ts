import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { platformRequest } from '../shared/engine/engine';
import type { RunTokens } from '../shared/engine/runTokens';
import type { PlatformCall } from '../shared/node/operation';
import { adapterFor, type NodePlatform } from '../shared/node/router';

/**
 * Runs one operation of a platform node (e.g. Douyin video → upload) from inside the publish node, with parameters the
 * publish node supplies instead of the editor's: the operation sees an execution context whose getNodeParameter
 * answers from `parameters` (or the operation's own fallback), and everything else (credentials, binary data, sleep,
 * cancel signal) is the publish node's own. The token comes from the operation's own declaration, so the request is
 * exactly the one the platform node sends; nothing is copied.
 */
export async function runOperation(
	ctx: IExecuteFunctions,
	platform: NodePlatform,
	resource: string,
	operation: string,
	itemIndex: number,
	parameters: IDataObject,
	run: RunTokens,
): Promise<IDataObject[]> {
	const module = platform.resources[resource]?.[operation];
	if (!module) throw new NodeOperationError(ctx.getNode(), `${platform.label} has no operation ${resource} → ${operation}`, { itemIndex });
	const label = `${platform.label} ${resource} → ${operation}`;
	const adapter = module.token === 'none' ? undefined : adapterFor(ctx, platform, module.token, label);
	const call: PlatformCall = async (request) => {
		if (!adapter) throw new NodeOperationError(ctx.getNode(), `${label} does not call ${platform.label}`, { itemIndex });
		const response = await platformRequest(ctx, adapter, request, run);
		return request.binaryResponse ? response : response.body;
	};
	const getNodeParameter = (name: string, _i: number, fallback?: unknown) => (name in parameters && parameters[name] !== undefined ? parameters[name] : fallback);
	// a Proxy, not Object.create: n8n's context methods rely on their own instance (private fields), so they stay bound to it
	const operationContext = new Proxy(ctx, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	}) as IExecuteFunctions;
	const result = await module.execute.call(operationContext, itemIndex, call);
	const rows = Array.isArray(result) ? result : [result];
	return rows.map((row) => ((row as { json?: IDataObject }).json && 'pairedItem' in (row as object) ? (row as { json: IDataObject }).json : (row as IDataObject)));
}
