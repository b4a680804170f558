import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { redactText } from './redact';
import { secretValues } from './secrets';
import { TokenError } from './types';

/**
 * What the engine writes beside a user token so its authorization's lifecycle can be read back without a platform
 * call: the expiry times and renewals (adapters' bookkeeping) and a refused refresh. n8n's Connect merges a new
 * reply into the stored `oauthTokenData` (`{...previous, ...reply}`, research n8n-internals.md §2.2 "Storage"), so bookkeeping
 * left from an earlier authorization would survive a Reconnect: it carries a mark of the refresh token it describes.
 */

/** A refresh the platform refused: the authorization is gone until the person reconnects. */
export interface RefusedRefresh {
	code?: number | string;
	message: string;
	/** epoch ms */
	at: number;
}

/** A short, one-way mark of the token a record describes (never the token itself). */
export function tokenMark(token: unknown): string {
	return token ? createHash('sha256').update(String(token)).digest('hex').slice(0, 16) : '';
}

/** The engine's bookkeeping inside `oauthTokenData`, when it describes this refresh token (records without a mark predate marks). */
export function currentBookkeeping(oauthTokenData: IDataObject | undefined, refreshToken: unknown): IDataObject {
	const book = (oauthTokenData?.mediax ?? {}) as IDataObject;
	return !book.for || book.for === tokenMark(refreshToken) ? book : {};
}

/** `oauthTokenData` with this bookkeeping for this refresh token. */
export function withBookkeeping(oauthTokenData: IDataObject, refreshToken: unknown, book: IDataObject): IDataObject {
	return { ...oauthTokenData, mediax: { ...book, for: tokenMark(refreshToken) } };
}

/**
 * The refusal a failed refresh means, or undefined when it is not one (a network error, a rate limit): only codes
 * the adapter lists as "the authorization is gone" count. The message is masked like every error.
 */
export function refusalOf(
	error: unknown,
	refusedCodes: ReadonlyArray<number | string> | undefined,
	credentials: ICredentialDataDecryptedObject,
	now = Date.now(),
): RefusedRefresh | undefined {
	if (!(error instanceof TokenError) || error.code === undefined || !refusedCodes?.includes(error.code)) return undefined;
	return { code: error.code, message: redactText(error.message, secretValues(credentials)), at: now };
}

/** A stored refusal (JSON text in a pasted-code credential's hidden field, or an object in bookkeeping). */
export function parseRefusal(value: unknown): RefusedRefresh | undefined {
	let parsed = value;
	if (typeof value === 'string') {
		if (!value) return undefined;
		try {
			parsed = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	const r = parsed as RefusedRefresh | undefined;
	return r && typeof r === 'object' && typeof r.message === 'string' && Number(r.at) > 0 ? { code: r.code, message: r.message, at: Number(r.at) } : undefined;
}
