import type { ParsedBody, SimContext } from '../../core/types';
import type { DouyinStore, UserToken } from './store';
import { replyError, replyOk, type Dialect } from './reply';

export type Auth = 'user' | 'client' | 'none';

export interface Route {
	/** paths without the trailing slash; both forms are routed */
	paths: string[];
	methods: Array<'GET' | 'POST'>;
	auth: Auth;
	/** scope the user must have granted (user routes) */
	scope?: string;
	dialect: Dialect;
	/** old query-token API family (/video/list/, /video/create/ …): answers with the legacy error codes */
	legacy?: boolean;
	/** token-issuing endpoint: logged with category 'token-request' */
	tokenRequest?: boolean;
	/** multipart upload: the token is checked before the (possibly huge) body is read */
	upload?: boolean;
	/** token and open_id may also come in the body (userinfo) */
	credentialsInBody?: boolean;
	/** OAuth replies: errors as {data, message:'error'} or {data, extra} */
	oauthErrorStyle?: 'message' | 'extra';
	handler(call: Call): Promise<void> | void;
}

/** Error codes of an endpoint family. See the comment in douyin.ts for the choices the research left open. */
export interface ErrorCodes {
	param: number;
	invalidToken: number;
	expiredToken: number;
	scope: number;
	openIdMismatch: number;
}

export const NEW_CODES: ErrorCodes = { param: 28001007, invalidToken: 28001003, expiredToken: 28001008, scope: 28001012, openIdMismatch: 28001015 };
export const LEGACY_CODES: ErrorCodes = { param: 2100005, invalidToken: 2190002, expiredToken: 2190008, scope: 2100007, openIdMismatch: 2100005 };
/** /oauth/userinfo/: the OAuth family's 10008 for an expired token, new-style codes otherwise */
export const OAUTH_CODES: ErrorCodes = { ...NEW_CODES, expiredToken: 10008 };

export function codesFor(route: Route): ErrorCodes {
	if (route.legacy) return LEGACY_CODES;
	if (route.dialect === 'oauth') return OAUTH_CODES;
	return NEW_CODES;
}

export class Call {
	/** merged parameters: query, then form or JSON body (body wins); JSON values stringified */
	params: Record<string, string> = {};
	body?: ParsedBody;
	user?: UserToken;
	readonly codes: ErrorCodes;

	constructor(
		readonly ctx: SimContext,
		readonly store: DouyinStore,
		readonly route: Route,
	) {
		this.codes = codesFor(route);
		this.params = { ...ctx.query };
	}

	async readBody(): Promise<ParsedBody> {
		if (!this.body) {
			this.body = await this.ctx.body();
			const fromJson: Record<string, string> = {};
			const json = this.body.json;
			if (json && typeof json === 'object' && !Array.isArray(json)) {
				for (const [k, v] of Object.entries(json)) if (v !== null && v !== undefined) fromJson[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
			}
			this.params = { ...this.ctx.query, ...this.body.form, ...fromJson };
		}
		return this.body;
	}

	now(): number {
		return this.ctx.now();
	}

	ok(payload: Record<string, unknown> = {}): void {
		replyOk(this.ctx, this.route.dialect, payload, { numbersAsStrings: this.store.config.numbersAsStrings });
	}

	fail(code: number, description: string): void {
		replyError(this.ctx, this.route.dialect, code, description, { numbersAsStrings: this.store.config.numbersAsStrings }, this.route.oauthErrorStyle);
	}

	/** the JSON object body of create / reply / data calls, or undefined after answering a parameter error */
	async jsonBody(): Promise<Record<string, unknown> | undefined> {
		const body = await this.readBody();
		if (body.kind !== 'json' || body.invalidJson || !body.json || typeof body.json !== 'object' || Array.isArray(body.json)) {
			this.fail(this.codes.param, 'request body must be a JSON object (Content-Type: application/json)');
			return undefined;
		}
		return body.json as Record<string, unknown>;
	}
}

export function normalisePath(path: string): string {
	const trimmed = path.replace(/\/+$/, '');
	return trimmed === '' ? '/' : trimmed;
}
