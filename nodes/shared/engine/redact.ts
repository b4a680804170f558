/** Masks every known secret value, and token-looking query parameters in URLs, in a text shown to the user. */
export function redactText(text: string, secrets: Array<string | undefined>): string {
	let out = text;
	for (const s of secrets) {
		if (s && s.length >= 6) out = out.split(s).join('***');
	}
	return out.replace(/([?&](?:access_token|refresh_token|secret|client_secret|key)=)[^&\s"']+/gi, '$1***');
}
