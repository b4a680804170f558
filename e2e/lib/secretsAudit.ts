// Secrets audit: looks for every client secret, token and refresh token a suite used in everything n8n stored or
// printed (a database dump, log files and process output, error messages) and in what the simulator received where it
// should not (a secret or refresh token outside a token request). Any hit is a finding.
import type { LogEntry } from '../../simulator/src/core/types';

export interface AuditSource {
	/** e.g. "PostgreSQL dump", "worker2 log" */
	name: string;
	text: string;
}

export interface AuditFinding {
	source: string;
	secret: string;
	/** the secret's label (never its value) */
	label: string;
	context: string;
}

/** Masks all but the first 4 characters, so a report names the secret without repeating it. */
const mask = (s: string) => `${s.slice(0, 4)}…(${s.length})`;

/** Collects the secrets to look for: tokens the simulator saw or issued, plus fixed client secrets. */
export function secretsFromSimulator(log: LogEntry[], issued: string[] = []): string[] {
	const out = new Set<string>(issued);
	for (const e of log) if (e.token) out.add(e.token);
	return [...out].filter((s) => s && s.length >= 8);
}

export function auditSecrets(secrets: Array<{ label: string; value: string }>, sources: AuditSource[], simLog: LogEntry[] = []): AuditFinding[] {
	const findings: AuditFinding[] = [];
	const wanted = secrets.filter((s) => s.value && s.value.length >= 8);
	for (const src of sources) {
		for (const s of wanted) {
			let at = src.text.indexOf(s.value);
			let hits = 0;
			while (at >= 0 && hits < 3) {
				findings.push({ source: src.name, secret: mask(s.value), label: s.label, context: src.text.slice(Math.max(0, at - 80), at).replace(/\s+/g, ' ') });
				at = src.text.indexOf(s.value, at + s.value.length);
				hits++;
			}
		}
	}
	// the simulator's view: client secrets and refresh tokens belong only in token requests (query and path are logged;
	// bodies are not); an access token only in the token header/query the platform reads (entry.token)
	const never = wanted.filter((s) => /secret|refresh/i.test(s.label));
	for (const e of simLog) {
		if (e.category === 'token-request') continue;
		const seen = JSON.stringify({ path: e.path, query: e.query });
		for (const s of never)
			if (seen.includes(s.value)) findings.push({ source: `simulator request ${e.method} /${e.platform}${e.path}`, secret: mask(s.value), label: s.label, context: 'sent outside a token request' });
	}
	return findings;
}

export function formatFindings(findings: AuditFinding[]): string {
	return findings.map((f) => `${f.source}: ${f.label} ${f.secret} after "${f.context}"`).join('\n');
}
