import { createHash, randomBytes } from 'node:crypto';
import type { SimContext } from '../../core/types';

/** The seeded official account. */
export const APPID = 'wxsim0000000001';
export const SECRET = 'sim_wechat_secret';

export const WEB_TOKEN_TTL_S = 7200;
export const REFRESH_TOKEN_TTL_S = 30 * 86400;
export const CODE_TTL_S = 300;
export const TEMP_MEDIA_TTL_S = 3 * 86400;
/** the last 300 s of a stable token's life, and the overlap a superseded classic token keeps */
export const OVERLAP_S = 300;

export interface WeChatConfig {
	tokenTtl: number;
	classicDailyLimit: number;
	forceMinIntervalSeconds: number;
	forceDailyLimit: number;
	/** number of freepublish/get calls answering publish_status 1 */
	publishPendingPolls: number;
	/** and/or milliseconds after submit during which the publish stays at status 1 */
	publishPendingMs: number;
	publishOutcome: 0 | 2 | 3 | 4;
	/** null = whitelist off */
	whitelist: string[] | null;
	whitelistAllApis: boolean;
	publishIdAsNumber: boolean;
	followerCount: number;
	/** official doc says 32; a third-party tool uses 64 */
	titleMaxLength: number;
}

export const DEFAULT_CONFIG: WeChatConfig = {
	tokenTtl: 7200,
	classicDailyLimit: 2000,
	forceMinIntervalSeconds: 30,
	forceDailyLimit: 20,
	publishPendingPolls: 2,
	publishPendingMs: 0,
	publishOutcome: 0,
	whitelist: null,
	whitelistAllApis: false,
	publishIdAsNumber: false,
	followerCount: 25000,
	titleMaxLength: 32,
};

/** A business error: answered as HTTP 200 `{errcode, errmsg}`. */
export class WxError extends Error {
	constructor(
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

export function rid(): string {
	const part = () => randomBytes(4).toString('hex');
	return `${part()}-${part()}-${part()}`;
}

export function randomId(length: number): string {
	return randomBytes(Math.ceil((length * 3) / 4) + 1)
		.toString('base64url')
		.slice(0, length);
}

export function ok(ctx: SimContext, payload: unknown): void {
	ctx.log.code = 0;
	ctx.json(200, payload);
}

export function fail(ctx: SimContext, code: number, message: string): void {
	ctx.log.code = code;
	ctx.json(200, { errcode: code, errmsg: `${message} rid: ${rid()}` });
}

/** WeChat quotas roll over at Beijing midnight. */
export function beijingDay(nowMs: number): number {
	return Math.floor((nowMs + 8 * 3600_000) / 86400_000);
}

export function seconds(nowMs: number): number {
	return Math.floor(nowMs / 1000);
}

export interface StoredFile {
	/** on disk (uploads) or in memory (seeds) */
	path?: string;
	data?: Buffer;
	size: number;
	contentType: string;
	filename: string;
	/** only images may appear in article bodies */
	isImage: boolean;
}

export type MaterialType = 'image' | 'voice' | 'video' | 'thumb';

export interface Material {
	mediaId: string;
	type: MaterialType;
	fileId: string;
	name: string;
	updateTime: number;
	title?: string;
	introduction?: string;
}

export interface TempMedia {
	mediaId: string;
	type: MaterialType;
	fileId: string;
	createdAt: number;
}

export interface Article {
	article_type: 'news' | 'newspic';
	title: string;
	author: string;
	digest: string;
	content: string;
	content_source_url: string;
	thumb_media_id: string;
	need_open_comment: number;
	only_fans_can_comment: number;
	pic_crop_235_1?: string;
	pic_crop_1_1?: string;
	image_info?: { image_list: { image_media_id: string }[] };
	cover_info?: unknown;
}

export interface Draft {
	mediaId: string;
	articles: Article[];
	createTime: number;
	updateTime: number;
}

export interface Publish {
	publishId: string;
	msgDataId: number;
	draft: Draft;
	submittedAt: number;
	polls: number;
	pendingPolls: number;
	pendingMs: number;
	outcome: 0 | 2 | 3 | 4;
	/** 1 until settled */
	status: number;
	articleId?: string;
	failIdx: number[];
}

export interface PublishedArticle {
	articleId: string;
	publishId: string;
	items: { article: Article; deleted: boolean }[];
	createTime: number;
	updateTime: number;
}

export interface AppToken {
	value: string;
	kind: 'classic' | 'stable';
	issuedAt: number;
	expiresAt: number;
	/** from this instant the token answers 40001 (superseded, force-refreshed or revoked) */
	invalidFrom?: number;
}

export interface WebUser {
	openid: string;
	unionid: string;
	nickname: string;
	snapshot: boolean;
}

export interface WebToken {
	value: string;
	user: WebUser;
	scope: string;
	expiresAt: number;
}

export interface RefreshToken {
	value: string;
	accessToken: string;
	user: WebUser;
	scope: string;
	expiresAt: number;
}

export interface AuthCode {
	value: string;
	user: WebUser;
	scope: string;
	issuedAt: number;
	used: boolean;
}

export interface WeChatState {
	config: WeChatConfig;
	appTokens: Map<string, AppToken>;
	currentClassic?: AppToken;
	currentStable?: AppToken;
	issued: { classic: number; stable: number; web: number };
	classicQuota: { day: number; count: number };
	force: { day: number; count: number; total: number; lastAt?: number };
	webTokens: Map<string, WebToken>;
	refreshTokens: Map<string, RefreshToken>;
	codes: Map<string, AuthCode>;
	files: Map<string, StoredFile>;
	materials: Map<string, Material>;
	temps: Map<string, TempMedia>;
	drafts: Map<string, Draft>;
	publishes: Map<string, Publish>;
	articles: Map<string, PublishedArticle>;
	nextPublishId: number;
	nextMsgDataId: number;
}

// Deterministic follower openids: index encoded in the id so paging needs no stored list.
export function followerOpenid(index: number): string {
	const hash = createHash('sha256').update(`wxsim-follower-${index}`).digest('base64url').slice(0, 16);
	return `oWxSim${String(index).padStart(6, '0')}${hash}`;
}

export function followerIndex(state: WeChatState, openid: string): number {
	const m = /^oWxSim(\d{6})/.exec(openid);
	if (!m) return -1;
	const index = Number(m[1]);
	return index < state.config.followerCount && followerOpenid(index) === openid ? index : -1;
}

export function unionidFor(openid: string): string {
	return `oUnion${createHash('sha256').update(`wxsim-union-${openid}`).digest('base64url').slice(0, 22)}`;
}

/** The user who clicks "Agree" on the consent page: a follower of the seeded account. */
export function webUser(snapshot: boolean): WebUser {
	if (snapshot) return { openid: 'oWxSnapshotVirtualUser000000', unionid: '', nickname: '微信用户', snapshot: true };
	const openid = followerOpenid(7);
	return { openid, unionid: unionidFor(openid), nickname: '模拟用户', snapshot: false };
}

export function followerInfo(openid: string, index: number) {
	return {
		subscribe: 1,
		openid,
		language: 'zh_CN',
		subscribe_time: 1600000000 + index * 977,
		unionid: unionidFor(openid),
		remark: '',
		groupid: 0,
		tagid_list: [] as number[],
		subscribe_scene: index % 3 === 0 ? 'ADD_SCENE_QR_CODE' : 'ADD_SCENE_SEARCH',
		qr_scene: 0,
		qr_scene_str: '',
	};
}

// Tiny but real files so downloads have valid magic bytes.
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG_STUB = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('\u0000\u0010JFIF\u0000simulator-jpeg'), Buffer.from([0xff, 0xd9])]);
const MP3_STUB = Buffer.concat([Buffer.from('ID3'), Buffer.from([3, 0, 0, 0, 0, 0, 0]), Buffer.alloc(64)]);
const MP4_STUB = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\u0000\u0000\u0002\u0000isommp41'), Buffer.alloc(64)]);

function memFile(data: Buffer, filename: string, contentType: string, isImage: boolean): StoredFile {
	return { data, size: data.length, filename, contentType, isImage };
}

export const SEED = {
	imageMediaIds: ['wxsim_image_0001', 'wxsim_image_0002'],
	thumbMediaId: 'wxsim_thumb_0001',
	voiceMediaId: 'wxsim_voice_0001',
	videoMediaId: 'wxsim_video_0001',
	draftMediaIds: ['wxsim_draft_0001', 'wxsim_draft_0002', 'wxsim_draft_0003'],
	publishId: '100000001',
	articleId: 'wxsim_article_0001',
	/** an image uploaded with media/uploadimg, usable in article content */
	bodyImageFileId: 'wxsim_mmbiz_body_0001',
};

function seedArticle(title: string, thumb: string, content: string, extra: Partial<Article> = {}): Article {
	return {
		article_type: 'news',
		title,
		author: 'MediaX',
		digest: '',
		content,
		content_source_url: '',
		thumb_media_id: thumb,
		need_open_comment: 0,
		only_fans_can_comment: 0,
		...extra,
	};
}

export function seedState(nowMs: number): WeChatState {
	const now = seconds(nowMs);
	const day = beijingDay(nowMs);
	const state: WeChatState = {
		config: { ...DEFAULT_CONFIG },
		appTokens: new Map(),
		issued: { classic: 0, stable: 0, web: 0 },
		classicQuota: { day, count: 0 },
		force: { day, count: 0, total: 0 },
		webTokens: new Map(),
		refreshTokens: new Map(),
		codes: new Map(),
		files: new Map(),
		materials: new Map(),
		temps: new Map(),
		drafts: new Map(),
		publishes: new Map(),
		articles: new Map(),
		nextPublishId: 100000002,
		nextMsgDataId: 2247483651,
	};
	const addMaterial = (mediaId: string, type: MaterialType, file: StoredFile, extra: Partial<Material> = {}) => {
		const fileId = `${mediaId}_file`;
		state.files.set(fileId, file);
		state.materials.set(mediaId, { mediaId, type, fileId, name: file.filename, updateTime: now - 86400 * 10, ...extra });
	};
	addMaterial(SEED.imageMediaIds[0], 'image', memFile(PNG_1X1, 'cover.png', 'image/png', true));
	addMaterial(SEED.imageMediaIds[1], 'image', memFile(JPEG_STUB, 'banner.jpg', 'image/jpeg', true));
	addMaterial(SEED.thumbMediaId, 'thumb', memFile(JPEG_STUB, 'thumb.jpg', 'image/jpeg', true));
	addMaterial(SEED.voiceMediaId, 'voice', memFile(MP3_STUB, 'hello.mp3', 'audio/mpeg', false));
	addMaterial(SEED.videoMediaId, 'video', memFile(MP4_STUB, 'intro.mp4', 'video/mp4', false), { title: '模拟视频', introduction: 'A seeded video material' });
	state.files.set(SEED.bodyImageFileId, memFile(PNG_1X1, 'body.png', 'image/png', true));

	const bodyImg = `<img src="/wechat/mmbiz/${SEED.bodyImageFileId}">`;
	const drafts: Article[][] = [
		[seedArticle('第一篇草稿', SEED.thumbMediaId, `<p>Hello from the simulator.</p>${bodyImg}`, { digest: 'Hello from the simulator.' })],
		[seedArticle('多图文 1', SEED.imageMediaIds[0], '<p>Part one</p>'), seedArticle('多图文 2', SEED.imageMediaIds[1], '<p>Part two</p>')],
		[
			seedArticle('图片消息', '', 'Just pictures', {
				article_type: 'newspic',
				author: '',
				image_info: { image_list: [{ image_media_id: SEED.imageMediaIds[0] }, { image_media_id: SEED.imageMediaIds[1] }] },
			}),
		],
	];
	drafts.forEach((articles, i) => {
		const t = now - 86400 * (5 - i);
		state.drafts.set(SEED.draftMediaIds[i], { mediaId: SEED.draftMediaIds[i], articles, createTime: t, updateTime: t });
	});

	const publishedAt = now - 86400 * 20;
	const published: Draft = { mediaId: 'wxsim_draft_published_0001', articles: [seedArticle('已发布的文章', SEED.thumbMediaId, '<p>Published content</p>')], createTime: publishedAt, updateTime: publishedAt };
	state.publishes.set(SEED.publishId, {
		publishId: SEED.publishId,
		msgDataId: 2247483650,
		draft: published,
		submittedAt: publishedAt * 1000,
		polls: 0,
		pendingPolls: 0,
		pendingMs: 0,
		outcome: 0,
		status: 0,
		articleId: SEED.articleId,
		failIdx: [],
	});
	state.articles.set(SEED.articleId, {
		articleId: SEED.articleId,
		publishId: SEED.publishId,
		items: published.articles.map((article) => ({ article, deleted: false })),
		createTime: publishedAt,
		updateTime: publishedAt,
	});
	return state;
}
