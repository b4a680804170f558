// `npm run bench [-- --smoke] [--version 2.41.1] [--runs 3] [--items 2000] [--latency 0]`: runs every bench script one after the other and prints one table
// (figure, value, baseline, ratio, target) with the machine it ran on. `--smoke` is a tiny quick run of each.
import { coldLoad } from './cold-load';
import { perItem } from './per-item';
import { publishMemory } from './publish-memory';
import { resumeCost } from './resume-cost';
import { arg, flag, formatRows, machine, type BenchRow } from './table';
import { tokenBurst } from './token-burst';
import { tokenEconomy } from './token-economy';
import { uploadThroughput } from './upload-throughput';
import { uploadMemory } from './upload-memory';

async function main() {
	const smoke = flag('smoke');
	const version = arg('version', '2.41.1');
	const rows: BenchRow[] = [];
	const reports: string[] = [];
	// each script's figures are printed as soon as it finishes, so a long run stopped midway still shows what it measured
	const done = (r: { rows: BenchRow[]; report: string }) => console.log(`\n${r.report}\n\n${formatRows(r.rows)}\n`);
	const started = Date.now();

	const burst = await tokenBurst({ bursts: smoke ? [20] : [20, 100, 500] });
	rows.push(...burst.rows);
	reports.push(burst.report);
	done(burst);

	const throughput = await uploadThroughput({ version, sizes: smoke ? [16] : [256] });
	rows.push(...throughput.rows);
	reports.push(throughput.report);
	done(throughput);

	const resume = await resumeCost({ version, sizeMb: smoke ? 32 : 1024 });
	rows.push(...resume.rows);
	reports.push(resume.report);
	done(resume);

	const cold = await coldLoad({ version, runs: smoke ? 1 : 5 });
	rows.push(...cold.rows);
	reports.push(cold.report);
	done(cold);

	const economy = await tokenEconomy({ version, executions: smoke ? 3 : 20, items: smoke ? 20 : 1000 });
	rows.push(...economy.rows);
	reports.push(economy.report);
	done(economy);

	const upload = await uploadMemory({ version, sizes: smoke ? [16, 32] : [256, 2048] });
	rows.push(...upload.rows);
	reports.push(upload.report);
	done(upload);

	const publish = await publishMemory({ version, sizeMb: smoke ? 16 : 1024, runs: smoke ? 1 : 3 });
	rows.push(...publish.rows);
	reports.push(publish.report);
	done(publish);

	const items = await perItem({ version, runs: smoke ? 1 : Number(arg('runs', '3')), items: smoke ? 50 : Number(arg('items', '2000')), warmupItems: smoke ? 0 : undefined, latencyMs: Number(arg('latency', '0')) });
	rows.push(...items.rows);
	reports.push(items.report);
	done(items);

	console.log(`\n${reports.join('\n\n')}\n`);
	console.log(`n8n ${version}${smoke ? ' (smoke sizes)' : ''}; ${machine()}; ${Math.round((Date.now() - started) / 1000)} s\n`);
	console.log(formatRows(rows));
}

main().then(
	() => process.exit(0),
	(e) => {
		console.error(e);
		process.exit(1);
	},
);
