// Starts the platform simulator and prints its base URL: `npm run simulator -- --port 4100`.
import { startSimulator } from './src/server';

async function main() {
	const i = process.argv.indexOf('--port');
	const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.SIM_PORT ?? 4100);
	const sim = await startSimulator({ port });
	console.log(`MediaX platform simulator listening on ${sim.baseUrl}`);
	for (const name of sim.platforms.keys()) console.log(`  ${name.padEnd(8)} ${sim.baseUrl}/${name}`);
	console.log(`  admin    ${sim.baseUrl}/__admin/log  (request log), POST /__admin/faults, /__admin/reset`);
	const stop = () => sim.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
void main();
