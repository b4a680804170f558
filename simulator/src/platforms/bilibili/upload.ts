import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveRawBody } from '../../core/body';
import type { SimContext } from '../../core/types';
import { BiliError, replyBiliError, type BiliCall } from './call';
import type { BiliStore, UploadSession } from './store';

export const VIDEO_EXTENSIONS = ['mp4', 'flv', 'avi', 'wmv', 'mov', 'mkv', 'webm'];
const MAX_PART_NUMBER = 10000;

/** Raw upload bytes live in a directory of the module's own (SimContext does not expose the core's upload dir). */
export class UploadDir {
	private dir?: string;
	path(name: string): string {
		this.dir ??= mkdtempSync(join(tmpdir(), 'mediax-sim-bili-'));
		return join(this.dir, name);
	}
	clear(): void {
		if (this.dir) rmSync(this.dir, { recursive: true, force: true });
		this.dir = undefined;
	}
}

function uposOk(ctx: SimContext, data: Record<string, unknown>): void {
	ctx.log.code = 0;
	ctx.json(200, { code: 0, message: '0', data });
}

/** the session named by ?upload_token=, or undefined after answering */
function sessionOf(ctx: SimContext, store: BiliStore): UploadSession | undefined {
	const token = ctx.query.upload_token;
	const session = token ? store.uploads.get(token) : undefined;
	if (!session) {
		replyBiliError(ctx, store.code('uploadTokenInvalid'), token ? 'upload_token does not exist' : 'upload_token is required');
		return undefined;
	}
	if (session.completed) {
		replyBiliError(ctx, store.code('paramError'), 'this upload_token is already complete');
		return undefined;
	}
	return session;
}

function tooBig(ctx: SimContext, store: BiliStore, limit: number, already = 0): boolean {
	const declared = Number(ctx.headers['content-length']);
	if (Number.isFinite(declared) && already + declared > limit) {
		replyBiliError(ctx, store.code('paramError'), `file larger than ${limit} bytes`);
		return true;
	}
	return false;
}

/** the upload host authorises by upload_token alone (C# demo: "该请求无需header携带签名"); signing anyway is logged */
function noteNeedlessSignature(ctx: SimContext): void {
	if (ctx.headers['authorization'] || ctx.headers['x-bili-signature-method'] || ctx.headers['access-token']) {
		ctx.log.note = ctx.log.note ? `${ctx.log.note}; signed although the upload host needs no signature` : 'signed although the upload host needs no signature';
	}
}

/** POST upos /video/v2/part/upload?upload_token=&part_number= : unsigned raw bytes, streamed to disk; answers an etag */
export async function partUpload(ctx: SimContext, store: BiliStore, dir: UploadDir): Promise<void> {
	ctx.log.range = ctx.query.part_number;
	const session = sessionOf(ctx, store);
	if (!session) return;
	noteNeedlessSignature(ctx);
	const n = Number(ctx.query.part_number);
	if (!/^\d+$/.test(ctx.query.part_number ?? '') || n < 1 || n > MAX_PART_NUMBER) return replyBiliError(ctx, store.code('paramError'), `part_number must be an integer 1–${MAX_PART_NUMBER}`);
	ctx.log.range = String(n);
	const stored = [...session.parts.entries()].filter(([k]) => k !== n).reduce((s, [, p]) => s + p.size, 0);
	if (tooBig(ctx, store, store.config.maxFileSize, stored)) return;
	// MediaX posts small (utype 1) files here too; accepted and noted
	if (session.utype === 1) ctx.log.note = 'part upload on a utype=1 session (MediaX variant)';
	const path = dir.path(`${session.uploadToken}-${n}.part`);
	rmSync(path, { force: true }); // a re-sent part replaces the earlier one
	const saved = await saveRawBody(ctx.req, path, (b) => (ctx.log.bytesIn = (ctx.log.bytesIn ?? 0) + b));
	if (saved.size === 0) return replyBiliError(ctx, store.code('paramError'), 'empty part body');
	// the real etag is opaque; this one is derived from the part's SHA-256
	const etag = saved.sha256.slice(0, 32);
	session.parts.set(n, { size: saved.size, sha256: saved.sha256, path, etag });
	uposOk(ctx, { etag });
}

/** POST upos /video/v2/upload?upload_token= : the whole (≤100 MB) file of a utype=1 session, no merge step */
export async function smallUpload(ctx: SimContext, store: BiliStore, dir: UploadDir): Promise<void> {
	const session = sessionOf(ctx, store);
	if (!session) return;
	noteNeedlessSignature(ctx);
	if (session.utype !== 1) return replyBiliError(ctx, store.code('paramError'), 'this upload_token was initialised with utype=0; upload parts and call complete');
	if (tooBig(ctx, store, store.config.smallUploadLimit)) return;
	const path = dir.path(`${session.uploadToken}-whole.part`);
	const saved = await saveRawBody(ctx.req, path, (b) => (ctx.log.bytesIn = (ctx.log.bytesIn ?? 0) + b));
	if (saved.size === 0) return replyBiliError(ctx, store.code('paramError'), 'empty body');
	if (saved.size > store.config.smallUploadLimit) {
		rmSync(path, { force: true });
		return replyBiliError(ctx, store.code('paramError'), `small upload is limited to ${store.config.smallUploadLimit} bytes; use utype=0 and parts`);
	}
	rmSync(path, { force: true });
	Object.assign(session, { completed: true, via: 'small', size: saved.size, sha256: saved.sha256 });
	uposOk(ctx, {});
}

async function hashParts(session: UploadSession): Promise<{ size: number; sha256: string }> {
	const hash = createHash('sha256');
	let size = 0;
	for (const n of [...session.parts.keys()].sort((a, b) => a - b)) {
		const part = session.parts.get(n)!;
		for await (const chunk of createReadStream(part.path)) hash.update(chunk as Buffer);
		size += part.size;
	}
	return { size, sha256: hash.digest('hex') };
}

/** merges parts 1..N; a gap is rejected. Part files are dropped once the whole file's hash is known. */
export async function mergeParts(call: BiliCall, session: UploadSession): Promise<void> {
	const numbers = [...session.parts.keys()].sort((a, b) => a - b);
	if (!numbers.length) throw call.param('no parts uploaded for this upload_token');
	const last = numbers[numbers.length - 1];
	const missing = Array.from({ length: last }, (_, i) => i + 1).filter((n) => !session.parts.has(n));
	if (missing.length) throw call.param(`missing parts: ${missing.join(',')}`);
	const { size, sha256 } = await hashParts(session);
	if (size > call.store.config.maxFileSize) throw call.param('file larger than 4 GB');
	for (const part of session.parts.values()) rmSync(part.path, { force: true });
	Object.assign(session, { completed: true, via: 'parts', size, sha256 });
}

export function uploadSessionFor(call: BiliCall): UploadSession {
	const token = call.str('upload_token', true)!;
	const session = call.store.uploads.get(token);
	if (!session || session.openid !== call.grant.openid) throw new BiliError(call.store.code('uploadTokenInvalid'), 'upload_token does not exist');
	return session;
}
