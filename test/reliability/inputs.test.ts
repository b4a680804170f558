/**
 * Bad-input matrix (docs/reliability.md "Bad-input matrix"): the cases come from the node descriptions
 * (inputCases.ts). Each bad item runs in a batch with a good one: without continueOnFail the node throws a
 * NodeOperationError/NodeApiError naming the field; with it, the bad item becomes an error item and the good one
 * succeeds.
 */
import { NodeApiError, NodeOperationError, type INodeExecutionData } from 'n8n-workflow';
import { fakeContext } from '../helpers/fakeN8n';
import { startSimulator, type RunningSimulator } from '../helpers/simulator';
import { inputCases, VALID_BINARY_PROPERTY } from './inputCases';
import { PLATFORMS, type Connected, type PlatformCase } from './platforms';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const fileItem = (): INodeExecutionData => ({ json: {}, binary: { [VALID_BINARY_PROPERTY]: { data: PNG.toString('base64'), fileName: 'cover.png', mimeType: 'image/png' } } });

describe('bad-input matrix', () => {
	let sim: RunningSimulator;
	const connected = new Map<string, Connected>();
	beforeAll(async () => {
		sim = await startSimulator();
		for (const p of PLATFORMS) connected.set(p.name, await p.connect(sim));
	});
	afterAll(() => sim.close());

	/** item 0 gets the bad parameters, item 1 the platform's known-good read */
	function batchContext(p: PlatformCase, bad: Record<string, unknown>, continueOnFail: boolean, c = connected.get(p.name)!, attached = c.attached) {
		const items = [fileItem(), { json: {} }];
		const ctx = fakeContext({ store: c.store, attached, items, continueOnFail });
		ctx.getNodeParameter = (name: string, i: number, fallback?: unknown) => {
			const parameters = i === 0 ? bad : p.read.parameters;
			return name in parameters ? parameters[name] : fallback;
		};
		return ctx;
	}

	const errorText = (e: NodeOperationError | NodeApiError) => `${e.message} ${e.description ?? ''}`;

	for (const p of PLATFORMS) {
		const cases = inputCases(p.node());
		it(`${p.name}: the descriptions give bad-input cases`, () => {
			expect(cases.length).toBeGreaterThan(10);
		});
		for (const c of cases) {
			it(`${p.name}: ${c.title} → an error naming the field; the rest of the batch succeeds`, async () => {
				const thrown = await p.node().execute!.call(batchContext(p, c.parameters, false)).then(
					() => undefined,
					(e: unknown) => e,
				);
				expect(thrown instanceof NodeOperationError || thrown instanceof NodeApiError).toBe(true);
				expect(errorText(thrown as NodeOperationError)).toContain(`"${c.field}"`);
				expect((thrown as NodeOperationError).description).toBeTruthy();
				const [out] = await p.node().execute!.call(batchContext(p, c.parameters, true));
				const ofItem = (i: number) => out.filter((o) => (o.pairedItem as { item: number }).item === i);
				expect(ofItem(0)).toHaveLength(1);
				expect(String(ofItem(0)[0].json.error)).toContain(`"${c.field}"`);
				expect(ofItem(1).length).toBeGreaterThan(0);
				for (const good of ofItem(1)) expect(good.json.error).toBeUndefined();
			});
		}
		it(`${p.name}: only another platform's credential attached → an error naming the credential to attach`, async () => {
			const other = PLATFORMS.find((q) => q.sim !== p.sim)!;
			const c = connected.get(other.name)!;
			const thrown = await p.node().execute!.call(batchContext(p, p.read.parameters, false, c, c.attached)).then(() => undefined, (e: unknown) => e);
			expect(thrown).toBeInstanceOf(NodeOperationError);
			expect((thrown as NodeOperationError).message).toMatch(/needs the "MediaX .+" credential/);
			expect((thrown as NodeOperationError).description).toMatch(/choose or create/);
		});
		it(`${p.name}: a garbage credential (tokens and secret replaced) → an error that says what to do, no secret`, async () => {
			const fresh = await p.connect(sim);
			const garbage = 'garbage-0000-not-a-token';
			for (const id of Object.values(fresh.attached)) {
				const data = JSON.parse(JSON.stringify(fresh.store.read(id).data).replace(new RegExp(fresh.secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'), garbage));
				fresh.store.write(id, data);
			}
			const thrown = await p.node().execute!.call(batchContext(p, p.read.parameters, false, fresh)).then(() => undefined, (e: unknown) => e);
			expect(thrown instanceof NodeOperationError || thrown instanceof NodeApiError).toBe(true);
			const text = errorText(thrown as NodeOperationError);
			expect(text).toMatch(/credential|Reconnect|Client|Secret|App/);
			for (const s of [...fresh.secrets, garbage]) expect(text).not.toContain(s);
		});
	}
});
