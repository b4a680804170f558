import { startSimulator, admin, type RunningSimulator } from '../helpers/simulator';
import { readFileSync } from 'node:fs';

describe('simulator core', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({
			platforms: [
				{
					name: 'echo',
					reset() {},
					async handle(ctx) {
						const body = await ctx.body();
						ctx.json(200, { form: body.form, files: body.files.map((f) => ({ field: f.field, filename: f.filename, size: f.size, text: readFileSync(f.path, 'utf8') })) });
						return true;
					},
				},
			],
		});
	});
	afterAll(() => sim.close());

	it('streams multipart file parts to disk and keeps text fields', async () => {
		const form = new FormData();
		form.append('title', 'hello');
		form.append('media', new Blob(['x'.repeat(100000) + 'END'], { type: 'image/png' }), 'a.png');
		const res = await fetch(`${sim.baseUrl}/echo/upload`, { method: 'POST', body: form });
		const json = await res.json();
		expect(json.form).toEqual({ title: 'hello' });
		expect(json.files[0]).toMatchObject({ field: 'media', filename: 'a.png', size: 100003 });
		expect(json.files[0].text.endsWith('xEND')).toBe(true);
	});

	it('logs every request and applies an injected 5xx fault once', async () => {
		await admin(sim, '/faults', { platform: 'echo', type: 'http', status: 503, count: 1, match: '/x' });
		const first = await fetch(`${sim.baseUrl}/echo/x`);
		const second = await fetch(`${sim.baseUrl}/echo/x`);
		expect(first.status).toBe(503);
		expect(second.status).toBe(200);
		const log = await admin(sim, '/log?platform=echo', undefined, 'GET');
		expect(log.filter((e: any) => e.path === '/x').map((e: any) => e.status)).toEqual([503, 200]);
	});

	it('drops the connection mid-body when asked', async () => {
		await admin(sim, '/faults', { platform: 'echo', type: 'drop', afterBytes: 1000, count: 1 });
		await expect(fetch(`${sim.baseUrl}/echo/y`, { method: 'POST', body: Buffer.alloc(5_000_000) })).rejects.toThrow();
		const ok = await fetch(`${sim.baseUrl}/echo/y`, { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect((await ok.json()).form).toEqual({ a: '1' });
	});
});
