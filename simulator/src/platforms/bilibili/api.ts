import { closeSync, openSync, readSync } from 'node:fs';
import type { UploadedFile } from '../../core/types';
import { chars, type BiliCall, type BiliRoute } from './call';
import { bvid, hexToken, LEAF_PARTITION_IDS, PARENT_PARTITION_IDS, PARTITIONS, seeded, SIM_BILI_NAME, type Archive, type StoredImage } from './store';
import { mergeParts, uploadSessionFor, VIDEO_EXTENSIONS } from './upload';

const STATE_DESC: Record<number, string> = { 0: '开放浏览', [-30]: '审核中', [-2]: '已打回' };

/** Asia/Shanghai calendar day, for the daily submission cap */
function cnDay(ms: number): string {
	return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

function archiveView(a: Archive): Record<string, unknown> {
	return {
		resource_id: a.resourceId,
		title: a.title,
		cover: a.cover,
		tid: a.tid,
		tag: a.tag,
		desc: a.desc,
		copyright: a.copyright,
		no_reprint: a.noReprint,
		ctime: Math.floor(a.ctime / 1000),
		ptime: a.ptime ? Math.floor(a.ptime / 1000) : 0,
		video_info: {
			cid: a.cid,
			filename: a.filename,
			duration: a.duration,
			share_url: `https://www.bilibili.com/video/${a.resourceId}`,
			iframe_url: `https://player.bilibili.com/player.html?bvid=${a.resourceId}&cid=${a.cid}`,
		},
		addit_info: { state: a.state, state_desc: STATE_DESC[a.state] ?? '', reject_reason: a.rejectReason },
	};
}

/** the caller's archive, or 127124 (unknown) / 127107 (deleted) */
function ownArchive(call: BiliCall, resourceId: string | undefined): Archive {
	if (!resourceId) throw call.param('resource_id is required');
	call.store.advanceReview(call.now());
	const a = call.store.archives.find((x) => x.resourceId === resourceId && x.openid === call.grant.openid);
	if (!a) throw call.error('archiveNotFound', '不存在该稿件');
	if (a.deleted) throw call.error('archiveDeleted', '稿件已经被删除');
	return a;
}

/** 123028 while the archive is being processed after a submit or edit */
function notLocked(call: BiliCall, a: Archive): void {
	if (call.now() < a.lockedUntil) throw call.error('archiveProcessing', '稿件后台处理中,请10秒后再尝试');
}

/** the single multipart file part `file`, checked for type (magic bytes) and size */
export async function imagePart(call: BiliCall, maxBytes: number, allowed: Array<'jpeg' | 'png' | 'gif'>): Promise<UploadedFile & { kind: string }> {
	const body = call.body!;
	if (body.kind !== 'multipart') throw call.param('multipart/form-data with a file part named file is required');
	const file = body.files.find((f) => f.field === 'file');
	if (!file || file.size === 0) throw call.param('file part "file" is missing or empty');
	if (file.size > maxBytes) throw call.param(`image larger than ${maxBytes} bytes`);
	const head = Buffer.alloc(8);
	const fd = openSync(file.path, 'r');
	try {
		readSync(fd, head, 0, 8, 0);
	} finally {
		closeSync(fd);
	}
	const kind = head[0] === 0xff && head[1] === 0xd8 ? 'jpeg' : head.subarray(0, 4).toString('latin1') === '\x89PNG' ? 'png' : head.subarray(0, 3).toString('latin1') === 'GIF' ? 'gif' : 'other';
	if (!allowed.includes(kind as 'jpeg')) throw call.error('fileTypeInvalid', `文件类型错误: image must be ${allowed.join('/')}`);
	return { ...file, kind };
}

// ---- user ----

function accountInfo(call: BiliCall): void {
	call.ok({ name: SIM_BILI_NAME, face: 'https://i0.hdslb.com/bfs/face/sim-face-0001.jpg', openid: call.grant.openid });
}

/** `openid` per the docs; the C# demo reads `open_id`, so both are sent */
function accountScopes(call: BiliCall): void {
	call.ok({ openid: call.grant.openid, open_id: call.grant.openid, scopes: [...call.grant.scopes] });
}

function partitions(call: BiliCall): void {
	call.ok(PARTITIONS);
}

// ---- video upload and submit ----

function videoInit(call: BiliCall): void {
	const name = call.str('name', true)!;
	const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
	if (!ext || !VIDEO_EXTENSIONS.includes(ext)) throw call.error('fileTypeInvalid', `文件类型错误: name must carry a video file extension (${VIDEO_EXTENSIONS.join(', ')})`);
	const raw = call.params.utype;
	const utype = (call.int('utype', { oneOf: [0, 1] }) ?? 0) as 0 | 1;
	call.note(`utype=${utype} sent as ${raw === undefined ? 'absent (default 0)' : typeof raw}`);
	const uploadToken = hexToken(16);
	call.store.uploads.set(uploadToken, { uploadToken, openid: call.grant.openid, name, utype, createdAt: call.now(), parts: new Map(), completed: false });
	call.ok({ upload_token: uploadToken });
}

async function videoComplete(call: BiliCall): Promise<void> {
	const session = uploadSessionFor(call);
	if (session.completed) {
		call.note('complete on an already complete upload');
		return call.ok({});
	}
	await mergeParts(call, session);
	call.ok({});
}

async function coverUpload(call: BiliCall): Promise<void> {
	const file = await imagePart(call, call.store.config.coverMaxBytes, ['jpeg', 'png']);
	const url = `https://archive.biliimg.com/bfs/archive/${file.sha256.slice(0, 40)}.${file.kind === 'png' ? 'png' : 'jpg'}`;
	const image: StoredImage = { url, size: file.size, sha256: file.sha256, contentType: file.contentType, kind: 'cover' };
	call.store.images.push(image);
	call.ok({ url });
}

/** title <80, tag total <200, desc <250, copyright 2 needs source, tid must be a sub-partition */
function archiveFields(call: BiliCall, a: Partial<Archive>, creating: boolean): void {
	const title = call.str('title', creating);
	if (title !== undefined) {
		if (chars(title) >= 80 || !title.trim()) throw call.error('titleInvalid', '标题不合法 (title must be 1–79 characters)');
		a.title = title;
	}
	const tid = call.int('tid', { required: creating });
	if (tid !== undefined) {
		if (PARENT_PARTITION_IDS.has(tid)) throw call.error('partitionUnavailable', `此分区暂不可用: tid ${tid} is a top-level partition; use one of its sub-partitions`);
		if (!LEAF_PARTITION_IDS.has(tid)) throw call.param(`tid ${tid} does not exist`);
		a.tid = tid;
	}
	const tag = call.str('tag', creating);
	if (tag !== undefined) {
		const tags = tag.split(',').map((t) => t.trim()).filter(Boolean);
		if (!tags.length) throw call.param('tag must name at least one tag');
		if (chars(tags.join(',')) >= 200) throw call.param('tags total must be under 200 characters');
		a.tag = tags.join(',');
	}
	const desc = call.str('desc');
	if (desc !== undefined) {
		if (chars(desc) >= 250) throw call.param('desc must be under 250 characters');
		a.desc = desc;
	}
	const cover = call.str('cover');
	if (cover !== undefined) {
		if (!/^https?:\/\//.test(cover)) throw call.param('cover must be the URL returned by cover upload');
		a.cover = cover;
	}
	const noReprint = call.int('no_reprint', { oneOf: [0, 1] });
	if (noReprint !== undefined) a.noReprint = noReprint;
	if (creating) {
		const copyright = call.int('copyright', { required: true, oneOf: [1, 2] })!;
		a.copyright = copyright;
		const source = call.str('source');
		if (copyright === 2 && !source) throw call.param('source is required when copyright is 2 (转载)');
		a.source = source ?? '';
	}
}

function addByUtoken(call: BiliCall): void {
	const session = uploadSessionFor(call);
	if (session.usedBy) throw call.param(`upload_token already submitted as ${session.usedBy}`);
	if (!session.completed) {
		if (session.utype === 1 && session.parts.size) throw call.param('the utype=1 file was sent as parts; call complete first');
		throw call.param(session.parts.size ? 'video parts not merged; call complete first' : 'no video uploaded for this upload_token');
	}
	const a: Partial<Archive> = { cover: '', desc: '', noReprint: 0 };
	archiveFields(call, a, true);
	const now = call.now();
	const { store } = call;
	const today = cnDay(now);
	const submittedToday = store.archives.filter((x) => x.openid === call.grant.openid && x.origin === 'submitted' && cnDay(x.submittedAt) === today).length;
	if (submittedToday >= store.config.dailySubmitCap) throw call.error('dailySubmitLimit', `投稿数量已达今日上限 (${store.config.dailySubmitCap} per day for non-formal members)`);
	const n = ++store.archiveSeq;
	const archive: Archive = {
		...(a as Archive),
		resourceId: bvid(n),
		openid: call.grant.openid,
		ctime: now,
		state: -30,
		rejectReason: '',
		reviewAt: now + store.config.reviewDelaySeconds * 1000,
		lockedUntil: now + store.config.processingLockSeconds * 1000,
		deleted: false,
		filename: session.name.replace(/\.[^.]+$/, ''),
		cid: ++store.cidSeq,
		duration: seeded(`dur${session.sha256}`, 5, 600),
		submittedAt: now,
		origin: 'submitted',
	};
	store.archives.push(archive);
	session.usedBy = archive.resourceId;
	call.ok({ resource_id: archive.resourceId });
}

function archiveViewOne(call: BiliCall): void {
	// MediaX says view returns approved archives only (unverified); every state is returned here
	call.ok(archiveView(ownArchive(call, call.str('resource_id'))));
}

function archiveList(call: BiliCall): void {
	const pn = call.int('pn', { min: 1 }) ?? 1;
	const ps = call.int('ps', { min: 1, max: 50 }) ?? 20;
	const status = call.str('status') ?? 'all';
	if (!['all', 'is_pubing', 'pubed', 'not_pubed'].includes(status)) throw call.param('status must be all, is_pubing, pubed or not_pubed');
	call.store.advanceReview(call.now());
	const mine = call.store.archives
		.filter((a) => a.openid === call.grant.openid && !a.deleted)
		.filter((a) => status === 'all' || (status === 'is_pubing' ? a.state === -30 : status === 'pubed' ? a.state === 0 : a.state < 0 && a.state !== -30))
		.sort((x, y) => y.ctime - x.ctime);
	call.ok({ list: mine.slice((pn - 1) * ps, pn * ps).map(archiveView), page: { pn, ps, total: mine.length } });
}

function archiveEdit(call: BiliCall): void {
	const a = ownArchive(call, call.str('resource_id'));
	notLocked(call, a);
	const next = { ...a };
	archiveFields(call, next, false);
	const now = call.now();
	// metadata edits go back to review
	Object.assign(a, next, { state: -30, rejectReason: '', reviewAt: now + call.store.config.reviewDelaySeconds * 1000, lockedUntil: now + call.store.config.processingLockSeconds * 1000 });
	call.ok({ resource_id: a.resourceId });
}

function archiveDelete(call: BiliCall): void {
	const a = ownArchive(call, call.str('resource_id'));
	notLocked(call, a);
	a.deleted = true;
	call.ok({});
}

// ---- data ----

function userStat(call: BiliCall): void {
	call.store.advanceReview(call.now());
	const passed = call.store.archives.filter((a) => a.openid === call.grant.openid && !a.deleted && a.state === 0).length;
	call.ok({ follower: seeded(`fans${call.grant.openid}`, 1000, 90000), following: seeded(`fol${call.grant.openid}`, 10, 500), arc_passed_total: passed });
}

function arcStat(call: BiliCall): void {
	const a = ownArchive(call, call.str('resource_id'));
	const open = a.state === 0;
	const s = (k: string, max: number) => (open ? seeded(`${k}${a.resourceId}`, 0, max) : 0);
	call.ok({ title: a.title, ptime: a.ptime ? Math.floor(a.ptime / 1000) : 0, view: s('view', 200000), danmaku: s('dm', 3000), reply: s('reply', 2000), favorite: s('fav', 5000), coin: s('coin', 4000), share: s('share', 1000), like: s('like', 20000) });
}

/** yesterday's increments; per archive with resource_id, otherwise for the whole account (window unverified) */
function arcIncStats(call: BiliCall): void {
	const resourceId = call.str('resource_id');
	const key = resourceId ? ownArchive(call, resourceId).resourceId : call.grant.openid;
	const day = cnDay(call.now() - 86_400_000);
	const s = (k: string, max: number) => seeded(`${k}${key}${day}`, 0, max);
	call.note(resourceId ? 'inc-stats for one archive' : 'inc-stats for the account');
	call.ok({ inc_click: s('c', 5000), inc_dm: s('d', 200), inc_reply: s('r', 100), inc_fav: s('f', 300), inc_coin: s('o', 200), inc_share: s('s', 80), inc_like: s('l', 900), inc_elec: s('e', 5) });
}

export const bilibiliApiRoutes: BiliRoute[] = [
	{ paths: ['/arcopen/fn/user/account/info'], methods: ['GET'], scope: 'USER_INFO', handler: accountInfo },
	{ paths: ['/arcopen/fn/user/account/scopes'], methods: ['GET'], handler: accountScopes },
	{ paths: ['/arcopen/fn/archive/type/list'], methods: ['GET'], scope: 'ARC_BASE', handler: partitions },
	{ paths: ['/arcopen/fn/archive/video/init'], methods: ['POST'], scope: 'ARC_BASE', handler: videoInit },
	{ paths: ['/arcopen/fn/archive/video/complete'], methods: ['POST'], scope: 'ARC_BASE', handler: videoComplete },
	{ paths: ['/arcopen/fn/archive/cover/upload'], methods: ['POST'], scope: 'ARC_BASE', handler: coverUpload },
	{ paths: ['/arcopen/fn/archive/add-by-utoken'], methods: ['POST'], scope: 'ARC_BASE', handler: addByUtoken },
	{ paths: ['/arcopen/fn/archive/view'], methods: ['GET'], scope: 'ARC_BASE', handler: archiveViewOne },
	{ paths: ['/arcopen/fn/archive/viewlist'], methods: ['GET'], scope: 'ARC_BASE', handler: archiveList },
	{ paths: ['/arcopen/fn/archive/edit'], methods: ['POST'], scope: 'ARC_BASE', handler: archiveEdit },
	{ paths: ['/arcopen/fn/archive/delete'], methods: ['POST'], scope: 'ARC_BASE', handler: archiveDelete },
	// the data permission for archives is not named in the sources; ARC_BASE is assumed
	{ paths: ['/arcopen/fn/data/user/stat'], methods: ['GET'], scope: 'ARC_BASE', handler: userStat },
	{ paths: ['/arcopen/fn/data/arc/stat'], methods: ['GET'], scope: 'ARC_BASE', handler: arcStat },
	{ paths: ['/arcopen/fn/data/arc/inc-stats'], methods: ['GET'], scope: 'ARC_BASE', handler: arcIncStats },
];
