import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions, type INodePropertyOptions } from 'n8n-workflow';
import { platformRequest } from '../../shared/engine/engine';
import { redactText } from '../../shared/engine/redact';
import { BILIBILI_USER_CREDENTIAL, bilibiliUserAdapter } from '../../shared/platforms/bilibili';

interface TreeNode {
	id?: number | string;
	name?: string;
	description?: string;
	children?: TreeNode[];
}

/** Loads a signed read through the same engine as the operations (token refresh included); errors carry no secret. */
async function read(ctx: ILoadOptionsFunctions, path: string): Promise<unknown> {
	try {
		// the engine needs only getNode, getCredentials and helpers.httpRequest, which load-options contexts have
		const response = await platformRequest(ctx as unknown as IExecuteFunctions, bilibiliUserAdapter, { method: 'GET', path, idempotent: true });
		return (response.body as IDataObject)?.data;
	} catch (error) {
		let secrets: string[] = [];
		try {
			const c = await ctx.getCredentials(BILIBILI_USER_CREDENTIAL);
			const t = ((c.oauthTokenData ?? {}) as IDataObject).data as IDataObject | undefined;
			secrets = [c.clientSecret, t?.access_token, t?.refresh_token].filter(Boolean).map(String);
		} catch {
			// nothing to mask
		}
		const e = error as Error & { details?: IDataObject; hint?: string };
		throw new NodeOperationError(ctx.getNode(), redactText(`Could not load the list from Bilibili: ${e?.message ?? String(error)}`, secrets), {
			description: redactText(String(e?.details?.hint ?? e?.hint ?? ''), secrets) || undefined,
		});
	}
}

/** Each top-level entry's children, named "Parent → Child"; a choice must be a child. */
function leaves(tree: unknown): INodePropertyOptions[] {
	const top = (Array.isArray(tree) ? tree : ((tree as IDataObject)?.list ?? [])) as TreeNode[];
	const options: INodePropertyOptions[] = [];
	for (const parent of top) {
		for (const child of parent.children ?? []) {
			options.push({ name: `${parent.name ?? parent.id} → ${child.name ?? child.id}`, value: Number(child.id), description: child.description || undefined });
		}
	}
	return options;
}

export async function getPartitions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return leaves(await read(this, '/arcopen/fn/archive/type/list'));
}

export async function getArticleCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return leaves(await read(this, '/arcopen/fn/article/categories'));
}
