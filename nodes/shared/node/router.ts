import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import type { TokenAdapter } from '../engine/adapters';
import { hasCredential, platformRequest } from '../engine/engine';
import type { TokenKind } from '../engine/types';
import { toNodeError } from './errors';
import { withIsoDates } from './isoDates';
import type { OperationModule, PlatformCall, ResourceOperations } from './operation';

export interface NodePlatform {
	label: string;
	/** the adapter for each token kind this platform offers */
	adapters: Partial<Record<TokenKind, TokenAdapter>>;
	/** why each kind exists, for the "attach credential" message */
	purpose: Partial<Record<TokenKind, string>>;
	resources: Record<string, ResourceOperations>;
}

/** Picks the credential for the operation's token kind(s), or explains which one to attach and why. */
export function adapterFor(ctx: IExecuteFunctions, platform: NodePlatform, token: TokenKind | TokenKind[], operationLabel: string): TokenAdapter {
	const kinds = Array.isArray(token) ? token : [token];
	const candidates = kinds.map((kind) => ({ kind, adapter: platform.adapters[kind] })).filter((c): c is { kind: TokenKind; adapter: TokenAdapter } => !!c.adapter);
	const attached = candidates.find((c) => hasCredential(ctx, c.adapter.credentialType));
	if (attached) return attached.adapter;
	if (!candidates.length) throw new NodeOperationError(ctx.getNode(), `${platform.label} offers no token for ${operationLabel}`);
	const names = [...new Set(candidates.map((c) => `"${c.adapter.credentialDisplayName}"`))];
	const why = candidates.map((c) => platform.purpose[c.kind]).filter(Boolean);
	throw new NodeOperationError(ctx.getNode(), `"${operationLabel}" needs the ${names.join(' or the ')} credential`, {
		description: `This operation uses ${why.join(', or ')}. Open the node, choose or create ${names.length > 1 ? 'one of these credentials' : `a ${names[0]} credential`} under Credentials, and run again. The node can hold all ${platform.label} credentials at once and picks the right one per operation.`,
	});
}

async function secretsOf(ctx: IExecuteFunctions, platform: NodePlatform): Promise<string[]> {
	const secrets: string[] = [];
	for (const adapter of Object.values(platform.adapters)) {
		if (!adapter || !hasCredential(ctx, adapter.credentialType)) continue;
		try {
			const c = await ctx.getCredentials(adapter.credentialType);
			for (const key of ['clientSecret', 'appSecret', 'secret', 'accessToken', 'refreshToken', 'privateKey', 'apiKey']) if (c[key]) secrets.push(String(c[key]));
			const t = (c.oauthTokenData ?? {}) as IDataObject;
			const d = (t.data ?? t) as IDataObject;
			for (const key of ['access_token', 'refresh_token']) if (d[key]) secrets.push(String(d[key]));
		} catch {
			// the credential could not be read; nothing to mask from it
		}
	}
	return secrets;
}

/** Runs the selected operation for every input item, with continueOnFail and paired items. */
export async function routeOperations(ctx: IExecuteFunctions, platform: NodePlatform): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const resource = ctx.getNodeParameter('resource', i) as string;
		const operation = ctx.getNodeParameter('operation', i) as string;
		const module: OperationModule | undefined = platform.resources[resource]?.[operation];
		try {
			if (!module) throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not known`, { itemIndex: i });
			const token = module.token;
			const adapter = token === 'none' ? undefined : adapterFor(ctx, platform, token, `${resource} → ${operation}`);
			const call: PlatformCall = async (request) => {
				if (!adapter) throw new NodeOperationError(ctx.getNode(), `${resource} → ${operation} does not call ${platform.label}`);
				const response = await platformRequest(ctx, adapter, request);
				return request.binaryResponse ? response : response.body;
			};
			const result = await module.execute.call(ctx, i, call);
			const produced: INodeExecutionData[] = Array.isArray(result) && result.length && 'json' in (result[0] as object)
				? (result as INodeExecutionData[])
				: (Array.isArray(result) ? (result as IDataObject[]) : [result as IDataObject]).map((json) => ({ json }));
			for (const item of produced) out.push({ ...item, json: withIsoDates(item.json, adapter?.platform), pairedItem: { item: i } });
		} catch (error) {
			const nodeError = toNodeError(ctx, error, i, await secretsOf(ctx, platform));
			if (ctx.continueOnFail()) {
				out.push({ json: { error: nodeError.message, description: nodeError.description ?? undefined }, pairedItem: { item: i } });
				continue;
			}
			throw nodeError;
		}
	}
	return [out];
}
