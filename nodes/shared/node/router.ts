import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import type { TokenAdapter } from '../engine/adapters';
import { hasCredential, platformRequest } from '../engine/engine';
import { RunTokens } from '../engine/runTokens';
import { secretValues } from '../engine/secrets';
import type { TokenKind } from '../engine/types';
import { toNodeError } from './errors';
import { checkFields } from './fields';
import { forEachLimited } from './limit';
import { withIsoDates } from './isoDates';
import type { OperationModule, PlatformCall, ResourceOperations } from './operation';
import { requestsInParallel } from './parallel';
import { requestTimeoutMs } from './timeout';

export interface NodePlatform {
	label: string;
	/** the adapter(s) for each token kind this platform offers, in order of preference */
	adapters: Partial<Record<TokenKind, TokenAdapter | TokenAdapter[]>>;
	/** why each kind exists, for the "attach credential" message */
	purpose: Partial<Record<TokenKind, string>>;
	resources: Record<string, ResourceOperations>;
}

export function adaptersOf(platform: NodePlatform, kind: TokenKind): TokenAdapter[] {
	const adapters = platform.adapters[kind];
	return adapters === undefined ? [] : Array.isArray(adapters) ? adapters : [adapters];
}

/** Picks the credential for the operation's token kind(s), or explains which one to attach and why. */
export function adapterFor(ctx: IExecuteFunctions, platform: NodePlatform, token: TokenKind | TokenKind[], operationLabel: string): TokenAdapter {
	const kinds = Array.isArray(token) ? token : [token];
	const candidates = kinds.flatMap((kind) => adaptersOf(platform, kind).map((adapter) => ({ kind, adapter })));
	const attached = candidates.find((c) => hasCredential(ctx, c.adapter.credentialType));
	if (attached) return attached.adapter;
	if (!candidates.length) throw new NodeOperationError(ctx.getNode(), `${platform.label} offers no token for ${operationLabel}`);
	const names = [...new Set(candidates.map((c) => `"${c.adapter.credentialDisplayName}"`))];
	const why = [...new Set(candidates.map((c) => platform.purpose[c.kind]).filter(Boolean))];
	throw new NodeOperationError(ctx.getNode(), `"${operationLabel}" needs the ${names.join(' or the ')} credential`, {
		description: `This operation uses ${why.join(', or ')}. Open the node, choose or create ${names.length > 1 ? 'one of these credentials' : `a ${names[0]} credential`} under Credentials, and run again. The node can hold all ${platform.label} credentials at once and picks the right one per operation.`,
	});
}

/** Secrets to mask in an error: those of the credentials this run read, or else of every attached one. */
export async function secretsOf(ctx: IExecuteFunctions, platform: NodePlatform, run: RunTokens): Promise<string[]> {
	const read = run.credentials();
	if (read.length) return read.flatMap(secretValues);
	const secrets: string[] = [];
	const types = new Set(Object.values(platform.adapters).flatMap((a) => (Array.isArray(a) ? a : a ? [a] : [])).map((a) => a.credentialType));
	for (const type of types) {
		if (!hasCredential(ctx, type)) continue;
		try {
			secrets.push(...secretValues(await ctx.getCredentials(type)));
		} catch {
			// the credential could not be read; nothing to mask from it
		}
	}
	return secrets;
}

async function runItem(ctx: IExecuteFunctions, platform: NodePlatform, run: RunTokens, i: number): Promise<INodeExecutionData[]> {
	const resource = ctx.getNodeParameter('resource', i) as string;
	const operation = ctx.getNodeParameter('operation', i) as string;
	const module: OperationModule | undefined = platform.resources[resource]?.[operation];
	if (!module) throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not known`, { itemIndex: i });
	checkFields(ctx, module.description, i);
	const token = module.token;
	const adapter = token === 'none' ? undefined : adapterFor(ctx, platform, token, `${resource} → ${operation}`);
	const timeoutMs = requestTimeoutMs(ctx, i);
	const call: PlatformCall = async (request) => {
		if (!adapter) throw new NodeOperationError(ctx.getNode(), `${resource} → ${operation} does not call ${platform.label}`);
		const response = await platformRequest(ctx, adapter, { ...request, timeoutMs: request.timeoutMs ?? timeoutMs }, run);
		return request.binaryResponse ? response : response.body;
	};
	const result = await module.execute.call(ctx, i, call);
	const produced: INodeExecutionData[] = Array.isArray(result) && result.length && 'json' in (result[0] as object)
		? (result as INodeExecutionData[])
		: (Array.isArray(result) ? (result as IDataObject[]) : [result as IDataObject]).map((json) => ({ json }));
	return produced.map((item) => ({ ...item, json: withIsoDates(item.json, adapter?.platform), pairedItem: { item: i } }));
}

/**
 * Runs the selected operation for every input item, up to "Requests in Parallel" at a time, with one set of tokens
 * for the whole run; output keeps the input order, with paired items and continueOnFail per item.
 */
export async function routeOperations(ctx: IExecuteFunctions, platform: NodePlatform): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const run = new RunTokens();
	const perItem: INodeExecutionData[][] = new Array(items.length);
	await forEachLimited(items.length, requestsInParallel(ctx), async (i) => {
		try {
			perItem[i] = await runItem(ctx, platform, run, i);
		} catch (error) {
			const nodeError = toNodeError(ctx, error, i, await secretsOf(ctx, platform, run));
			if (!ctx.continueOnFail()) throw nodeError;
			perItem[i] = [{ json: { error: nodeError.message, description: nodeError.description ?? undefined }, pairedItem: { item: i } }];
		}
	});
	return [perItem.flat()];
}
