// The demo's front door: the one public host passes through (HTTP and WebSocket upgrades), any other host name of the
// same port is redirected to it, path and query kept.
import { createServer, type Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCanonicalHost, type CanonicalHost } from '../../e2e/lib/canonicalHost';

function get(port: number, host: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (res) => {
			let body = '';
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
		});
		req.on('upgrade', (res, socket) => {
			socket.destroy();
			resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
		});
		req.on('error', reject);
		req.end();
	});
}

describe('demo front door', () => {
	let target: Server;
	let door: CanonicalHost;
	let port: number;
	beforeAll(async () => {
		target = createServer((req, res) => {
			res.setHeader('set-cookie', 'n8n-auth=x; Path=/');
			res.end(`${req.method} ${req.url} host=${req.headers.host}`);
		});
		target.on('upgrade', (req, socket) => socket.end(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Path: ${req.url}\r\n\r\n`));
		await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
		const probe = createServer();
		await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
		port = (probe.address() as AddressInfo).port;
		await new Promise<void>((r) => probe.close(() => r()));
		door = await startCanonicalHost({ hostname: 'localhost', port, target: (target.address() as AddressInfo).port });
	});
	afterAll(async () => {
		await door.close();
		await new Promise<void>((r) => target.close(() => r()));
	});

	it('passes requests for the public host through unchanged, cookies included', async () => {
		const r = await get(port, `localhost:${port}`, '/rest/settings?x=1');
		expect(r.status).toBe(200);
		expect(r.body).toBe(`GET /rest/settings?x=1 host=localhost:${port}`);
		expect(r.headers['set-cookie']).toEqual(['n8n-auth=x; Path=/']);
	});
	it('redirects another host name of the same port to the public host', async () => {
		const r = await get(port, `127.0.0.1:${port}`, '/signin?redirect=%2Fhome');
		expect(r.status).toBe(308);
		expect(r.headers.location).toBe(`http://localhost:${port}/signin?redirect=%2Fhome`);
	});
	it('passes WebSocket upgrades (n8n push) through', async () => {
		const r = await get(port, `localhost:${port}`, '/rest/push?pushRef=1', { connection: 'Upgrade', upgrade: 'websocket' });
		expect(r.status).toBe(101);
		expect(r.headers['x-path']).toBe('/rest/push?pushRef=1');
	});
});
