import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import type { UploadedFile } from '../../core/types';
import type { Call, Route } from './route';
import { encryptedId, randomId, seeded, SIM_NICKNAME, SIM_OPEN_ID, type Comment, type Video } from './store';

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

function videoView(v: Video): Record<string, unknown> {
	return {
		item_id: v.itemId,
		video_id: v.videoId,
		title: v.title,
		cover: v.cover,
		create_time: Math.floor(v.createTimeMs / 1000),
		share_url: `https://www.iesdouyin.com/share/video/${encodeURIComponent(v.itemId)}/`,
		is_top: v.isTop,
		is_reviewed: v.reviewed,
		video_status: v.status,
		media_type: v.mediaType,
		statistics: { ...v.statistics },
	};
}

function commentView(c: Comment): Record<string, unknown> {
	return {
		comment_id: c.commentId,
		comment_user_id: c.userId,
		nick_name: c.nickName,
		avatar: `https://p3-sim.douyinpic.com/aweme/100x100/${c.userId}.jpeg`,
		content: c.content,
		create_time: c.createTime,
		digg_count: c.diggCount,
		reply_comment_total: c.replies.length,
		top: c.top,
		reply_comment_id: c.parentId ?? '',
	};
}

/** a non-negative integer query parameter, the default when absent, or undefined when malformed */
function intParam(value: string | undefined, fallback?: number): number | undefined {
	if (value === undefined || value === '') return fallback;
	return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The nginx page the gateway answers for an oversize single upload (observed: 413, HTML, not JSON). */
function gateway413(call: Call): void {
	call.ctx.log.note = 'gateway 413: single upload over the limit';
	call.ctx.send(413, '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n', 'text/html');
}

/** The single multipart file part named `field`; any other part name is a parameter error. */
async function filePart(call: Call, field: 'video' | 'image'): Promise<UploadedFile | undefined> {
	const body = await call.readBody();
	if (body.kind !== 'multipart') {
		call.fail(call.codes.param, `multipart/form-data with a file part named ${field} is required`);
		return undefined;
	}
	const wrong = body.files.find((f) => f.field !== field);
	if (wrong) {
		call.fail(call.codes.param, `unexpected file part "${wrong.field}"; the part must be named ${field}`);
		return undefined;
	}
	const file = body.files[0];
	if (!file || file.size === 0) {
		call.fail(call.codes.param, `file part ${field} is missing or empty`);
		return undefined;
	}
	return file;
}

function ownVideo(call: Call, itemId: string | undefined): Video | undefined {
	if (!itemId) {
		call.fail(call.codes.param, 'item_id is required');
		return undefined;
	}
	const video = call.store.findVideo({ itemId });
	if (!video) call.fail(call.codes.param, `item_id ${itemId} is not a video of this account`);
	return video;
}

/** Only one anchor per post: mini-app OR POI. */
function anchorConflict(call: Call, body: Record<string, unknown>): boolean {
	if (body.micro_app_id && body.poi_id) {
		call.fail(call.codes.param, 'only one anchor per post: micro_app_id and poi_id cannot be combined');
		return true;
	}
	return false;
}

// ---- video ----

function videoList(call: Call): void {
	const count = intParam(call.ctx.query.count);
	if (count === undefined || count < 1 || count > 20) return call.fail(call.codes.param, 'count is required and must be between 1 and 20');
	const cursor = intParam(call.ctx.query.cursor, 0);
	if (cursor === undefined) return call.fail(call.codes.param, 'cursor must be an integer');
	const all = call.store.listVideos(call.now());
	const rest = cursor > 0 ? all.filter((v) => v.createTimeMs < cursor) : all;
	const page = rest.slice(0, count);
	call.ok({ list: page.map(videoView), cursor: page.length ? page[page.length - 1].createTimeMs : cursor, has_more: rest.length > page.length });
}

async function videoData(call: Call): Promise<void> {
	const body = await call.jsonBody();
	if (!body) return;
	const itemIds = body.item_ids;
	const videoIds = body.video_ids;
	const isList = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
	if (!isList(itemIds) || !isList(videoIds)) return call.fail(call.codes.param, 'item_ids and video_ids must be arrays of strings');
	const items = (itemIds as string[] | undefined) ?? [];
	const videos = (videoIds as string[] | undefined) ?? [];
	if (!items.length && !videos.length) return call.fail(call.codes.param, 'item_ids or video_ids is required');
	if (items.length > 20 || videos.length > 20) return call.fail(call.codes.param, 'at most 20 ids per call');
	// only the caller's own videos come back; both id kinds are honoured (the sources disagree on precedence)
	const list = call.store.listVideos(call.now()).filter((v) => items.includes(v.itemId) || videos.includes(v.videoId));
	call.ok({ list: list.map(videoView) });
}

async function uploadVideo(call: Call): Promise<void> {
	const limit = call.store.config.singleUploadLimit;
	const declared = Number(call.ctx.headers['content-length']);
	if (Number.isFinite(declared) && declared > limit) return gateway413(call);
	const file = await filePart(call, 'video');
	if (!file) return;
	if (file.size > limit) return gateway413(call);
	const videoId = encryptedId('v0200f');
	call.store.videoFiles.set(videoId, { videoId, size: file.size, sha256: file.sha256, filename: file.filename, via: 'single' });
	call.ctx.log.note = `uploaded ${file.size} bytes`;
	call.ok({ video: { video_id: videoId, width: 1080, height: 1920 } });
}

function initPartUpload(call: Call): void {
	const uploadId = encryptedId('');
	call.store.uploadSessions.set(uploadId, { uploadId, createdAt: call.now(), parts: new Map() });
	call.ok({ upload_id: uploadId });
}

/** The open upload session named by the query, or undefined after answering the error. */
function uploadSession(call: Call) {
	const uploadId = call.ctx.query.upload_id;
	const session = uploadId ? call.store.uploadSessions.get(uploadId) : undefined;
	if (!session) return void call.fail(call.codes.param, 'upload_id is missing or unknown (URL-encode it)');
	if (call.now() - session.createdAt > call.store.config.uploadIdTtl * 1000) return void call.fail(call.codes.param, 'upload_id expired (valid 2 hours)');
	if (session.completedVideoId) return void call.fail(call.codes.param, 'upload already completed');
	return session;
}

async function uploadPart(call: Call): Promise<void> {
	const session = uploadSession(call);
	if (!session) return;
	const partNumber = intParam(call.ctx.query.part_number);
	call.ctx.log.range = call.ctx.query.part_number;
	if (partNumber === undefined || partNumber < 1) return call.fail(call.codes.param, 'part_number is required and 1-based');
	const file = await filePart(call, 'video');
	if (!file) return;
	// a re-sent part replaces the earlier copy
	session.parts.set(partNumber, { size: file.size, sha256: file.sha256, path: file.path });
	call.ctx.log.note = `part ${partNumber}: ${file.size} bytes`;
	call.ok({});
}

async function sha256OfFiles(paths: string[]): Promise<string> {
	const hash = createHash('sha256');
	for (const path of paths) for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

async function completePartUpload(call: Call): Promise<void> {
	const session = uploadSession(call);
	if (!session) return;
	const numbers = [...session.parts.keys()].sort((a, b) => a - b);
	if (!numbers.length) return call.fail(call.codes.param, 'no parts uploaded');
	const last = numbers[numbers.length - 1];
	const missingParts = [];
	for (let n = 1; n <= last; n++) if (!session.parts.has(n)) missingParts.push(n);
	if (missingParts.length) return call.fail(call.codes.param, `missing part(s): ${missingParts.join(',')}`);
	const min = call.store.config.minPartSize;
	for (const n of numbers) {
		const size = session.parts.get(n)!.size;
		if (n !== last && size < min) return call.fail(call.codes.param, `part ${n} is ${size} bytes; every part but the last must be at least ${min} bytes`);
	}
	const parts = numbers.map((n) => session.parts.get(n)!);
	const size = parts.reduce((s, p) => s + p.size, 0);
	const sha256 = await sha256OfFiles(parts.map((p) => p.path));
	const videoId = encryptedId('v0200f');
	session.completedVideoId = videoId;
	call.store.videoFiles.set(videoId, { videoId, size, sha256, filename: '', via: 'chunked', parts: parts.length });
	call.ctx.log.note = `assembled ${parts.length} parts, ${size} bytes`;
	call.ok({ video: { video_id: videoId, width: 1080, height: 1920 } });
}

function newItem(call: Call, videoId: string, title: string, mediaType: number): Video {
	const now = call.now();
	const video: Video = {
		itemId: encryptedId('@9Vw'),
		videoId,
		title,
		cover: `https://p3-sim.douyinpic.com/obj/cover-${randomId(4)}.jpeg`,
		createTimeMs: call.store.uniqueCreateTime(now),
		isTop: false,
		mediaType,
		// created posts wait in review (status 4) and pass after reviewDelayMs of simulated time
		status: 4,
		reviewed: false,
		reviewAt: now + call.store.config.reviewDelayMs,
		statistics: { digg_count: 0, comment_count: 0, share_count: 0, download_count: 0, forward_count: 0, play_count: 0 },
		origin: 'created',
	};
	call.store.videos.push(video);
	return video;
}

async function createVideo(call: Call): Promise<void> {
	const body = await call.jsonBody();
	if (!body) return;
	const videoId = body.video_id;
	if (typeof videoId !== 'string' || !videoId) return call.fail(call.codes.param, 'video_id is required');
	const file = call.store.videoFiles.get(videoId);
	if (!file) return call.fail(call.codes.param, `video_id ${videoId} is invalid`);
	if (file.usedByItemId) return call.fail(call.codes.param, `video_id ${videoId} has already been used; upload the video again`);
	if (anchorConflict(call, body)) return;
	if (body.text !== undefined && typeof body.text !== 'string') return call.fail(call.codes.param, 'text must be a string');
	if (body.at_users !== undefined && !(Array.isArray(body.at_users) && body.at_users.every((u) => typeof u === 'string'))) return call.fail(call.codes.param, 'at_users must be an array of open_ids');
	const cover = body.custom_cover_image_url;
	if (cover !== undefined && (typeof cover !== 'string' || !call.store.images.has(cover))) return call.fail(call.codes.param, 'custom_cover_image_url must be an image_id from upload_image');
	const video = newItem(call, videoId, (body.text as string | undefined) ?? '', 4);
	file.usedByItemId = video.itemId;
	call.ok({ item_id: video.itemId, video_id: videoId });
}

async function deleteVideo(call: Call): Promise<void> {
	const body = await call.jsonBody();
	if (!body) return;
	const video = ownVideo(call, typeof body.item_id === 'string' ? body.item_id : undefined);
	if (!video) return;
	call.store.videos.splice(call.store.videos.indexOf(video), 1);
	call.ok({});
}

/** width and height of a PNG, or a portrait default for other formats */
function imageSize(path: string): { width: number; height: number } {
	const header = Buffer.alloc(24);
	const fd = openSync(path, 'r');
	try {
		readSync(fd, header, 0, 24, 0);
	} finally {
		closeSync(fd);
	}
	if (header.subarray(1, 4).toString('latin1') === 'PNG') return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
	return { width: 1080, height: 1440 };
}

async function uploadImage(call: Call): Promise<void> {
	const file = await filePart(call, 'image');
	if (!file) return;
	if (file.size > MAX_IMAGE_BYTES) return call.fail(call.codes.param, 'image larger than 10 MB');
	const typeOk = /^image\/(jpe?g|png|bmp|webp)$/.test(file.contentType) || /\.(jpe?g|png|bmp|webp)$/i.test(file.filename);
	if (!typeOk) return call.fail(call.codes.param, 'image must be jpeg, png, bmp or webp');
	const imageId = encryptedId('tos-cn-i-sim/');
	const { width, height } = imageSize(file.path);
	call.store.images.set(imageId, { imageId, size: file.size, sha256: file.sha256, width, height });
	call.ok({ image: { image_id: imageId, width, height } });
}

async function createImageText(call: Call): Promise<void> {
	const body = await call.jsonBody();
	if (!body) return;
	const list = body.image_list;
	if (!Array.isArray(list) || !list.length || !list.every((x) => typeof x === 'string')) return call.fail(call.codes.param, 'image_list (array of image_ids) is required');
	const unknown = list.find((id) => !call.store.images.has(id as string));
	if (unknown) return call.fail(call.codes.param, `image_id ${unknown} is invalid`);
	if (anchorConflict(call, body)) return;
	const video = newItem(call, '', typeof body.text === 'string' ? body.text : '', 2);
	call.ok({ item_id: video.itemId });
}

// ---- comments ----

function sortComments(list: Comment[], sortType: string | undefined): Comment[] {
	const copy = [...list];
	if (sortType === 'time') return copy.sort((a, b) => b.createTime - a.createTime);
	if (sortType === 'time_asc') return copy.sort((a, b) => a.createTime - b.createTime);
	// default "recommended" order: pinned first, then by likes
	return copy.sort((a, b) => Number(b.top) - Number(a.top) || b.diggCount - a.diggCount || b.createTime - a.createTime);
}

function pageOf(call: Call, list: Comment[], maxCount: number): void {
	const count = intParam(call.ctx.query.count, 10);
	const cursor = intParam(call.ctx.query.cursor, 0);
	if (count === undefined || count < 1 || count > maxCount) return call.fail(call.codes.param, `count must be between 1 and ${maxCount}`);
	if (cursor === undefined) return call.fail(call.codes.param, 'cursor must be an integer');
	const page = list.slice(cursor, cursor + count);
	call.ok({ list: page.map(commentView), cursor: cursor + page.length, has_more: cursor + page.length < list.length });
}

function commentList(call: Call): void {
	const video = ownVideo(call, call.ctx.query.item_id);
	if (!video) return;
	pageOf(call, sortComments(call.store.comments.get(video.itemId) ?? [], call.ctx.query.sort_type), 50);
}

function commentReplyList(call: Call): void {
	const video = ownVideo(call, call.ctx.query.item_id);
	if (!video) return;
	const parent = (call.store.comments.get(video.itemId) ?? []).find((c) => c.commentId === call.ctx.query.comment_id);
	if (!parent) return call.fail(call.codes.param, 'comment_id is missing or not a comment of this item');
	pageOf(call, sortComments(parent.replies, call.ctx.query.sort_type), 20);
}

async function commentReply(call: Call): Promise<void> {
	const body = await call.jsonBody();
	if (!body) return;
	const video = ownVideo(call, typeof body.item_id === 'string' ? body.item_id : undefined);
	if (!video) return;
	if (typeof body.content !== 'string' || !body.content.trim()) return call.fail(call.codes.param, 'content is required');
	const list = call.store.comments.get(video.itemId) ?? [];
	const parentId = typeof body.comment_id === 'string' && body.comment_id ? body.comment_id : undefined;
	const parent = parentId ? list.find((c) => c.commentId === parentId) : undefined;
	if (parentId && !parent) return call.fail(call.codes.param, `comment_id ${parentId} is not a comment of this item`);
	const comment: Comment = {
		commentId: encryptedId('@sim-cmt-'),
		itemId: video.itemId,
		parentId,
		userId: SIM_OPEN_ID,
		nickName: SIM_NICKNAME,
		content: body.content,
		createTime: Math.floor(call.now() / 1000),
		diggCount: 0,
		top: false,
		replies: [],
	};
	if (parent) parent.replies.push(comment);
	else {
		list.push(comment);
		call.store.comments.set(video.itemId, list);
		video.statistics.comment_count++;
	}
	call.store.repliedComments.push({ itemId: video.itemId, commentId: comment.commentId, parentId, content: body.content });
	call.ok({ comment_id: comment.commentId });
}

async function commentTop(call: Call): Promise<void> {
	const body = await call.jsonBody();
	if (!body) return;
	const video = ownVideo(call, typeof body.item_id === 'string' ? body.item_id : undefined);
	if (!video) return;
	if (typeof body.top !== 'boolean') return call.fail(call.codes.param, 'top (boolean) is required');
	const list = call.store.comments.get(video.itemId) ?? [];
	const comment = list.find((c) => c.commentId === body.comment_id);
	if (!comment) return call.fail(call.codes.param, 'comment_id is missing or not a top-level comment of this item');
	// one pinned comment per item
	if (body.top) for (const c of list) c.top = false;
	comment.top = body.top;
	call.ok({});
}

// ---- data ----

/** days covered by date_type: 7/15/30 (SDKs) or 1/2/3 = yesterday / 7 days / 30 days (MediaXDoc) */
function daysOf(call: Call): number | undefined {
	const days = ({ '7': 7, '15': 15, '30': 30, '1': 1, '2': 7, '3': 30 } as Record<string, number>)[call.ctx.query.date_type ?? ''];
	if (!days) call.fail(call.codes.param, 'date_type must be 7, 15 or 30 (or 1, 2, 3)');
	return days;
}

/** yyyy-MM-dd dates (Beijing time) ending yesterday, oldest first */
function datesBack(now: number, days: number): string[] {
	const dates: string[] = [];
	for (let i = days; i >= 1; i--) dates.push(new Date(now + 8 * 3600_000 - i * 86400_000).toISOString().slice(0, 10));
	return dates;
}

type DailyRow = (date: string, seed: string) => Record<string, unknown>;

function userDaily(row: DailyRow, name: string) {
	return (call: Call) => {
		const days = daysOf(call);
		if (!days) return;
		call.ok({ result_list: datesBack(call.now(), days).map((date) => ({ date, ...row(date, `${name}:${date}`) })) });
	};
}

function itemDaily(field: string, min: number, max: number) {
	return (call: Call) => {
		const video = ownVideo(call, call.ctx.query.item_id);
		if (!video) return;
		const days = daysOf(call);
		if (!days) return;
		call.ok({ result_list: datesBack(call.now(), days).map((date) => ({ date, [field]: seeded(`${field}:${video.itemId}:${date}`, min, max) })) });
	};
}

function itemBase(call: Call): void {
	const video = ownVideo(call, call.ctx.query.item_id);
	if (!video) return;
	const s = video.statistics;
	call.ok({ result: { avg_play_duration: seeded(`apd:${video.itemId}`, 5, 60), total_comment: s.comment_count, total_like: s.digg_count, total_play: s.play_count, total_share: s.share_count } });
}

const FANS_BASE = 12000;

function fansData(call: Call): void {
	const dist = (items: string[], seed: string) => items.map((item) => ({ item, value: seeded(`${seed}:${item}`, 50, 4000) }));
	call.ok({
		fans_data: {
			all_fans_num: FANS_BASE,
			gender_distributions: dist(['1', '2'], 'gender'),
			age_distributions: dist(['1-23', '24-30', '31-40', '41-50', '50-'], 'age'),
			geographical_distributions: dist(['广东', '北京', '上海', '浙江', '四川'], 'geo'),
			active_days_distributions: dist(['0~4', '5~8', '9~12', '13~16', '17~20', '20+'], 'active'),
			device_distributions: dist(['iPhone', 'HUAWEI', 'OPPO', 'vivo', 'Xiaomi'], 'device'),
			interest_distributions: dist(['美食', '旅行', '科技', '生活'], 'interest'),
			flow_contributions: ['vv', 'like_cnt', 'comment_cnt', 'share_video_cnt'].map((flow) => ({ flow, all_sum: seeded(`all:${flow}`, 5000, 90000), fans_sum: seeded(`fans:${flow}`, 100, 5000) })),
		},
	});
}

function fansCheck(call: Call): void {
	const follower = call.ctx.query.follower_open_id;
	if (!follower) return call.fail(call.codes.param, 'follower_open_id is required');
	const since = call.store.followers.get(follower);
	call.ok({ is_follower: since !== undefined, follow_time: since ?? 0 });
}

function fansRanking(kind: string) {
	const keywords = ['美食', '旅行', '数码', '穿搭', '健身'];
	return (call: Call) => call.ok({ list: keywords.map((keyword, i) => ({ rank: i + 1, keyword, hot_value: seeded(`${kind}:${keyword}`, 100, 9999) })) });
}

function fansSource(call: Call): void {
	call.ok({ list: [['视频详情页', '46.20%'], ['个人主页', '28.50%'], ['搜索', '15.10%'], ['其他', '10.20%']].map(([source, percent]) => ({ source, percent })) });
}

// ---- client-token tools ----

function shareId(call: Call): void {
	call.ok({ share_id: String(seeded(randomId(4), 100000000, 999999999)) + String(Date.now()).slice(-10) });
}

function ticket(call: Call): void {
	call.ok({ ticket: `sim-ticket-${randomId(12)}`, expires_in: 7200 });
}

function schema(required: Array<string | string[]>, target: (body: Record<string, unknown>) => string) {
	return async (call: Call) => {
		const body = await call.jsonBody();
		if (!body) return;
		const nowSec = Math.floor(call.now() / 1000);
		const expireAt = Number(body.expire_at);
		if (!Number.isInteger(expireAt) || expireAt <= nowSec || expireAt > nowSec + 180 * 86400) return call.fail(28001007, 'expire_at must be a unix time (seconds) in the future, at most 180 days ahead');
		for (const need of required) {
			const names = Array.isArray(need) ? need : [need];
			if (!names.some((n) => typeof body[n] === 'string' && body[n])) return call.fail(28001007, `${names.join(' or ')} is required`);
		}
		call.ok({ schema: `snssdk1128://${target(body)}&expire_at=${expireAt}&sim_sig=${randomId(6)}` });
	};
}

function iframe(call: Call): void {
	const q = call.ctx.query;
	const video = q.item_id ? call.store.findVideo({ itemId: q.item_id }) : q.video_id ? call.store.findVideo({ videoId: q.video_id }) : undefined;
	if (!video) return call.fail(28001007, 'video_id (or item_id) is missing or unknown');
	call.ok({
		iframe_code: `<iframe width="720" height="1280" frameborder="0" src="https://open.douyin.com/player/video?vid=${encodeURIComponent(video.videoId)}&autoplay=0" referrerpolicy="unsafe-url" allowfullscreen></iframe>`,
		video_title: video.title,
		video_width: 720,
		video_height: 1280,
	});
}

const userGet = { methods: ['GET'] as Array<'GET' | 'POST'>, auth: 'user' as const, dialect: 'data' as const };
const userPost = { methods: ['POST'] as Array<'GET' | 'POST'>, auth: 'user' as const, dialect: 'data' as const };
const clientCall = (methods: Array<'GET' | 'POST'>, dialect: 'data' | 'errno') => ({ methods, auth: 'client' as const, dialect });

export const apiRoutes: Route[] = [
	// video
	{ ...userGet, paths: ['/api/douyin/v1/video/video_list'], scope: 'video.list.bind', handler: videoList },
	{ ...userGet, paths: ['/video/list'], legacy: true, scope: 'video.list.bind', handler: videoList },
	{ ...userPost, paths: ['/api/douyin/v1/video/video_data', '/api/douyin/v1/video/video_basic_info'], scope: 'video.data.bind', handler: videoData },
	{ ...userPost, paths: ['/video/data'], legacy: true, scope: 'video.data.bind', handler: videoData },
	{ ...userPost, paths: ['/api/douyin/v1/video/upload_video'], scope: 'video.create.bind', upload: true, handler: uploadVideo },
	{ ...userPost, paths: ['/video/upload'], legacy: true, scope: 'video.create.bind', upload: true, handler: uploadVideo },
	{ ...userPost, paths: ['/api/douyin/v1/video/init_video_part_upload'], scope: 'video.create.bind', handler: initPartUpload },
	{ ...userPost, paths: ['/video/part/init'], legacy: true, scope: 'video.create.bind', handler: initPartUpload },
	{ ...userPost, paths: ['/api/douyin/v1/video/upload_video_part'], scope: 'video.create.bind', upload: true, handler: uploadPart },
	{ ...userPost, paths: ['/video/part/upload'], legacy: true, scope: 'video.create.bind', upload: true, handler: uploadPart },
	{ ...userPost, paths: ['/api/douyin/v1/video/complete_video_part_upload'], scope: 'video.create.bind', handler: completePartUpload },
	{ ...userPost, paths: ['/video/part/complete'], legacy: true, scope: 'video.create.bind', handler: completePartUpload },
	{ ...userPost, paths: ['/api/douyin/v1/video/create_video'], scope: 'video.create.bind', handler: createVideo },
	{ ...userPost, paths: ['/video/create'], legacy: true, scope: 'video.create.bind', handler: createVideo },
	{ ...userPost, paths: ['/video/delete'], legacy: true, scope: 'video.delete', handler: deleteVideo },
	// image-text (the scope of the image APIs is not documented; they live under /video/ and need video.create.bind here)
	{ ...userPost, paths: ['/api/douyin/v1/video/upload_image'], scope: 'video.create.bind', upload: true, handler: uploadImage },
	{ ...userPost, paths: ['/image/upload'], legacy: true, scope: 'video.create.bind', upload: true, handler: uploadImage },
	{ ...userPost, paths: ['/api/douyin/v1/video/create_image_text'], scope: 'video.create.bind', handler: createImageText },
	{ ...userPost, paths: ['/image/create'], legacy: true, scope: 'video.create.bind', handler: createImageText },
	// comments (the enterprise /video/comment/* variants share the handlers)
	{ ...userGet, paths: ['/item/comment/list', '/video/comment/list'], scope: 'item.comment', handler: commentList },
	{ ...userGet, paths: ['/item/comment/reply/list', '/video/comment/reply/list'], scope: 'item.comment', handler: commentReplyList },
	{ ...userPost, paths: ['/item/comment/reply', '/video/comment/reply'], scope: 'item.comment', handler: commentReply },
	{ ...userPost, paths: ['/item/comment/top', '/video/comment/top'], scope: 'item.comment', handler: commentTop },
	// data: user
	{ ...userGet, paths: ['/data/external/user/item'], scope: 'data.external.user', handler: userDaily((_d, s) => ({ new_issue: seeded(s, 0, 3), new_play: seeded(`p${s}`, 100, 20000), total_issue: 45 }), 'item') },
	{ ...userGet, paths: ['/data/external/user/fans'], scope: 'data.external.user', handler: userDaily((_d, s) => ({ new_fans: seeded(s, 0, 200), total_fans: FANS_BASE + seeded(`t${s}`, 0, 500) }), 'fans') },
	{ ...userGet, paths: ['/data/external/user/like'], scope: 'data.external.user', handler: userDaily((_d, s) => ({ new_like: seeded(s, 0, 900) }), 'like') },
	{ ...userGet, paths: ['/data/external/user/comment'], scope: 'data.external.user', handler: userDaily((_d, s) => ({ new_comment: seeded(s, 0, 120) }), 'comment') },
	{ ...userGet, paths: ['/data/external/user/share'], scope: 'data.external.user', handler: userDaily((_d, s) => ({ new_share: seeded(s, 0, 60) }), 'share') },
	{ ...userGet, paths: ['/data/external/user/profile'], scope: 'data.external.user', handler: userDaily((_d, s) => ({ profile_uv: seeded(s, 10, 3000) }), 'profile') },
	// data: item
	{ ...userGet, paths: ['/data/external/item/base'], scope: 'data.external.item', handler: itemBase },
	{ ...userGet, paths: ['/data/external/item/like'], scope: 'data.external.item', handler: itemDaily('like', 0, 500) },
	{ ...userGet, paths: ['/data/external/item/comment'], scope: 'data.external.item', handler: itemDaily('comment', 0, 80) },
	{ ...userGet, paths: ['/data/external/item/play'], scope: 'data.external.item', handler: itemDaily('play', 50, 20000) },
	{ ...userGet, paths: ['/data/external/item/share'], scope: 'data.external.item', handler: itemDaily('share', 0, 40) },
	// fans
	{ ...userGet, paths: ['/api/douyin/v1/user/fans_data'], scope: 'fans.data.bind', handler: fansData },
	{ ...userGet, paths: ['/fans/check'], scope: 'fans.check', handler: fansCheck },
	{ ...userGet, paths: ['/data/extern/fans/source'], scope: 'fans.data.bind', handler: fansSource },
	{ ...userGet, paths: ['/data/extern/fans/favourite'], scope: 'fans.data.bind', handler: fansRanking('favourite') },
	{ ...userGet, paths: ['/data/extern/fans/comment'], scope: 'fans.data.bind', handler: fansRanking('comment') },
	// client-token tools
	{ ...clientCall(['GET'], 'data'), paths: ['/share-id'], handler: shareId },
	{ ...clientCall(['GET'], 'data'), paths: ['/js/getticket', '/open/getticket'], handler: ticket },
	{ ...clientCall(['POST'], 'errno'), paths: ['/api/douyin/v1/schema/get_share'], handler: schema([], () => 'share?from=sim') },
	{ ...clientCall(['POST'], 'errno'), paths: ['/api/douyin/v1/schema/get_user_profile'], handler: schema([['open_id', 'account']], (b) => `user/profile/${encodeURIComponent(String(b.open_id ?? b.account))}?from=sim`) },
	{ ...clientCall(['POST'], 'errno'), paths: ['/api/douyin/v1/schema/get_chat'], handler: schema(['open_id'], (b) => `chat?open_id=${encodeURIComponent(String(b.open_id))}`) },
	{ ...clientCall(['POST'], 'errno'), paths: ['/api/douyin/v1/schema/get_item_info'], handler: schema([['item_id', 'video_id']], (b) => `aweme/detail/${encodeURIComponent(String(b.item_id ?? b.video_id))}?from=sim`) },
	{ ...clientCall(['POST'], 'errno'), paths: ['/api/douyin/v1/schema/get_live'], handler: schema(['room_id'], (b) => `live?room_id=${encodeURIComponent(String(b.room_id))}`) },
	// public embed data: no token
	{ methods: ['GET'], auth: 'none', dialect: 'errno', paths: ['/api/douyin/v1/video/get_iframe_by_video', '/api/douyin/v1/video/get_iframe_by_item'], handler: iframe },
];
