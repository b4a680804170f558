import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { INodeExecutionData } from 'n8n-workflow';
import { MediaXGoogleOAuth2Api } from '../../credentials/MediaXGoogleOAuth2Api.credentials';
import { MediaXGoogleServiceAccountApi } from '../../credentials/MediaXGoogleServiceAccountApi.credentials';
import { MediaXYouTube } from '../../nodes/MediaXYouTube/MediaXYouTube.node';
import { CredentialStore, fakeContext, testCredential } from '../helpers/fakeN8n';
import { MediaXGoogleApiKeyApi } from '../../credentials/MediaXGoogleApiKeyApi.credentials';
import { admin, startSimulator, tokenRequests, type RunningSimulator } from '../helpers/simulator';

const USER = 'mediaXGoogleOAuth2Api';
const SA = 'mediaXGoogleServiceAccountApi';
const CLIENT_ID = 'sim-google-client.apps.googleusercontent.com';
const CLIENT_SECRET = 'sim_google_secret';
const API_KEY = 'sim-google-api-key';
const KIB256 = 262_144;
const MIB = 1024 * 1024;

// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function pattern(size: number): Buffer {
	const data = Buffer.alloc(size);
	for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >> 9)) & 0xff;
	return data;
}

describe('MediaX YouTube node', () => {
	let sim: RunningSimulator;
	let store: CredentialStore;
	let base: string;

	beforeAll(async () => {
		sim = await startSimulator();
		base = `${sim.baseUrl}/google`;
	});
	afterAll(() => sim.close());

	async function setup(attach: { user?: boolean; sa?: boolean } = { user: true }) {
		sim.reset();
		store = new CredentialStore({ [USER]: new MediaXGoogleOAuth2Api(), [SA]: new MediaXGoogleServiceAccountApi() });
		const tokens = await admin(sim, '/google/issue-user-token', { offline: true });
		store.add({
			id: 'g1',
			name: 'Google account',
			type: USER,
			data: { environment: 'custom', baseUrl: base, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, oauthTokenData: { ...tokens } },
		});
		const key = await admin(sim, '/google/service-account');
		store.add({ id: 'sa1', name: 'Service account', type: SA, data: { environment: 'custom', baseUrl: base, email: key.client_email, privateKey: key.private_key, apiKey: API_KEY } });
		const attached: Record<string, string> = {};
		if (attach.user) attached[USER] = 'g1';
		if (attach.sa) attached[SA] = 'sa1';
		return attached;
	}

	function context(attached: Record<string, string>, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) {
		const ctx = fakeContext({ store, attached, parameters, ...extra });
		ctx.helpers.prepareBinaryData = async (data: Buffer, fileName: string, mimeType: string) => ({ data: data.toString('base64'), fileName, mimeType, fileSize: `${data.length} B` });
		return ctx;
	}

	async function run(ctx: any): Promise<INodeExecutionData[]> {
		const [out] = await new MediaXYouTube().execute.call(ctx);
		return out;
	}

	const apiCalls = (pathPart: string) => sim.log.filter((e) => e.platform === 'google' && e.path.includes(pathPart));

	it('uploads a streamed video with the resumable protocol, continuing from Google\'s Range after a short persist and a dropped connection', async () => {
		const attached = await setup();
		const size = 3 * MIB + 12_345;
		const data = pattern(size);
		const sha = createHash('sha256').update(data).digest('hex');
		// filesystem-mode binary: read as a stream in 64 KiB pieces, never as a whole
		let opened = 0;
		const items: INodeExecutionData[] = [{ json: {}, binary: { data: { id: 'filesystem-v2:video', data: '', fileName: 'clip.mp4', mimeType: 'video/mp4' } } }];
		const ctx = context(attached, { resource: 'video', operation: 'upload', binaryPropertyName: 'data', title: 'Resumable from n8n', categoryId: '22', privacyStatus: 'unlisted', options: { chunkSizeMb: 1, tags: 'a, b c' } }, { items });
		ctx.helpers.getBinaryMetadata = async () => ({ fileSize: size });
		ctx.helpers.getBinaryStream = async () => {
			opened++;
			const pieces: Buffer[] = [];
			for (let o = 0; o < size; o += 65_536) pieces.push(data.subarray(o, o + 65_536));
			return Readable.from(pieces);
		};
		ctx.helpers.getBinaryDataBuffer = async () => {
			throw new Error('the upload must stream, not buffer the whole video');
		};

		// the first chunk: Google keeps one granule fewer than it received
		await admin(sim, '/google/config', { persistFewerBytes: true });
		// requests to the upload path: initiate, chunk 1, its missing granule, then chunk 2 drops after 300 000 bytes
		await admin(sim, '/faults', { platform: 'google', type: 'drop', match: '/upload/youtube/v3/videos', after: 3, afterBytes: 300_000, count: 1 });

		const started = Date.now();
		const [out] = await run(ctx);
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(out.json).toMatchObject({ kind: 'youtube#video', snippet: { title: 'Resumable from n8n', tags: ['a', 'b c'] }, status: { privacyStatus: 'unlisted' } });
		expect(out.json.upload).toMatchObject({ bytes: size, resumes: 1, bytesAcknowledged: size });
		// every byte went out once, plus the granule Google did not keep and what left before the drop
		const { bytesSent, bytesResent } = out.json.upload as { bytesSent: number; bytesResent: number };
		expect(bytesSent).toBe(size + bytesResent);
		const droppedIn = sim.log.find((e) => String(e.note ?? '').startsWith('fault:drop'))!.bytesIn!;
		expect(bytesResent).toBeGreaterThanOrEqual(KIB256 + droppedIn);

		const state = await admin(sim, '/google/state');
		expect(state.uploads).toHaveLength(1);
		expect(state.uploads[0]).toMatchObject({ size, sha256: sha, resultId: out.json.id });
		expect(state.videos.uploaded[0]).toMatchObject({ id: out.json.id, size, sha256: sha });
		expect(sim.log.some((e) => String(e.note ?? '').startsWith('fault:drop'))).toBe(true);

		// what the node put on the wire, in order: nothing is restarted from zero, only the dropped chunk is sent twice,
		// and after the short persist only the missing granule is re-read (from the chunk in memory)
		const puts = (ctx.sent as Array<{ options: any }>).filter((s) => s.options.method === 'PUT').map((s) => String(s.options.headers['Content-Range']));
		const c = (a: number, b: number) => `bytes ${a}-${b}/${size}`;
		expect(puts).toEqual([
			c(0, MIB - 1),
			c(MIB - KIB256, MIB - 1),
			c(MIB, 2 * MIB - 1), // dropped mid-way
			`bytes */${size}`, // status query: Google has 1 MiB
			c(MIB, 2 * MIB - 1),
			c(2 * MIB, 3 * MIB - 1),
			c(3 * MIB, size - 1),
		]);
		expect(opened).toBe(1);
		// the initiate carried the metadata and the declared size
		const init = apiCalls('/upload/youtube/v3/videos').find((e) => e.method === 'POST')!;
		expect(init.query).toMatchObject({ uploadType: 'resumable', part: 'snippet,status' });
	});

	it('gives up after bounded retries and names the session URI to resume with; resuming sends only the missing bytes', async () => {
		const attached = await setup();
		const size = 2 * MIB;
		const data = pattern(size);
		const items = [{ json: {}, binary: { data: { data: data.toString('base64'), fileName: 'clip.mp4', mimeType: 'video/mp4' } } }];
		const params = { resource: 'video', operation: 'upload', binaryPropertyName: 'data', title: 'Flaky', categoryId: '22', privacyStatus: 'private' };
		// initiate and the first chunk pass; then everything on the upload path fails with 503
		await admin(sim, '/faults', { platform: 'google', type: 'http', status: 503, match: '/upload/youtube/v3/videos', after: 2, count: -1 });
		const error = await run(context(attached, { ...params, options: { chunkSizeMb: 1, maxRetries: 1 } }, { items })).catch((e) => e);
		expect(error.message).toMatch(/stopped at 1\.0 MB of 2\.0 MB after 1 retries/);
		const uri = /Resume Session URI set to: (\S+)/.exec(error.description)![1];
		expect(uri).toContain('upload_id=');

		await fetch(`${sim.baseUrl}/__admin/faults`, { method: 'DELETE' });
		const ctx = context(attached, { ...params, options: { chunkSizeMb: 1, sessionUri: uri } }, { items });
		const [out] = await run(ctx);
		expect(out.json.upload).toMatchObject({ chunks: 1, bytesSent: MIB, bytesAcknowledged: size, bytesResent: 0 });
		const puts = (ctx.sent as Array<{ options: any }>).map((s) => String(s.options.headers['Content-Range']));
		expect(puts).toEqual([`bytes */${size}`, `bytes ${MIB}-${size - 1}/${size}`]);
		const state = await admin(sim, '/google/state');
		expect(state.videos.uploaded[0]).toMatchObject({ size, sha256: createHash('sha256').update(data).digest('hex') });

		// an unknown session is a clear error
		const gone = await run(context(attached, { ...params, options: { sessionUri: uri.replace(/upload_id=[^&]+/, 'upload_id=nope') } }, { items })).catch((e) => e);
		expect(gone.message).toMatch(/upload session has expired or is unknown \(HTTP 404\)/);
	});

	it('counts the bytes of a chunk dropped mid-way as they left, not as the chunk size; the simulator received what it acknowledged', async () => {
		const attached = await setup();
		// a chunk much larger than what the connection buffers, so a drop leaves most of it unread
		const chunk = 32 * MIB;
		const size = chunk + 12_345;
		const data = pattern(size);
		const items = [{ json: {}, binary: { data: { data: data.toString('base64'), fileName: 'big.mp4', mimeType: 'video/mp4' } } }];
		// initiate passes; the first chunk's connection drops after 300 000 bytes
		await admin(sim, '/faults', { platform: 'google', type: 'drop', match: '/upload/youtube/v3/videos', after: 1, afterBytes: 300_000, count: 1 });
		const [out] = await run(context(attached, { resource: 'video', operation: 'upload', binaryPropertyName: 'data', title: 'Dropped mid-chunk', categoryId: '22', privacyStatus: 'private', options: { chunkSizeMb: 32 } }, { items }));
		const upload = out.json.upload as Record<string, number>;

		// the simulator's own count: what each PUT delivered, the dropped one included
		const puts = sim.log.filter((e) => e.platform === 'google' && e.method === 'PUT');
		const dropped = puts.filter((e) => String(e.note ?? '').startsWith('fault:drop'));
		expect(dropped).toHaveLength(1);
		const received = puts.reduce((sum, e) => sum + (e.bytesIn ?? 0), 0);
		const receivedTwice = dropped[0].bytesIn!;
		expect(receivedTwice).toBeGreaterThanOrEqual(300_000);
		const state = await admin(sim, '/google/state');
		expect(state.videos.uploaded[0]).toMatchObject({ size, sha256: createHash('sha256').update(data).digest('hex') });

		// acknowledged: exactly what Google stores; resent: what had left before the drop went out again from byte 0
		expect(upload).toMatchObject({ bytes: size, chunks: 3, resumes: 1, bytesAcknowledged: size });
		expect(upload.bytesSent).toBe(size + upload.bytesResent);
		// at least what the simulator received twice; less than the chunk (the old count took the whole chunk as sent)
		expect(upload.bytesResent).toBeGreaterThanOrEqual(receivedTwice);
		expect(upload.bytesResent).toBeLessThan(chunk);
		// n8n wrote everything the simulator received; the surplus is what was in flight when the connection dropped
		expect(upload.bytesSent).toBeGreaterThanOrEqual(received);
		expect(upload.bytesSent - received).toBe(upload.bytesResent - receivedTwice);
	});

	it('lists my uploads page by page up to the limit, and all of them with Return All', async () => {
		const attached = await setup();
		const out = await run(context(attached, { resource: 'video', operation: 'list', source: 'mine', returnAll: false, limit: 55, parts: ['snippet'] }));
		expect(out).toHaveLength(55);
		expect(new Set(out.map((o) => o.json.id)).size).toBe(55);
		const pages = apiCalls('/youtube/v3/playlistItems');
		expect(pages.map((p) => p.query.maxResults)).toEqual(['50', '5']);
		expect(pages[0].query.pageToken).toBeUndefined();
		expect(pages[1].query.pageToken).toBeTruthy();

		const all = await run(context(attached, { resource: 'playlist', operation: 'list', source: 'mine', returnAll: true }));
		expect(all.length).toBeGreaterThan(0);
		const limited = await run(context(attached, { resource: 'commentThread', operation: 'list', source: 'channel', channelId: 'UCsim0000000000000000001', returnAll: false, limit: 3 }));
		expect(limited.length).toBeLessThanOrEqual(3);
	});

	it('reads public data with the API key credential, and tests that credential with one public read', async () => {
		await setup();
		store = new CredentialStore({ mediaXGoogleApiKeyApi: new MediaXGoogleApiKeyApi() });
		store.add({ id: 'k1', name: 'API key', type: 'mediaXGoogleApiKeyApi', data: { environment: 'custom', baseUrl: base, apiKey: API_KEY } });
		const [video] = await run(context({ mediaXGoogleApiKeyApi: 'k1' }, { resource: 'video', operation: 'get', videoId: 'simVid00001' }));
		expect(video.json.id).toBe('simVid00001');
		expect(apiCalls('/youtube/v3/videos').pop()!.query.key).toBe(API_KEY);
		expect(await testCredential(store, 'mediaXGoogleApiKeyApi', 'k1')).toMatchObject({ status: 'OK' });
		store.write('k1', { ...store.read('k1').data, apiKey: 'not-a-key' });
		expect(await testCredential(store, 'mediaXGoogleApiKeyApi', 'k1')).toMatchObject({ status: 'Error' });
	});

	it('reads public data with only the service-account credential, through its API key', async () => {
		const attached = await setup({ sa: true });
		const [video] = await run(context(attached, { resource: 'video', operation: 'get', videoId: 'https://www.youtube.com/watch?v=simVid00001' }));
		expect(video.json.id).toBe('simVid00001');
		const call = apiCalls('/youtube/v3/videos').pop()!;
		expect(call.tokenKind).toBe('api-key');
		expect(call.query.key).toBe(API_KEY);
		expect(tokenRequests(sim, 'google')).toHaveLength(0);

		const found = await run(context(attached, { resource: 'search', operation: 'search', q: '', type: ['video'], returnAll: false, limit: 3 }));
		expect(found.length).toBeGreaterThan(0);

		// "mine" needs the OAuth2 credential: said before any request
		const before = sim.log.length;
		const mine = await run(context(attached, { resource: 'video', operation: 'list', source: 'mine' })).catch((e) => e);
		expect(mine.message).toBe('Listing my uploads needs the "MediaX Google OAuth2 API" credential');
		expect(sim.log.length).toBe(before);
	});

	it('names the missing credential for writes, and says so for every item with continueOnFail', async () => {
		const attached = await setup({ sa: true });
		const error = await run(context(attached, { resource: 'video', operation: 'rate', videoId: 'simVid00001', rating: 'like' })).catch((e) => e);
		expect(error.message).toBe('"video → rate" needs the "MediaX Google OAuth2 API" credential');
		expect(error.description).toMatch(/OAuth2 token/);

		const none = await run(context({}, { resource: 'video', operation: 'get', videoId: 'simVid00001' }, { continueOnFail: true, items: [{ json: {} }, { json: {} }] }));
		expect(none).toHaveLength(2);
		expect(none[0].json.error).toBe('"video → get" needs the "MediaX Google OAuth2 API" or the "MediaX Google API Key API" or the "MediaX Google Service Account API" credential');
	});

	it('heals a 401 with exactly one refresh and stores the new token', async () => {
		const attached = await setup();
		const oldToken = (store.read('g1').data.oauthTokenData as any).access_token;
		await admin(sim, '/google/expire', { kind: 'user' });
		const ctx = context(attached, { resource: 'channel', operation: 'get', by: 'mine' });
		const [channel] = await run(ctx);
		expect(channel.json.id).toBe('UCsim0000000000000000001');
		expect(ctx.oauthRefreshes).toBe(1);
		expect(tokenRequests(sim, 'google')).toHaveLength(1);
		const stored = store.read('g1').data.oauthTokenData as any;
		expect(stored.access_token).not.toBe(oldToken);
		expect(stored.refresh_token).toBeTruthy();
		const channelCalls = apiCalls('/youtube/v3/channels');
		expect(channelCalls.map((c) => c.status)).toEqual([401, 200]);
	});

	it('reports quotaExceeded with the hint, and retries rateLimitExceeded (a refused request) for reads and writes', async () => {
		const attached = await setup();
		await admin(sim, '/google/config', { quotaPerDay: 50 });
		const error = await run(context(attached, { resource: 'search', operation: 'search', q: 'x', type: ['video'], limit: 5 })).catch((e) => e);
		expect(error.message).toMatch(/quotaExceeded/);
		expect(error.description).toMatch(/daily YouTube quota is used up/);
		expect(apiCalls('/youtube/v3/search')).toHaveLength(1);

		await admin(sim, '/google/reset-quota');
		await admin(sim, '/google/config', { quotaPerDay: 10_000 });
		await admin(sim, '/faults', { platform: 'google', type: 'rateLimit', match: '/youtube/v3/videos', count: 1 });
		const [video] = await run(context(attached, { resource: 'video', operation: 'get', videoId: 'simVid00002' }));
		expect(video.json.id).toBe('simVid00002');
		expect(apiCalls('/youtube/v3/videos').map((c) => c.status)).toEqual([403, 200]);

		await admin(sim, '/faults', { platform: 'google', type: 'rateLimit', match: '/youtube/v3/videos/rate', count: 1 });
		await run(context(attached, { resource: 'video', operation: 'rate', videoId: 'simVid00002', rating: 'like' }));
		expect(apiCalls('/youtube/v3/videos/rate').map((c) => c.status)).toEqual([403, 204]);
	});

	it('updates only the chosen fields, manages playlists and comments, sets a thumbnail and round-trips a caption', async () => {
		const attached = await setup();
		const op = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => run(context(attached, parameters, extra));
		const [before] = await op({ resource: 'video', operation: 'get', videoId: 'simVid00003', parts: ['snippet', 'status'] });
		const [updated] = await op({ resource: 'video', operation: 'update', videoId: 'simVid00003', updateFields: { description: 'New text' } });
		expect(updated.json.snippet).toMatchObject({ title: (before.json.snippet as any).title, categoryId: (before.json.snippet as any).categoryId, description: 'New text' });

		const [playlist] = await op({ resource: 'playlist', operation: 'create', title: 'From n8n', options: { description: 'd', privacyStatus: 'unlisted' } });
		expect(playlist.json).toMatchObject({ snippet: { title: 'From n8n', description: 'd' }, status: { privacyStatus: 'unlisted' } });
		const [renamed] = await op({ resource: 'playlist', operation: 'update', playlistId: playlist.json.id, updateFields: { title: 'Renamed' } });
		expect(renamed.json).toMatchObject({ snippet: { title: 'Renamed', description: 'd' }, status: { privacyStatus: 'unlisted' } });
		const [item] = await op({ resource: 'playlistItem', operation: 'add', playlistId: playlist.json.id, videoId: 'simVid00003' });
		const items = await op({ resource: 'playlistItem', operation: 'list', playlistId: playlist.json.id, returnAll: true });
		expect(items.map((i) => i.json.id)).toEqual([item.json.id]);
		await op({ resource: 'playlistItem', operation: 'remove', playlistItemId: item.json.id });
		await op({ resource: 'playlist', operation: 'delete', playlistId: playlist.json.id });

		const [thread] = await op({ resource: 'commentThread', operation: 'create', videoId: 'simVid00003', text: 'First!' });
		const [reply] = await op({ resource: 'comment', operation: 'reply', commentId: thread.json.id, text: 'Thanks' });
		const replies = await op({ resource: 'comment', operation: 'listReplies', commentId: thread.json.id, returnAll: true });
		expect(replies.map((r) => r.json.id)).toContain(reply.json.id);
		await op({ resource: 'comment', operation: 'delete', commentId: reply.json.id });

		// a text file is refused before anything is sent
		const sentBefore = apiCalls('/thumbnails/set').length;
		const refused = await op({ resource: 'thumbnail', operation: 'set', videoId: 'simVid00003', binaryPropertyName: 'data' }, { items: [{ json: {}, binary: { data: { data: Buffer.from('hello').toString('base64'), fileName: 'a.txt', mimeType: 'text/plain' } } }] }).catch((e) => e);
		expect(refused.message).toMatch(/must be a JPEG or PNG image/);
		expect(apiCalls('/thumbnails/set')).toHaveLength(sentBefore);
		const [thumb] = await op({ resource: 'thumbnail', operation: 'set', videoId: 'simVid00003', binaryPropertyName: 'data' }, { items: [{ json: {}, binary: { data: { data: PNG.toString('base64'), fileName: 'dot.png', mimeType: 'image/png' } } }] });
		expect(thumb.json.kind).toBe('youtube#thumbnailSetResponse');

		const srt = '1\n00:00:01,000 --> 00:00:02,500\nHello\n\n';
		const [caption] = await op({ resource: 'caption', operation: 'upload', videoId: 'simVid00003', language: 'en', binaryPropertyName: 'data', options: { name: 'English' } }, { items: [{ json: {}, binary: { data: { data: Buffer.from(srt).toString('base64'), fileName: 'en.srt', mimeType: 'application/x-subrip' } } }] });
		const tracks = await op({ resource: 'caption', operation: 'list', videoId: 'simVid00003' });
		expect(tracks.map((t) => t.json.id)).toContain(caption.json.id);
		const [file] = await op({ resource: 'caption', operation: 'download', captionId: caption.json.id, tfmt: 'vtt', binaryPropertyName: 'subs' });
		expect(Buffer.from(file.binary!.subs.data, 'base64').toString('utf8')).toContain('WEBVTT');
		expect(file.binary!.subs.mimeType).toBe('text/vtt');
	});
});
