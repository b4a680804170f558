/**
 * A small stand-in for n8n's execution context, faithful to what the engine relies on (see
 * ../shared/research/n8n-internals.md §1.2–1.4): getCredentials is a fresh "DB" read, httpRequestWithAuthentication runs
 * the credential's preAuthentication when its expirable field is empty and persists the output, then applies the
 * `authenticate` (generic or a function); the credentials helper's updateCredentials / updateCredentialsOauthTokenData
 * write the record; `testCredential` runs a credential Test the way n8n's tester does. The real-n8n e2e suites check the same
 * behaviour against n8n itself.
 */
import type { ICredentialType, IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: IDataObject;
}

export class CredentialStore {
	private rows = new Map<string, StoredCredential>();
	writes = 0;
	constructor(private types: Record<string, ICredentialType>) {}
	add(row: StoredCredential) {
		this.rows.set(row.id, JSON.parse(JSON.stringify(row)));
	}
	read(id: string): StoredCredential {
		const row = this.rows.get(id);
		if (!row) throw new Error(`no credential ${id}`);
		return JSON.parse(JSON.stringify(row));
	}
	write(id: string, data: IDataObject) {
		const row = this.read(id);
		this.writes++;
		this.rows.set(id, { ...row, data: JSON.parse(JSON.stringify(data)) });
	}
	type(name: string): ICredentialType {
		return this.types[name];
	}
}

function buildUrl(options: IHttpRequestOptions): string {
	// like axios: baseURL + url, not URL resolution
	const url = new URL(options.baseURL && !/^https?:/.test(options.url) ? options.baseURL.replace(/\/+$/, '') + options.url : options.url);
	for (const [k, v] of Object.entries(options.qs ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
	return url.toString();
}

/** n8n's httpRequest, reduced to the options the package uses. */
export async function httpRequest(options: IHttpRequestOptions): Promise<any> {
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = String(v);
	let body: string | Buffer | object | undefined;
	const b = options.body as unknown;
	if (b instanceof URLSearchParams) {
		body = b.toString();
		headers['content-type'] ??= 'application/x-www-form-urlencoded';
	} else if (Buffer.isBuffer(b) || Object.prototype.toString.call(b) === '[object Blob]') body = b as Buffer | object;
	else if (typeof b === 'string') body = b;
	else if (b !== undefined && options.method !== 'GET') {
		body = JSON.stringify(b);
		headers['content-type'] ??= 'application/json';
	}
	// n8n's axios-based client: `timeout` aborts the request with ECONNABORTED "timeout of <ms>ms exceeded"
	const signal = options.timeout ? AbortSignal.timeout(options.timeout) : undefined;
	let res: Response;
	try {
		res = await fetch(buildUrl(options), { method: options.method ?? 'GET', headers, body: body as never, signal });
	} catch (error) {
		if ((error as Error).name === 'TimeoutError') throw Object.assign(new Error(`timeout of ${options.timeout}ms exceeded`), { code: 'ECONNABORTED' });
		throw error;
	}
	const buf = Buffer.from(await res.arrayBuffer());
	let parsed: unknown = buf;
	if (options.encoding !== 'arraybuffer') {
		const text = buf.toString('utf8');
		try {
			parsed = options.json || /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
		} catch {
			parsed = text;
		}
	}
	if (!res.ok && !options.ignoreHttpStatusErrors) {
		const error = new Error(`Request failed with status code ${res.status}`) as Error & { response: { status: number } };
		error.response = { status: res.status };
		throw error;
	}
	if (options.returnFullResponse) return { statusCode: res.status, headers: Object.fromEntries(res.headers), body: parsed };
	return parsed;
}

export function resolveExpression(value: unknown, credentials: IDataObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=') || !value.includes('{{')) return value;
	// eslint-disable-next-line no-new-func
	const evaluate = (expr: string) => new Function('$credentials', '$self', `return (${expr});`)(credentials, credentials);
	if (value.startsWith('={{') && value.endsWith('}}') && value.indexOf('{{', 3) === -1) return evaluate(value.slice(3, -2));
	// a template such as '=Bearer {{$credentials.accessToken}}'
	return value.slice(1).replace(/\{\{(.+?)\}\}/g, (_, expr: string) => String(evaluate(expr)));
}

/** whether a credential type is n8n's own OAuth2 (extends oAuth2Api): n8n signs with oauthTokenData and refreshes it */
function isN8nOAuth2(t: ICredentialType | undefined): boolean {
	return !!t?.extends?.includes('oAuth2Api');
}

export interface FakeContextOptions {
	store: CredentialStore;
	/** credential type → stored id attached to the node */
	attached: Record<string, string>;
	parameters?: Record<string, unknown>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** simulate an n8n without the internal credentials helper */
	noCredentialsHelper?: boolean;
}

export function fakeContext(opts: FakeContextOptions): any {
	const { store } = opts;
	const node = {
		name: 'MediaX',
		type: 'n8n-nodes-mediax.test',
		credentials: Object.fromEntries(Object.entries(opts.attached).map(([type, id]) => [type, { id, name: store.read(id).name }])),
	};
	const ctx: any = {
		getNode: () => node,
		getInputData: () => opts.items ?? [{ json: {} }],
		getNodeParameter: (name: string, _i: number, fallback?: unknown) => (name in (opts.parameters ?? {}) ? opts.parameters![name] : fallback),
		continueOnFail: () => !!opts.continueOnFail,
		getExecutionCancelSignal: () => undefined,
		async getCredentials(type: string) {
			ctx.credentialReads++;
			const id = opts.attached[type];
			if (!id) throw new Error(`Node does not have credentials of type ${type}`);
			const t = store.type(type);
			const data = store.read(id).data;
			for (const p of t.properties) if (data[p.name] === undefined && p.type !== 'notice') data[p.name] = p.default as never;
			return data;
		},
		helpers: {
			async httpRequest(options: IHttpRequestOptions) {
				ctx.sent.push({ type: '', options });
				return httpRequest(options);
			},
			async httpRequestWithAuthentication(type: string, options: IHttpRequestOptions, extra?: { credentialsDecrypted?: { data: IDataObject } }) {
				const t = store.type(type);
				const data = extra?.credentialsDecrypted?.data ? { ...extra.credentialsDecrypted.data } : await ctx.getCredentials(type);
				const expirable = t.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
				if (expirable && data[expirable.name] === '' && t.preAuthentication) {
					const output = await t.preAuthentication.call({ helpers: { httpRequest } } as never, data as never);
					// n8n 2.x: stored record + output
					store.write(opts.attached[type], { ...store.read(opts.attached[type]).data, ...output });
					Object.assign(data, output);
				}
				const auth = typeof t.authenticate === 'object' ? (t.authenticate as { properties: { headers?: IDataObject; qs?: IDataObject } }) : undefined;
				let signed: IHttpRequestOptions = { ...options, headers: { ...options.headers }, qs: { ...options.qs } };
				// a function authenticate gets the credentials as preAuthentication left them, like n8n's credentials helper
				if (typeof t.authenticate === 'function') signed = await t.authenticate(data as never, signed);
				// n8n's OAuth2 credentials: signed with the stored access token (n8n's requestOAuth2 does the same)
				const tokenData = data.oauthTokenData as IDataObject | undefined;
				if (isN8nOAuth2(t) && tokenData?.access_token) signed.headers!.Authorization = `Bearer ${tokenData.access_token}`;
				ctx.sent.push({ type, options: signed });
				for (const [k, v] of Object.entries(auth?.properties.headers ?? {})) signed.headers![k] = String(resolveExpression(v, data));
				for (const [k, v] of Object.entries(auth?.properties.qs ?? {})) (signed.qs as IDataObject)[k] = resolveExpression(v, data) as string;
				return httpRequest(signed);
			},
			assertBinaryData(i: number, prop: string) {
				const binary = (opts.items ?? [])[i]?.binary?.[prop];
				if (!binary) throw new Error(`No binary data property "${prop}"`);
				return binary;
			},
			async getBinaryDataBuffer(i: number, prop: string) {
				return Buffer.from((opts.items ?? [])[i].binary![prop].data, 'base64');
			},
			async getBinaryMetadata() {
				throw new Error('filesystem binary mode is not simulated here');
			},
			async getBinaryStream() {
				throw new Error('filesystem binary mode is not simulated here');
			},
			/** n8n's refresh of an OAuth2 credential: refresh_token grant at the credential's token URL, stored in oauthTokenData */
			async refreshOAuth2Token(type: string) {
				const data = await ctx.getCredentials(type);
				const previous = (data.oauthTokenData ?? {}) as IDataObject;
				const url = String(resolveExpression(data.accessTokenUrl, data));
				ctx.oauthRefreshes++;
				const full = (await httpRequest({
					method: 'POST',
					url,
					body: new URLSearchParams({
						grant_type: 'refresh_token',
						refresh_token: String(previous.refresh_token ?? ''),
						client_id: String(data.clientId ?? ''),
						client_secret: String(data.clientSecret ?? ''),
					}),
					json: true,
					ignoreHttpStatusErrors: true,
					returnFullResponse: true,
				})) as { statusCode: number; body: IDataObject };
				const reply = full.body;
				if (!reply?.access_token) throw new Error(`OAuth2 refresh failed (HTTP ${full.statusCode}): ${JSON.stringify(reply)}`);
				const id = opts.attached[type];
				store.write(id, { ...store.read(id).data, oauthTokenData: { ...previous, ...reply } });
				return reply;
			},
		},
		/** every request the node sent (plain httpRequest, or httpRequestWithAuthentication as signed) */
		sent: [] as Array<{ type: string; options: IHttpRequestOptions }>,
		oauthRefreshes: 0,
		/** getCredentials calls (each one is a DB read and decryption in n8n) */
		credentialReads: 0,
	};
	if (!opts.noCredentialsHelper) {
		ctx.additionalData = {
			credentialsHelper: {
				async getCredentials(ref: { id: string }) {
					return { getData: () => store.read(ref.id).data };
				},
				async updateCredentials(ref: { id: string }, _type: string, data: IDataObject) {
					store.write(ref.id, data);
				},
				async updateCredentialsOauthTokenData(ref: { id: string }, _type: string, data: { oauthTokenData: IDataObject }) {
					store.write(ref.id, { ...store.read(ref.id).data, oauthTokenData: data.oauthTokenData });
				},
			},
		};
	}
	return ctx;
}

function resolveDeep(value: unknown, data: IDataObject): unknown {
	if (Array.isArray(value)) return value.map((v) => resolveDeep(v, data));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, data)]));
	return resolveExpression(value, data);
}

/**
 * A credential Test as n8n's tester runs it (n8n-internals.md §1.5): the test request is built from the credential
 * data first, then the authenticated request runs preAuthentication when the expirable field is empty (persisting the
 * output), applies `authenticate`, sends, and checks the responseSuccessBody rules.
 */
export async function testCredential(store: CredentialStore, type: string, id: string): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const t = store.type(type);
	const data = store.read(id).data;
	for (const p of t.properties) if (data[p.name] === undefined && p.type !== 'notice') data[p.name] = p.default as never;
	const request = resolveDeep(t.test!.request, data) as IHttpRequestOptions;
	const ctx = fakeContext({ store, attached: { [type]: id } });
	try {
		const reply = await ctx.helpers.httpRequestWithAuthentication(type, { ...request, json: true }, { credentialsDecrypted: { data } });
		for (const rule of (t.test!.rules ?? []) as Array<{ type: string; properties: { key: string; value: unknown; message: string } }>) {
			if (rule.type !== 'responseSuccessBody') continue;
			const got = rule.properties.key.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), reply);
			if (got === rule.properties.value) return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		// n8n's tester: a responseCode rule names the failure of an HTTP status
		const status = (error as { response?: { status?: number } }).response?.status;
		for (const rule of (t.test!.rules ?? []) as Array<{ type: string; properties: { value: unknown; message: string } }>) {
			if (rule.type === 'responseCode' && status !== undefined && rule.properties.value === status) return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'Error', message: (error as Error).message };
	}
}
