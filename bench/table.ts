// What every bench script returns and how `npm run bench` prints it: one row per figure, beside the baseline a user
// would otherwise have, measured in the same run.
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export interface BenchRow {
	figure: string;
	value: number;
	unit: string;
	/** the same figure for what a user would otherwise run, measured in the same run; undefined when none is measured */
	baseline?: number;
	/** what the baseline is, e.g. "HTTP Request node" */
	baselineLabel?: string;
	target: string;
	/** whether the value meets the target; undefined when the target is not a comparison */
	met?: boolean;
}

/** `--name value` from the command line, else the fallback. */
export function arg(name: string, fallback: string, argv: string[] = process.argv): string {
	const i = argv.indexOf(`--${name}`);
	return i > 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
}

export function flag(name: string, argv: string[] = process.argv): boolean {
	return argv.includes(`--${name}`);
}

export function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function num(v: number | undefined, unit = ''): string {
	if (v === undefined || Number.isNaN(v)) return 'n/a';
	const digits = Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
	return `${v.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

export function ratio(row: BenchRow): number | undefined {
	if (row.baseline === undefined || Number.isNaN(row.value) || !row.baseline) return undefined;
	return row.value / row.baseline;
}

/** A Markdown table (readable as plain text too): figure, value, baseline, ratio, target. */
export function formatRows(rows: BenchRow[]): string {
	const lines = [
		['figure', 'value', 'baseline', 'ratio', 'target', 'met'],
		...rows.map((r) => {
			const q = ratio(r);
			return [
				r.figure,
				num(r.value, r.unit),
				r.baseline === undefined ? (r.baselineLabel ?? '—') : `${num(r.baseline, r.unit)}${r.baselineLabel ? ` (${r.baselineLabel})` : ''}`,
				q === undefined ? '—' : `${q >= 0.1 ? q.toFixed(2) : q.toPrecision(1)}×`,
				r.target,
				r.met === undefined ? '—' : r.met ? 'yes' : 'NO',
			];
		}),
	];
	const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
	const row = (l: string[]) => `| ${l.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
	return [row(lines[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.slice(1).map(row)].join('\n');
}

/** The machine a figure was measured on, read from the OS at run time. */
export function machine(): string {
	const c = cpus();
	const gib = (b: number) => (b / 1024 ** 3).toFixed(1);
	const load = loadavg().map((l) => l.toFixed(2)).join(' ');
	return `${c.length} × ${c[0]?.model.trim() ?? 'unknown CPU'}, ${gib(totalmem())} GiB memory (${gib(freemem())} GiB free), load average ${load}, Node ${process.version} (bench process), ${new Date().toISOString()}`;
}

/** Runs one bench script on its own (`npx tsx bench/<name>.ts`): prints its report and rows, exits 0, or 1 on failure. */
export function runAlone(bench: Promise<{ rows: BenchRow[]; report: string }>): void {
	bench.then(
		(r) => {
			console.log(`\n${r.report}\n\n${formatRows(r.rows)}`);
			process.exit(0);
		},
		(e) => {
			console.error(e);
			process.exit(1);
		},
	);
}
