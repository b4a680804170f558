/** Values that must never leave the node in an error or item: client secrets, tokens, refresh tokens. */
const SECRET_KEYS = /^(access_?token|refresh_?token|client_?secret|secret|app_?secret|clientSecret|accessToken|refreshToken|appSecret|privateKey|private_key|password|code|ticket)$/i;

export function redactText(text: string, secrets: Array<string | undefined>): string {
	let out = text;
	for (const s of secrets) {
		if (s && s.length >= 6) out = out.split(s).join('***');
	}
	// token-looking query parameters in URLs
	return out.replace(/([?&](?:access_token|refresh_token|secret|client_secret)=)[^&\s"']+/gi, '$1***');
}

/** Deep copy with secret-looking fields masked; used for error details shown to the user. */
export function redactObject<T>(value: T, secrets: Array<string | undefined> = []): T {
	if (Array.isArray(value)) return value.map((v) => redactObject(v, secrets)) as unknown as T;
	if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
			out[k] = SECRET_KEYS.test(k) && typeof v === 'string' && v ? '***' : redactObject(v, secrets);
		}
		return out as T;
	}
	if (typeof value === 'string') return redactText(value, secrets) as unknown as T;
	return value;
}
