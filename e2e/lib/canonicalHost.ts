// A front door for the demo: one public address (http://localhost:5678) in front of n8n. Requests for another host
// name of the same port (127.0.0.1, [::1]) are redirected to it, so the login cookie, the OAuth callback and every
// printed link share one host; everything else, WebSocket upgrades included, is passed through to n8n unchanged.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';

export interface CanonicalHost {
	close(): Promise<void>;
}

function hostnameOf(req: IncomingMessage): string {
	const host = String(req.headers.host ?? '');
	return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
}

/** Listens on `port` (IPv4 and, where available, IPv6 loopback) and forwards to n8n on 127.0.0.1:`target`. */
export async function startCanonicalHost(o: { hostname: string; port: number; target: number }): Promise<CanonicalHost> {
	const canonical = `http://${o.hostname}:${o.port}`;
	const sockets = new Set<Socket>();
	const handler = createServer((req, res) => {
		if (hostnameOf(req) !== o.hostname) {
			res.writeHead(308, { location: `${canonical}${req.url ?? '/'}` });
			res.end();
			return;
		}
		const upstream = request({ host: '127.0.0.1', port: o.target, method: req.method, path: req.url, headers: req.headers }, (up) => {
			res.writeHead(up.statusCode ?? 502, up.rawHeaders as unknown as Record<string, string>);
			up.pipe(res);
		});
		upstream.on('error', (e) => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
			res.end(`n8n is not reachable: ${e.message}`);
		});
		req.pipe(upstream);
	});
	handler.on('upgrade', (req, socket, head) => {
		if (hostnameOf(req) !== o.hostname) {
			socket.end('HTTP/1.1 421 Misdirected Request\r\n\r\n');
			return;
		}
		const upstream = connect(o.target, '127.0.0.1', () => {
			const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
			for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
			upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
			if (head.length) upstream.write(head);
			upstream.pipe(socket);
			socket.pipe(upstream);
		});
		const drop = () => {
			upstream.destroy();
			socket.destroy();
		};
		upstream.on('error', drop);
		socket.on('error', drop);
	});
	handler.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	const servers: Array<Server | NetServer> = [handler];
	await new Promise<void>((resolve, reject) => {
		handler.once('error', reject);
		handler.listen(o.port, '127.0.0.1', () => resolve());
	});
	// "localhost" may resolve to ::1 first; a second listener on the same handler answers there too
	const v6 = createNetServer((s) => handler.emit('connection', s));
	await new Promise<void>((resolve) => {
		v6.once('error', () => resolve());
		v6.listen(o.port, '::1', () => {
			servers.push(v6);
			resolve();
		});
	});
	return {
		async close() {
			for (const s of sockets) s.destroy();
			await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
		},
	};
}
