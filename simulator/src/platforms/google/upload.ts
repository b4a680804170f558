import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveRawBody } from '../../core/body';
import type { SimContext } from '../../core/types';
import { badRequest, fail, notFound, ok } from './reply';
import { SIM_CHANNEL_ID, type GoogleStore, type UploadSession } from './store';
import { createUploadedVideo, ownedVideoForCaptions, partsOf, renderCaption, renderVideo, validateVideoSnippet, validateVideoStatus, type YtCall } from './youtube';

const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;
const CAPTION_MAX_BYTES = 100 * 1024 * 1024;

/** Raw upload bytes live in a directory of our own: the core only hands its upload dir to multipart parsing. */
let uploadDir: string | undefined;
function dataDir(): string {
	if (!uploadDir || !existsSync(uploadDir)) {
		uploadDir = mkdtempSync(join(tmpdir(), 'mediax-sim-google-'));
		const dir = uploadDir;
		process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
	}
	return uploadDir;
}

export function clearUploadFiles(): void {
	if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
	uploadDir = undefined;
}

function header(ctx: SimContext, name: string): string | undefined {
	const v = ctx.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

/** reads and discards the rest of a body we are refusing, so the connection stays usable */
async function drain(ctx: SimContext): Promise<void> {
	try {
		for await (const chunk of ctx.req as AsyncIterable<Buffer>) ctx.log.bytesIn = (ctx.log.bytesIn ?? 0) + chunk.length;
	} catch {
		// client went away; nothing to answer
	}
}

function sha256File(path: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = createHash('sha256');
		createReadStream(path)
			.on('data', (c) => hash.update(c))
			.on('end', () => resolve(hash.digest('hex')))
			.on('error', reject);
	});
}

/** POST …?uploadType=resumable: validates the metadata now, answers 200 with the session URI in Location. */
export function initiateResumable(call: YtCall, kind: UploadSession['kind'], parts: string[], uploadPath: string): void {
	const { ctx, store, body } = call;
	const declared = header(ctx, 'x-upload-content-length');
	const declaredLength = declared === undefined ? undefined : Number(declared);
	if (declared !== undefined && (!Number.isInteger(declaredLength) || declaredLength! < 0)) badRequest('invalidValue', 'X-Upload-Content-Length must be a non-negative integer');
	const declaredType = header(ctx, 'x-upload-content-type');
	if (kind === 'video' && declaredType && !/^video\//i.test(declaredType) && declaredType !== 'application/octet-stream') {
		badRequest('invalidContentType', `Media type '${declaredType}' is not supported. Valid media types: [video/*, application/octet-stream]`);
	}
	const id = `sim_${randomBytes(18).toString('base64url')}`;
	const dataPath = join(dataDir(), `${id}.bin`);
	writeFileSync(dataPath, '');
	const session: UploadSession = { id, kind, createdAt: ctx.now(), declaredLength, declaredType, metadata: body, parts, query: { ...ctx.query }, dataPath, persisted: 0, ranges: [] };
	store.uploads.set(id, session);
	const q = new URLSearchParams({ ...ctx.query, upload_id: id });
	q.delete('key');
	const location = `${ctx.baseUrl}/google${uploadPath}?${q}`;
	ctx.log.note = `resumable session ${id}${declaredLength !== undefined ? ` for ${declaredLength} bytes` : ''}`;
	ctx.log.code = 0;
	ctx.send(200, '', 'text/plain', { location, 'x-guploader-uploadid': id });
}

/** the session named by upload_id, or 404 when unknown or past its lifetime */
export function sessionOf(ctx: SimContext, store: GoogleStore): UploadSession {
	const session = store.uploads.get(ctx.query.upload_id ?? '');
	if (!session || ctx.now() - session.createdAt > store.config.sessionTtlSeconds * 1000) notFound('notFound', 'Not Found: the upload session does not exist or has expired; start a new upload.', 'global');
	return session!;
}

function rangeHeaders(session: UploadSession): Record<string, string> {
	// no Range at all when nothing is stored yet
	return session.persisted > 0 ? { range: `bytes=0-${session.persisted - 1}`, 'x-guploader-uploadid': session.id } : { 'x-guploader-uploadid': session.id };
}

function resumeIncomplete(ctx: SimContext, session: UploadSession): void {
	ctx.log.code = 0;
	ctx.log.note = `308 persisted ${session.persisted}`;
	ctx.send(308, '', 'text/plain', rangeHeaders(session));
}

async function complete(call: YtCall, session: UploadSession): Promise<void> {
	const { ctx, store } = call;
	if (!session.resultId) {
		session.sha256 = await sha256File(session.dataPath);
		session.completedAt = ctx.now();
		if (session.kind === 'video') {
			const video = createUploadedVideo(store, session.metadata, ctx.now(), { size: session.persisted, sha256: session.sha256, mimeType: session.declaredType ?? 'application/octet-stream' });
			session.resultId = video.id;
		} else if (session.kind === 'caption') {
			session.resultId = createCaption(call, session.metadata, await readText(session.dataPath)).id;
		}
		ctx.log.note = `upload complete: ${session.persisted} bytes sha256 ${session.sha256}`;
		return replyResult(call, session, store.config.uploadCompletionStatus);
	}
	// asking again after completion: 200 with the same resource
	replyResult(call, session, 200);
}

function readText(path: string): Promise<string> {
	return readFile(path, 'utf8');
}

function replyResult(call: YtCall, session: UploadSession, status: number): void {
	const { ctx, store } = call;
	if (session.kind === 'caption') {
		const c = store.captions.find((x) => x.id === session.resultId);
		return ok(ctx, c ? renderCaption(c) : { id: session.resultId }, status);
	}
	const video = store.videos.find((v) => v.id === session.resultId);
	if (!video) notFound('videoNotFound', 'The uploaded video has since been deleted.', 'youtube.video');
	// the uploader is the owner whoever asks (the session URI is the credential)
	ok(ctx, renderVideo(store, video!, session.parts, { kind: 'user', asUser: true }), status);
}

/**
 * PUT <session URI>: one chunk (Content-Range: bytes a-b/total), a status query (bytes *\/total),
 * or the whole file at once (no Content-Range). Non-final chunks must be whole granules (256 KiB).
 */
export async function uploadChunk(call: YtCall): Promise<void> {
	const { ctx, store } = call;
	const session = sessionOf(ctx, store);
	const contentRange = header(ctx, 'content-range');
	ctx.log.range = contentRange;
	const gran = store.config.chunkGranularity;
	const refuse = async (message: string): Promise<never> => {
		await drain(ctx);
		session.ranges.push({ contentRange: contentRange ?? '', bytesReceived: 0, persistedAfter: session.persisted, status: 400, note: message });
		return badRequest('badContent', message);
	};
	if (session.resultId) {
		await drain(ctx);
		return complete(call, session);
	}
	let first: number;
	let last: number | undefined;
	let total: number | undefined;
	if (contentRange === undefined) {
		if (session.persisted > 0) return refuse('Content-Range is required when resuming an upload');
		first = 0;
		total = session.declaredLength;
		if (total !== undefined) last = total - 1;
	} else {
		const status = /^bytes \*\/(\d+|\*)$/.exec(contentRange.trim());
		if (status) {
			await drain(ctx);
			const t = status[1] === '*' ? undefined : Number(status[1]);
			if (t !== undefined && session.declaredLength !== undefined && t !== session.declaredLength) return refuse(`Content-Range total ${t} does not match X-Upload-Content-Length ${session.declaredLength}`);
			session.ranges.push({ contentRange, bytesReceived: 0, persistedAfter: session.persisted, status: 308, note: 'status query' });
			if (t !== undefined && session.persisted === t) return complete(call, session);
			return resumeIncomplete(ctx, session);
		}
		const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange.trim());
		if (!m) return refuse(`Invalid Content-Range header: ${contentRange}`);
		first = Number(m[1]);
		last = Number(m[2]);
		total = m[3] === '*' ? undefined : Number(m[3]);
		if (last < first || (total !== undefined && last >= total)) return refuse(`Invalid Content-Range header: ${contentRange}`);
	}
	if (total !== undefined && session.declaredLength !== undefined && total !== session.declaredLength) return refuse(`Content-Range total ${total} does not match X-Upload-Content-Length ${session.declaredLength}`);
	if (total !== undefined) session.total = total;
	if (first > session.persisted) return refuse(`Content-Range starts at ${first} but only ${session.persisted} bytes are stored; query the upload status and resume from there`);
	const finalChunk = total !== undefined && last !== undefined && last + 1 === total;
	const expected = last === undefined ? undefined : last - first + 1;
	if (expected !== undefined && !finalChunk && expected % gran !== 0) {
		return refuse(`Invalid request. The number of bytes uploaded is required to be a multiple of ${gran}, except for the final request. The received request contained ${expected} bytes.`);
	}
	// resending already stored bytes is allowed: overwrite from `first`
	if (first < session.persisted) truncateSync(session.dataPath, first);
	const before = first;
	let received: number;
	try {
		received = (await saveRawBody(ctx.req, session.dataPath, (n) => (ctx.log.bytesIn = (ctx.log.bytesIn ?? 0) + n))).size;
	} catch {
		// connection lost mid-chunk: whole granules that arrived are kept, the rest is dropped
		const arrived = Math.max(0, statSync(session.dataPath).size - before);
		session.persisted = before + Math.floor(arrived / gran) * gran;
		truncateSync(session.dataPath, session.persisted);
		session.ranges.push({ contentRange: contentRange ?? '', bytesReceived: arrived, persistedAfter: session.persisted, status: 0, note: 'connection lost' });
		ctx.log.note = `connection lost after ${arrived} bytes; persisted ${session.persisted}`;
		return;
	}
	if (expected !== undefined && received !== expected) {
		truncateSync(session.dataPath, before);
		session.persisted = before;
		session.ranges.push({ contentRange: contentRange ?? '', bytesReceived: received, persistedAfter: session.persisted, status: 400 });
		badRequest('badContent', `Content-Range says ${expected} bytes but the body had ${received}`);
	}
	if (contentRange === undefined && total === undefined) session.total = total = received;
	else if (contentRange === undefined && received !== total) {
		truncateSync(session.dataPath, 0);
		session.persisted = 0;
		badRequest('badContent', `X-Upload-Content-Length declared ${total} bytes but the body had ${received}`);
	}
	let persisted = before + received;
	if (store.config.persistFewerBytes && received > 0) {
		// Google may store less than it was sent; clients must resume from the Range it reports
		persisted = before + Math.floor((received - 1) / gran) * gran;
		store.config.persistFewerBytes = false;
		truncateSync(session.dataPath, persisted);
	}
	session.persisted = persisted;
	const done = session.total !== undefined && persisted === session.total;
	session.ranges.push({ contentRange: contentRange ?? '', bytesReceived: received, persistedAfter: persisted, status: done ? store.config.uploadCompletionStatus : 308 });
	if (done) return complete(call, session);
	resumeIncomplete(ctx, session);
}

/** multipart/related (uploadType=multipart): a JSON metadata part, then the media part */
function parseMultipartRelated(contentType: string, raw: Buffer): { metadata: Record<string, any>; media: Buffer; mediaType: string } {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!m) badRequest('badContent', 'multipart/related without a boundary');
	const boundary = Buffer.from(`--${(m![1] ?? m![2]).trim()}`);
	const parts: Array<{ headers: Record<string, string>; body: Buffer }> = [];
	let pos = raw.indexOf(boundary);
	while (pos !== -1) {
		const start = pos + boundary.length;
		if (raw.subarray(start, start + 2).toString() === '--') break;
		const next = raw.indexOf(boundary, start);
		if (next === -1) break;
		const part = raw.subarray(start + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		const headers: Record<string, string> = {};
		for (const line of part.subarray(0, split).toString('utf8').split('\r\n')) {
			const i = line.indexOf(':');
			if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
		}
		let body = part.subarray(split + 4);
		if (/base64/i.test(headers['content-transfer-encoding'] ?? '')) body = Buffer.from(body.toString('ascii'), 'base64');
		parts.push({ headers, body });
		pos = next;
	}
	if (parts.length !== 2) badRequest('badContent', 'multipart/related upload needs exactly two parts: metadata JSON and media');
	let metadata: Record<string, any> = {};
	try {
		metadata = JSON.parse(parts[0].body.toString('utf8'));
	} catch {
		badRequest('parseError', 'The metadata part is not valid JSON');
	}
	return { metadata, media: parts[1].body, mediaType: parts[1].headers['content-type'] ?? 'application/octet-stream' };
}

/** POST /upload/youtube/v3/videos: resumable (the protocol above), or multipart / media in one request */
export async function videosInsert(call: YtCall): Promise<void> {
	const { ctx, store } = call;
	const parts = partsOf(ctx.query, ['snippet', 'status', 'recordingDetails', 'contentDetails', 'localizations', 'id', 'fileDetails', 'processingDetails', 'statistics']);
	const uploadType = ctx.query.uploadType ?? 'media';
	if (uploadType === 'resumable') {
		const body = await ctx.body();
		if (body.kind !== 'empty' && (body.kind !== 'json' || body.invalidJson)) badRequest('parseError', 'The initiate request body must be the video resource as JSON');
		call.body = (body.json as Record<string, any>) ?? {};
		validateVideoSnippet(call.body.snippet ?? {}, false);
		validateVideoStatus(call.body.status ?? {});
		return initiateResumable(call, 'video', parts, '/upload/youtube/v3/videos');
	}
	if (uploadType !== 'multipart' && uploadType !== 'media') badRequest('invalidValue', `Invalid uploadType: ${uploadType}`, 'uploadType');
	const body = await ctx.body();
	if (!body.raw?.length) badRequest('mediaBodyRequired', 'The request does not include the video content.');
	let metadata: Record<string, any> = {};
	let media = body.raw!;
	let mediaType = ctx.contentType || 'application/octet-stream';
	if (uploadType === 'multipart') ({ metadata, media, mediaType } = parseMultipartRelated(ctx.contentType, body.raw!));
	validateVideoSnippet(metadata.snippet ?? {}, false);
	validateVideoStatus(metadata.status ?? {});
	const sha256 = createHash('sha256').update(media).digest('hex');
	const video = createUploadedVideo(store, metadata, ctx.now(), { size: media.length, sha256, mimeType: mediaType });
	ctx.log.note = `upload (${uploadType}) ${media.length} bytes sha256 ${sha256}`;
	ok(ctx, renderVideo(store, video, parts, call.caller));
}

function createCaption(call: YtCall, metadata: Record<string, any>, content: string) {
	const s = metadata.snippet ?? {};
	const caption = { id: 'AUieDa' + randomBytes(20).toString('base64url'), videoId: s.videoId, language: s.language, name: s.name ?? '', isDraft: !!s.isDraft, format: /-->/.test(content) ? 'srt' : 'sbv', content, updatedAt: call.ctx.now() };
	call.store.captions.push(caption);
	const video = call.store.videos.find((v) => v.id === s.videoId);
	if (video) video.contentDetails.caption = 'true';
	return caption;
}

/** POST /upload/youtube/v3/captions: multipart/related, or resumable like videos */
export async function captionsInsert(call: YtCall): Promise<void> {
	const { ctx } = call;
	partsOf(ctx.query, ['snippet', 'id']);
	const body = await ctx.body();
	const check = (metadata: Record<string, any>) => {
		const s = metadata.snippet ?? {};
		if (!s.videoId) badRequest('videoIdRequired', 'snippet.videoId is required');
		if (!s.language) badRequest('invalidMetadata', 'snippet.language is required');
		ownedVideoForCaptions(call, s.videoId);
		if (call.store.captions.some((c) => c.videoId === s.videoId && c.language === s.language && c.name === (s.name ?? ''))) fail(409, 'captionExists', 'The specified video already has a caption track with the given snippet.language and snippet.name.', 'youtube.caption');
	};
	if (ctx.query.uploadType === 'resumable') {
		call.body = (body.json as Record<string, any>) ?? {};
		check(call.body);
		return initiateResumable(call, 'caption', ['id', 'snippet'], '/upload/youtube/v3/captions');
	}
	if (ctx.query.uploadType !== 'multipart') badRequest('invalidValue', 'captions.insert needs uploadType=multipart or resumable', 'uploadType');
	if (!body.raw?.length) badRequest('mediaBodyRequired', 'The request does not include the caption track content.');
	const { metadata, media } = parseMultipartRelated(ctx.contentType, body.raw!);
	check(metadata);
	if (media.length > CAPTION_MAX_BYTES) fail(413, 'uploadTooLarge', `Media larger than: ${CAPTION_MAX_BYTES}`);
	ok(ctx, renderCaption(createCaption(call, metadata, media.toString('utf8'))));
}

function looksLikeImage(head: Buffer): 'image/png' | 'image/jpeg' | undefined {
	if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
	if (head[0] === 0xff && head[1] === 0xd8) return 'image/jpeg';
	return undefined;
}

/** POST /upload/youtube/v3/thumbnails/set?videoId=: raw image bytes, at most 2 MB */
export async function thumbnailsSet(call: YtCall): Promise<void> {
	const { ctx, store } = call;
	const videoId = ctx.query.videoId;
	if (!videoId) {
		await drain(ctx);
		badRequest('missingRequiredParameter', 'Required parameter: videoId', 'videoId');
	}
	const video = store.videos.find((v) => v.id === videoId);
	if (!video) {
		await drain(ctx);
		notFound('videoNotFound', 'The video that you are trying to insert a thumbnail image for cannot be found.', 'youtube.thumbnail');
	}
	if (video!.channelId !== SIM_CHANNEL_ID || !call.caller.asUser) {
		await drain(ctx);
		fail(403, 'forbidden', 'The authenticated user doesn\'t have permissions for uploading and setting custom video thumbnails.', 'youtube.thumbnail');
	}
	if (!store.config.customThumbnailsAllowed) {
		await drain(ctx);
		fail(403, 'forbidden', 'The authenticated user doesn\'t have permissions for uploading and setting custom video thumbnails.', 'youtube.thumbnail');
	}
	const type = ctx.contentType.split(';')[0].trim();
	if (!['image/jpeg', 'image/png', 'application/octet-stream'].includes(type)) {
		await drain(ctx);
		badRequest('badContent', `Media type '${type}' is not supported. Valid media types: [image/jpeg, image/png, application/octet-stream]`);
	}
	const declared = Number(header(ctx, 'content-length') ?? NaN);
	if (declared > THUMBNAIL_MAX_BYTES) {
		await drain(ctx);
		fail(413, 'uploadTooLarge', `Media larger than: ${THUMBNAIL_MAX_BYTES}`);
	}
	const path = join(dataDir(), `thumb_${randomBytes(9).toString('hex')}.img`);
	const saved = await saveRawBody(ctx.req, path, (n) => (ctx.log.bytesIn = (ctx.log.bytesIn ?? 0) + n));
	if (saved.size === 0) badRequest('mediaBodyRequired', 'The request does not include the image content.');
	if (saved.size > THUMBNAIL_MAX_BYTES) fail(413, 'uploadTooLarge', `Media larger than: ${THUMBNAIL_MAX_BYTES}`);
	const head = readFileSync(path).subarray(0, 8);
	const sniffed = looksLikeImage(head);
	if (!sniffed || (type !== 'application/octet-stream' && sniffed !== type)) badRequest('invalidImage', 'The provided image content is invalid.');
	video!.thumbnail = { size: saved.size, sha256: saved.sha256, mimeType: sniffed! };
	const url = (name: string) => `https://i.ytimg.com/vi/${video!.id}/${name}.jpg`;
	const item = {
		default: { url: url('default'), width: 120, height: 90 },
		medium: { url: url('mqdefault'), width: 320, height: 180 },
		high: { url: url('hqdefault'), width: 480, height: 360 },
		standard: { url: url('sddefault'), width: 640, height: 480 },
		maxres: { url: url('maxresdefault'), width: 1280, height: 720 },
	};
	ctx.log.note = `thumbnail ${saved.size} bytes`;
	ok(ctx, { kind: 'youtube#thumbnailSetResponse', etag: saved.sha256.slice(0, 27), items: [item] });
}
