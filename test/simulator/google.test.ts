import { createHash, createSign } from 'node:crypto';
import { startSimulator, admin, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const CLIENT_ID = 'sim-google-client.apps.googleusercontent.com';
const CLIENT_SECRET = 'sim_google_secret';
const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
const SA_EMAIL = 'mediax-sim@sim-project.iam.gserviceaccount.com';
const BLOG_ID = '1000000000000000001';
const CHANNEL_ID = 'UCsim0000000000000000001';
const YT = 'https://www.googleapis.com/auth/youtube';
const YT_UPLOAD = 'https://www.googleapis.com/auth/youtube.upload';
const BLOGGER = 'https://www.googleapis.com/auth/blogger';
const KIB256 = 262_144;

describe('google simulator', () => {
	let sim: RunningSimulator;
	let base: string;
	beforeAll(async () => {
		sim = await startSimulator();
		base = `${sim.baseUrl}/google`;
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString(),
	});
	const token = async (fields: Record<string, string>, headers?: Record<string, string>) => {
		const res = await fetch(`${base}/token`, form(fields, headers));
		return { status: res.status, body: (await res.json()) as any };
	};
	const userToken = async (scope?: string[]) => (await admin(sim, '/google/issue-user-token', scope ? { scope } : {})).access_token as string;
	const api = async (path: string, accessToken?: string, init: RequestInit = {}) => {
		const res = await fetch(`${base}${path}`, { ...init, headers: { ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}), ...(init.headers as Record<string, string>) } });
		const text = await res.text();
		return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
	};
	const jsonInit = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const lastLog = () => sim.log[sim.log.length - 1];

	async function consent(params: Record<string, string>, decision = 'agree'): Promise<URL> {
		const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT, response_type: 'code', scope: `${YT} ${YT_UPLOAD}`, ...params });
		const page = await fetch(`${base}/o/oauth2/v2/auth?${q}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toMatch(/<button id="agree"/);
		expect(html).toMatch(/<button id="deny"/);
		const consentId = /name="consent" value="([^"]+)"/.exec(html)![1];
		const res = await fetch(`${base}/o/oauth2/v2/auth/approve?consent=${consentId}&decision=${decision}`, { redirect: 'manual' });
		expect(res.status).toBe(302);
		return new URL(res.headers.get('location')!);
	}

	it('consent → code → token: offline gives a refresh token, refresh does not rotate, codes are single use', async () => {
		// extra params such as n8n's are tolerated
		const back = await consent({ access_type: 'offline', prompt: 'consent', state: 'st-1', include_granted_scopes: 'true', foo: 'bar' });
		expect(back.origin + back.pathname).toBe(REDIRECT);
		expect(back.searchParams.get('state')).toBe('st-1');
		expect(back.searchParams.get('scope')).toBe(`${YT} ${YT_UPLOAD}`);
		const code = back.searchParams.get('code')!;

		const exchange = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: CLIENT_ID, client_secret: CLIENT_SECRET };
		const first = await token(exchange);
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ expires_in: 3599, token_type: 'Bearer', scope: `${YT} ${YT_UPLOAD}` });
		expect(first.body.access_token).toMatch(/^ya29\./);
		expect(first.body.refresh_token).toMatch(/^1\/\//);
		expect(lastLog()).toMatchObject({ category: 'token-request', code: 0 });

		const reused = await token(exchange);
		expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
		expect(lastLog()).toMatchObject({ category: 'token-request', code: 400 });

		// refresh with HTTP Basic client auth: new access token, no refresh_token in the reply
		const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
		const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token }, { authorization: basic });
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).toBeUndefined();
		expect(refreshed.body.access_token).not.toBe(first.body.access_token);
		// the old refresh token still works (no rotation)
		expect((await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })).status).toBe(200);

		expect((await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token, client_id: CLIENT_ID, client_secret: 'wrong' })).status).toBe(401);
		expect((await token({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
		const asJson = await fetch(`${base}/token`, jsonInit('POST', exchange));
		expect(((await asJson.json()) as any).error).toBe('invalid_request');

		// online access (and a later offline consent without prompt=consent) gives no refresh token
		const online = await consent({});
		const onlineToken = await token({ ...exchange, code: online.searchParams.get('code')! });
		expect(onlineToken.body.refresh_token).toBeUndefined();
		const again = await consent({ access_type: 'offline' });
		expect((await token({ ...exchange, code: again.searchParams.get('code')! })).body.refresh_token).toBeUndefined();

		const denied = await consent({ state: 'x' }, 'deny');
		expect(denied.searchParams.get('error')).toBe('access_denied');
		expect(denied.searchParams.get('state')).toBe('x');

		// revoking the refresh token kills it and its access tokens
		expect((await fetch(`${base}/revoke`, form({ token: first.body.refresh_token }))).status).toBe(200);
		expect((await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })).body).toMatchObject({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
		expect((await api('/youtube/v3/channels?part=id&mine=true', refreshed.body.access_token)).status).toBe(401);
		expect(tokenRequests(sim, 'google').length).toBeGreaterThanOrEqual(8);
	});

	it('JWT bearer grant: RS256 signed with the admin private key; bad signature, audience and lifetime rejected', async () => {
		const key = await admin(sim, '/google/service-account');
		expect(key).toMatchObject({ client_email: SA_EMAIL, type: 'service_account' });
		expect(key.private_key).toContain('BEGIN PRIVATE KEY');
		const now = Math.floor(sim.now() / 1000);
		const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
		const jwt = (claims: Record<string, unknown>, signWith = key.private_key) => {
			const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: key.private_key_id })}.${b64(claims)}`;
			return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(signWith, 'base64url')}`;
		};
		const claims = { iss: SA_EMAIL, scope: BLOGGER, aud: `${base}/token`, iat: now, exp: now + 3600 };
		const grant = (assertion: string) => token({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });

		const ok = await grant(jwt(claims));
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
		expect(ok.body.refresh_token).toBeUndefined();
		expect(lastLog()).toMatchObject({ category: 'token-request', tokenKind: 'service-account', code: 0 });
		expect((await grant(jwt({ ...claims, aud: 'https://oauth2.googleapis.com/token' }))).status).toBe(200);

		// signature by another key, tampered claims, wrong audience, too long-lived
		const { generateKeyPairSync } = await import('node:crypto');
		const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		expect((await grant(jwt(claims, other))).body).toMatchObject({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
		const [h, , s] = jwt(claims).split('.');
		expect((await grant(`${h}.${b64({ ...claims, scope: YT })}.${s}`)).body.error_description).toBe('Invalid JWT Signature.');
		expect((await grant(jwt({ ...claims, aud: 'https://example.com/token' }))).body.error).toBe('invalid_grant');
		expect((await grant(jwt({ ...claims, exp: now + 7200 }))).body.error_description).toMatch(/short-lived/);

		// delegation: allowed → acts as the user on Blogger; switched off → unauthorized_client
		const delegated = await grant(jwt({ ...claims, sub: 'sim.creator@sim-workspace.example' }));
		expect(delegated.status).toBe(200);
		const blogs = await api('/blogger/v3/users/self/blogs', delegated.body.access_token);
		expect(blogs.body.items.map((b: any) => b.id)).toContain(BLOG_ID);
		expect((await api('/blogger/v3/users/self/blogs', ok.body.access_token)).body.items).toEqual([]);
		await admin(sim, '/google/config', { allowDelegation: false });
		expect(await grant(jwt({ ...claims, sub: 'sim.creator@sim-workspace.example' }))).toMatchObject({ status: 401, body: { error: 'unauthorized_client' } });

		// YouTube refuses service-account tokens for channel-bound calls
		const ytSa = await grant(jwt({ ...claims, scope: YT }));
		const mine = await api('/youtube/v3/channels?part=snippet&mine=true', ytSa.body.access_token);
		expect(mine.status).toBe(401);
		expect(mine.body.error.errors[0].reason).toBe('NoLinkedYouTubeAccount');
		expect(lastLog().tokenKind).toBe('service-account');
	});

	it('YouTube lists page through 60 videos with opaque page tokens; API keys read public data only', async () => {
		const t = await userToken();
		const seen: string[] = [];
		let pageToken: string | undefined;
		let pages = 0;
		do {
			const res = await api(`/youtube/v3/playlistItems?part=snippet,contentDetails&playlistId=UUsim0000000000000000001&maxResults=50${pageToken ? `&pageToken=${pageToken}` : ''}`, t);
			expect(res.status).toBe(200);
			expect(res.body.kind).toBe('youtube#playlistItemListResponse');
			expect(res.body.pageInfo).toEqual({ totalResults: 60, resultsPerPage: 50 });
			seen.push(...res.body.items.map((i: any) => i.contentDetails.videoId));
			pageToken = res.body.nextPageToken;
			pages++;
		} while (pageToken);
		expect(pages).toBe(2);
		expect(new Set(seen).size).toBe(60);
		expect(lastLog()).toMatchObject({ token: t, tokenKind: 'user', code: 0 });

		expect((await api('/youtube/v3/search?part=snippet&type=video&forMine=true&maxResults=51', t)).body.error.errors[0].reason).toBe('invalidParameter');
		expect((await api('/youtube/v3/videos?part=snippet&chart=mostPopular&pageToken=garbage', t)).body.error.errors[0].reason).toBe('invalidPageToken');
		const mine = await api('/youtube/v3/search?part=snippet&type=video&forMine=true&maxResults=50&order=date', t);
		expect(mine.body.pageInfo.totalResults).toBe(60);
		expect(mine.body.items[0].id.videoId).toBe('simVid00001');

		const byKey = await api('/youtube/v3/videos?part=snippet,statistics&id=simVid00001,simVid00007&key=sim-google-api-key');
		expect(byKey.status).toBe(200);
		// simVid00007 is private: invisible to a key
		expect(byKey.body.items.map((v: any) => v.id)).toEqual(['simVid00001']);
		expect(typeof byKey.body.items[0].statistics.viewCount).toBe('string');
		expect(lastLog()).toMatchObject({ token: 'key:sim-google-api-key', tokenKind: 'api-key', code: 0 });
		expect((await api('/youtube/v3/channels?part=id&mine=true&key=sim-google-api-key')).status).toBe(401);
		expect((await api('/youtube/v3/videos?part=id&id=simVid00001&key=bad')).body.error.errors[0].reason).toBe('badRequest');

		// rate via query params → 204; getRating sees it
		expect((await api('/youtube/v3/videos/rate?id=othVid00003&rating=like', t, { method: 'POST' })).status).toBe(204);
		expect((await api('/youtube/v3/videos/getRating?id=othVid00003', t)).body.items).toEqual([{ videoId: 'othVid00003', rating: 'like' }]);
		// update requires title and categoryId
		const bad = await api('/youtube/v3/videos?part=snippet', t, jsonInit('PUT', { id: 'simVid00002', snippet: { title: 'x' } }));
		expect(bad.body.error.errors[0].reason).toBe('invalidCategoryId');
	});

	it('401 with WWW-Authenticate on an expired token; quotaExceeded once the daily units are gone; rateLimit fault', async () => {
		const t = await userToken();
		expect((await api(`/youtube/v3/channels?part=snippet&id=${CHANNEL_ID}`, t)).status).toBe(200);
		await admin(sim, '/google/expire', { kind: 'user' });
		const expired = await api(`/youtube/v3/channels?part=snippet&id=${CHANNEL_ID}`, t);
		expect(expired.status).toBe(401);
		expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token/);
		expect(expired.body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED', errors: [{ reason: 'authError', domain: 'global' }] });
		expect(lastLog()).toMatchObject({ token: t, tokenKind: 'user', code: 401 });

		const fresh = await userToken([YT_UPLOAD]);
		const scoped = await api('/youtube/v3/playlists?part=snippet&mine=true', fresh);
		expect(scoped.body.error.errors[0].reason).toBe('insufficientPermissions');

		const t2 = await userToken();
		await admin(sim, '/google/config', { quotaPerDay: 250 });
		expect((await api('/youtube/v3/search?part=snippet&q=travel', t2)).status).toBe(200);
		expect((await api('/youtube/v3/search?part=snippet&q=guitar', t2)).status).toBe(200);
		const over = await api('/youtube/v3/search?part=snippet&q=drone', t2);
		expect(over.status).toBe(403);
		expect(over.body.error.errors[0]).toMatchObject({ domain: 'youtube.quota', reason: 'quotaExceeded' });
		// 1 for the first channels call, 100 per search; refused calls cost nothing
		expect((await admin(sim, '/google/state')).quota.used).toBe(201);
		// cheaper calls still fit
		expect((await api(`/youtube/v3/videos?part=id&id=simVid00001`, t2)).status).toBe(200);

		await admin(sim, '/faults', { platform: 'google', type: 'rateLimit', match: '/youtube/v3/videos', count: 1 });
		const limited = await api(`/youtube/v3/videos?part=id&id=simVid00001`, t2);
		expect(limited.status).toBe(403);
		expect(limited.body.error.errors[0]).toMatchObject({ reason: 'rateLimitExceeded', domain: 'usageLimits' });
	});

	it('resumable upload in 256 KiB-multiple chunks survives a dropped connection and completes with the same sha256', async () => {
		const t = await userToken([YT_UPLOAD]);
		const size = 3 * 1024 * 1024 + 12_345;
		const data = Buffer.alloc(size);
		for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >> 9)) & 0xff;
		const sha = createHash('sha256').update(data).digest('hex');

		const init = await fetch(`${base}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
			method: 'POST',
			headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json; charset=UTF-8', 'x-upload-content-length': String(size), 'x-upload-content-type': 'video/mp4' },
			body: JSON.stringify({ snippet: { title: 'Resumable test', categoryId: '22' }, status: { privacyStatus: 'unlisted' } }),
		});
		expect(init.status).toBe(200);
		const session = init.headers.get('location')!;
		expect(session).toContain('upload_id=');
		expect((await admin(sim, '/google/state')).quota.used).toBe(1600);

		const put = (start: number, end: number, body?: Buffer) =>
			fetch(session, { method: 'PUT', headers: { 'content-type': 'video/mp4', 'content-range': body ? `bytes ${start}-${end}/${size}` : `bytes */${size}` }, body: body ?? Buffer.alloc(0) });
		const chunk = 4 * KIB256; // 1 MiB

		// status query before any byte: 308 without Range
		const empty = await put(0, 0);
		expect(empty.status).toBe(308);
		expect(empty.headers.get('range')).toBeNull();

		const c1 = await put(0, chunk - 1, data.subarray(0, chunk));
		expect(c1.status).toBe(308);
		expect(c1.headers.get('range')).toBe(`bytes=0-${chunk - 1}`);
		expect(lastLog().range).toBe(`bytes 0-${chunk - 1}/${size}`);

		// a non-multiple intermediate chunk is refused
		const odd = await put(chunk, chunk + 1000, data.subarray(chunk, chunk + 1001));
		expect(odd.status).toBe(400);

		// the next chunk's connection drops half way
		await admin(sim, '/faults', { platform: 'google', type: 'drop', match: '/upload/youtube/v3/videos', afterBytes: 300_000, count: 1 });
		await expect(put(chunk, 2 * chunk - 1, data.subarray(chunk, 2 * chunk))).rejects.toThrow();

		const status = await put(0, 0);
		expect(status.status).toBe(308);
		let persisted = Number(/bytes=0-(\d+)/.exec(status.headers.get('range')!)![1]) + 1;
		expect(persisted).toBe(chunk);

		// Google may store fewer bytes than sent: resume from its Range, not our own offset
		await admin(sim, '/google/config', { persistFewerBytes: true });
		const short = await put(persisted, persisted + chunk - 1, data.subarray(persisted, persisted + chunk));
		expect(short.status).toBe(308);
		persisted = Number(/bytes=0-(\d+)/.exec(short.headers.get('range')!)![1]) + 1;
		expect(persisted).toBe(2 * chunk - KIB256);

		let final: Response | undefined;
		while (persisted < size) {
			const end = Math.min(size, persisted + chunk) - 1;
			const res = await put(persisted, end, data.subarray(persisted, end + 1));
			if (res.status === 308) persisted = Number(/bytes=0-(\d+)/.exec(res.headers.get('range')!)![1]) + 1;
			else {
				final = res;
				break;
			}
		}
		expect(final!.status).toBe(201);
		const video = (await final!.json()) as any;
		expect(video).toMatchObject({ kind: 'youtube#video', snippet: { title: 'Resumable test', channelId: CHANNEL_ID }, status: { uploadStatus: 'uploaded', privacyStatus: 'unlisted' } });

		const state = await admin(sim, '/google/state');
		const upload = state.uploads.find((u: any) => u.resultId === video.id);
		expect(upload).toMatchObject({ size, sha256: sha });
		expect(state.videos.uploaded[0]).toMatchObject({ id: video.id, size, sha256: sha });
		expect(upload.ranges.some((r: any) => r.note === 'status query')).toBe(true);

		// asking again after completion gives the resource; an unknown session is 404
		expect((await put(0, 0)).status).toBe(200);
		const gone = await fetch(session.replace(/upload_id=[^&]+/, 'upload_id=nope'), { method: 'PUT', headers: { 'content-range': `bytes */${size}` } });
		expect(gone.status).toBe(404);
		await admin(sim, '/clock', { advanceSeconds: 8 * 86400 });
		expect((await put(0, 0)).status).toBe(404);
	});

	it('playlists, comment threads, moderation, captions and channel updates', async () => {
		const t = await userToken([YT, 'https://www.googleapis.com/auth/youtube.force-ssl']);
		const created = await api('/youtube/v3/playlists?part=snippet,status', t, jsonInit('POST', { snippet: { title: 'Made by test' }, status: { privacyStatus: 'private' } }));
		expect(created.body).toMatchObject({ kind: 'youtube#playlist', snippet: { title: 'Made by test' }, status: { privacyStatus: 'private' } });
		const item = await api('/youtube/v3/playlistItems?part=snippet', t, jsonInit('POST', { snippet: { playlistId: created.body.id, resourceId: { kind: 'youtube#video', videoId: 'simVid00004' } } }));
		expect(item.body.snippet).toMatchObject({ position: 0, resourceId: { videoId: 'simVid00004' } });
		expect((await api(`/youtube/v3/playlistItems?id=${item.body.id}`, t, { method: 'DELETE' })).status).toBe(204);
		expect((await api(`/youtube/v3/playlists?id=${created.body.id}`, t, { method: 'DELETE' })).status).toBe(204);

		const threads = await api('/youtube/v3/commentThreads?part=snippet,replies&videoId=simVid00001', t);
		expect(threads.body.items).toHaveLength(20);
		expect(threads.body.pageInfo.totalResults).toBe(25);
		const held = await api('/youtube/v3/commentThreads?part=snippet&videoId=simVid00001&moderationStatus=heldForReview', t);
		expect(held.body.items).toHaveLength(1);
		expect((await api(`/youtube/v3/comments/setModerationStatus?id=${held.body.items[0].id}&moderationStatus=published`, t, { method: 'POST' })).status).toBe(204);
		const thread = await api('/youtube/v3/commentThreads?part=snippet', t, jsonInit('POST', { snippet: { videoId: 'othVid00001', topLevelComment: { snippet: { textOriginal: 'Nice!' } } } }));
		expect(thread.body.snippet.topLevelComment.snippet.textOriginal).toBe('Nice!');
		const reply = await api('/youtube/v3/comments?part=snippet', t, jsonInit('POST', { snippet: { parentId: thread.body.id, textOriginal: 'me again' } }));
		expect(reply.body.snippet.parentId).toBe(thread.body.id);
		expect((await api('/youtube/v3/comments?part=snippet', t, jsonInit('PUT', { id: reply.body.id, snippet: { textOriginal: 'edited' } }))).body.snippet.textOriginal).toBe('edited');
		expect((await api(`/youtube/v3/comments?id=${reply.body.id}`, t, { method: 'DELETE' })).status).toBe(204);
		// comment writes need youtube.force-ssl
		expect((await api('/youtube/v3/comments?part=snippet', await userToken([YT]), jsonInit('POST', { snippet: { parentId: thread.body.id, textOriginal: 'x' } }))).status).toBe(403);

		const captions = await api('/youtube/v3/captions?part=snippet&videoId=simVid00001', t);
		const vtt = await fetch(`${base}/youtube/v3/captions/${captions.body.items[0].id}?tfmt=vtt`, { headers: { authorization: `Bearer ${t}` } });
		expect(await vtt.text()).toMatch(/^WEBVTT\n\n1\n00:00:00\.000 --> /);
		const boundary = 'sim-boundary';
		const related = Buffer.from(
			`--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify({ snippet: { videoId: 'simVid00002', language: 'de', name: 'Deutsch' } })}\r\n--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n1\n00:00:00,000 --> 00:00:01,000\nHallo\n\r\n--${boundary}--\r\n`,
		);
		const inserted = await api('/upload/youtube/v3/captions?part=snippet&uploadType=multipart', t, { method: 'POST', headers: { 'content-type': `multipart/related; boundary=${boundary}` }, body: related });
		expect(inserted.body.snippet).toMatchObject({ videoId: 'simVid00002', language: 'de' });

		const channel = await api('/youtube/v3/channels?part=brandingSettings', t, jsonInit('PUT', { id: CHANNEL_ID, brandingSettings: { channel: { description: 'New description', keywords: 'a b' } } }));
		expect(channel.body.brandingSettings.channel.description).toBe('New description');
		expect((await api('/youtube/v3/channels?part=snippet&mine=true', t)).body.items[0].snippet.description).toBe('New description');
	});

	it('a client that aborts mid-chunk keeps the whole granules that arrived', async () => {
		const t = await userToken([YT_UPLOAD]);
		const size = 2 * 1024 * 1024;
		const init = await fetch(`${base}/upload/youtube/v3/videos?uploadType=resumable&part=snippet`, {
			method: 'POST',
			headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json', 'x-upload-content-length': String(size) },
			body: JSON.stringify({ snippet: { title: 'abort' } }),
		});
		const session = new URL(init.headers.get('location')!);
		const { request } = await import('node:http');
		await new Promise<void>((resolve) => {
			const req = request({ host: session.hostname, port: session.port, method: 'PUT', path: session.pathname + session.search, headers: { 'content-range': `bytes 0-${size - 1}/${size}`, 'content-length': String(size) } });
			req.on('error', () => resolve());
			req.write(Buffer.alloc(3 * KIB256 + 1000, 1), () => setTimeout(() => (req.destroy(), resolve()), 150));
		});
		await new Promise((r) => setTimeout(r, 100));
		const status = await fetch(session, { method: 'PUT', headers: { 'content-range': `bytes */${size}` } });
		expect(status.status).toBe(308);
		expect(status.headers.get('range')).toBe(`bytes=0-${3 * KIB256 - 1}`);
	});

	it('thumbnails.set accepts a small PNG and refuses more than 2 MB', async () => {
		const t = await userToken([YT_UPLOAD]);
		const png = Buffer.from(await (await fetch(`${sim.baseUrl}/__samples/image.png`)).arrayBuffer());
		const okRes = await api('/upload/youtube/v3/thumbnails/set?videoId=simVid00002&uploadType=media', t, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png });
		expect(okRes.status).toBe(200);
		expect(okRes.body.kind).toBe('youtube#thumbnailSetResponse');
		const big = await api('/upload/youtube/v3/thumbnails/set?videoId=simVid00002', t, { method: 'POST', headers: { 'content-type': 'image/png' }, body: Buffer.alloc(2 * 1024 * 1024 + 1) });
		expect(big.status).toBe(413);
	});

	it('Blogger: insert as draft → publish → listed live; future publishDate schedules; revert drafts', async () => {
		const t = await userToken([BLOGGER]);
		const draft = await api(`/blogger/v3/blogs/${BLOG_ID}/posts?isDraft=true`, t, jsonInit('POST', { kind: 'blogger#post', title: 'Hello from a test', content: '<p>hi</p>', labels: ['test'] }));
		expect(draft.status).toBe(200);
		expect(draft.body).toMatchObject({ kind: 'blogger#post', status: 'DRAFT', blog: { id: BLOG_ID }, replies: { totalItems: '0' } });

		const live = async () => (await api(`/blogger/v3/blogs/${BLOG_ID}/posts?labels=test&key=sim-google-api-key`)).body.items ?? [];
		expect(await live()).toHaveLength(0);
		const drafts = await api(`/blogger/v3/blogs/${BLOG_ID}/posts?status=DRAFT&maxResults=50`, t);
		expect(drafts.body.items.map((p: any) => p.id)).toContain(draft.body.id);
		expect((await api(`/blogger/v3/blogs/${BLOG_ID}/posts?status=draft&key=sim-google-api-key`)).status).toBe(401);

		const published = await api(`/blogger/v3/blogs/${BLOG_ID}/posts/${draft.body.id}/publish`, t, { method: 'POST' });
		expect(published.body.status).toBe('LIVE');
		expect((await live()).map((p: any) => p.id)).toEqual([draft.body.id]);
		const byPath = await api(`/blogger/v3/blogs/${BLOG_ID}/posts/bypath?path=${encodeURIComponent(new URL(published.body.url).pathname)}&key=sim-google-api-key`);
		expect(byPath.body.id).toBe(draft.body.id);

		const reverted = await api(`/blogger/v3/blogs/${BLOG_ID}/posts/${draft.body.id}/revert`, t, { method: 'POST' });
		expect(reverted.body.status).toBe('DRAFT');
		const future = new Date(sim.now() + 3 * 86400_000).toISOString();
		const scheduled = await api(`/blogger/v3/blogs/${BLOG_ID}/posts/${draft.body.id}/publish?publishDate=${encodeURIComponent(future)}`, t, { method: 'POST' });
		expect(scheduled.body.status).toBe('SCHEDULED');
		expect(await live()).toHaveLength(0);
		await admin(sim, '/clock', { advanceSeconds: 4 * 86400 });
		expect((await api(`/blogger/v3/blogs/${BLOG_ID}/posts?labels=test&key=sim-google-api-key`)).body.items).toHaveLength(1);

		// 24 seeded live posts (+1) page with pageToken; the clock jump expired the first token
		const t2 = await userToken([BLOGGER]);
		const first = await api(`/blogger/v3/blogs/${BLOG_ID}/posts?maxResults=20&fetchBodies=false`, t2);
		expect(first.body.items).toHaveLength(20);
		expect(first.body.items[0].content).toBeUndefined();
		const second = await api(`/blogger/v3/blogs/${BLOG_ID}/posts?maxResults=20&pageToken=${first.body.nextPageToken}`, t2);
		expect(second.body.items.length).toBeGreaterThanOrEqual(5);
		expect(second.body.nextPageToken).toBeUndefined();

		expect((await api(`/blogger/v3/blogs/${BLOG_ID}/posts/${draft.body.id}`, t2, { method: 'DELETE' })).status).toBe(204);
		const readonly = await userToken(['https://www.googleapis.com/auth/blogger.readonly']);
		expect((await api(`/blogger/v3/blogs/${BLOG_ID}/posts`, readonly, jsonInit('POST', { title: 'x' }))).status).toBe(403);
	});
});
