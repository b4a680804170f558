import type { SimContext } from '../core/types';

/**
 * The page a pasted-code platform (RedBook JuGuang, WeChat web authorization) redirects to in the demo: it stands for
 * the page at the person's own Redirect URI, not for a platform page. n8n's OAuth2 callback cannot take these
 * redirects (JuGuang sends `auth_code`, not `code`, and both token exchanges differ from n8n's form POST), so the page
 * shows the code with a copy button and says exactly where it goes. `?credential=<name>` in the Redirect URI names
 * the n8n credential in the instructions; the platform keeps that parameter when it appends the code.
 */
export interface CodeCallback {
	/** the platform as the person knows it */
	platform: string;
	/** query parameter that carries the code */
	codeParam: string;
	/** the n8n credential type's display name, used when the Redirect URI names no credential */
	credentialType: string;
	/** how long the code stays valid, as the platform documents it */
	validity: string;
}

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The exact steps the page prints, also used by tests that replay them. */
export function codeCallbackSteps(o: CodeCallback, credentialName: string | undefined): string[] {
	const which = credentialName ? `the credential "${credentialName}"` : `your ${o.credentialType} credential`;
	return [
		'Click "Copy code".',
		`In n8n, open Overview → Credentials and open ${which}.`,
		'Paste the code into "Authorization Code".',
		'Click "Save". n8n exchanges the code at once; the credential is then connected.',
	];
}

export function codeCallbackPage(ctx: SimContext, o: CodeCallback): void {
	const code = ctx.query[o.codeParam] ?? '';
	const credentialName = ctx.query.credential || undefined;
	ctx.log.note = code ? 'code callback page' : 'code callback page without code';
	if (!code) {
		const reason = ctx.query.error ? `The authorization was not granted (${ctx.query.error}).` : 'This address carries no authorization code.';
		ctx.html(
			400,
			`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(o.platform)}: no authorization code</title></head><body><h1>No authorization code</h1><p id="error">${escapeHtml(reason)} Run "Get Authorization URL" again and approve.</p></body></html>`,
		);
		return;
	}
	const steps = codeCallbackSteps(o, credentialName)
		.map((s) => `<li>${escapeHtml(s)}</li>`)
		.join('');
	ctx.html(
		200,
		`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(o.platform)} authorization code</title>
<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}#code{font:1.1em monospace;width:100%;padding:.4em}button{margin-top:.5em;padding:.4em 1em}</style></head><body>
<h1>${escapeHtml(o.platform)}: authorization code</h1>
<p><input id="code" readonly value="${escapeHtml(code)}" onfocus="this.select()"></p>
<p><button id="copy" type="button">Copy code</button> <span id="copied" hidden>Copied</span></p>
<ol id="steps">${steps}</ol>
<p>The code is single-use and valid for ${escapeHtml(o.validity)}.${ctx.query.state ? ` State: <code id="state">${escapeHtml(ctx.query.state)}</code>` : ''}</p>
<script>
document.getElementById('copy').addEventListener('click', async () => {
	const input = document.getElementById('code');
	try { await navigator.clipboard.writeText(input.value); } catch { input.select(); document.execCommand('copy'); }
	document.getElementById('copied').hidden = false;
});
</script></body></html>`,
	);
}
