import { randomBytes } from 'node:crypto';

/** Seeded app and user: tests and the node credentials use these. The client secret is also the signing App_Secret. */
export const SIM_BILI_CLIENT_ID = 'sim_bili_client';
export const SIM_BILI_CLIENT_SECRET = 'sim_bili_secret';
export const SIM_BILI_OPENID = 'sim-bili-openid-0001';
export const SIM_BILI_NAME = 'MediaX B站测试UP主';
/** permissions (权限点) the seeded app holds; LIVE_ROOM_DATA needs a separate application and is not granted */
export const BILI_APP_SCOPES = ['USER_INFO', 'ARC_BASE', 'ATC_BASE', 'ATC_DATA'];

/**
 * Business error codes, all answered with HTTP 200. Numbers come from the open platform's published status-code
 * page (其他 → 状态码, open.bilibili.com doc center; mirrored at apifox.com/apidoc/docs-site/1106400/doc-895951):
 * 通用 127200/127201; 视频 127004 client_id验证错误, 127012 鉴权错误, 127100 请求参数错误, 127102 文件类型错误,
 * 127107 稿件已经被删除, 127124 不存在该稿件, 127207 此分区暂不可用; OAuth2 122000 client_id错误,
 * 122001 client_secret错误, 122002 code未找到, 122007 refreshToken不合法, 127000 缺少鉴权参数,
 * 127001 access_token验证错误, 127007 应用无该接口权限, 127009 api请求次数达到上限, 127011 该接口用户未授权,
 * 127022 upload_token验证错误; 专栏 129003 标签错误, 129004 封面图地址错误, 129005 标题含特殊文字或长于40.
 * Entries marked "simulator's" are not on that page; every number can be overridden with
 * `POST /__admin/bilibili/config {"codes": {...}}`.
 */
export const BILIBILI_ERROR_CODES = {
	/** 127100 请求参数错误 */
	paramError: 127100,
	/** 127201 系统繁忙，请稍后再试 */
	serverError: 127201,
	/** simulator's: an article id or other object that does not exist (the 专栏 codes past 129005 are not known) */
	notFound: -404,
	/** 127000 缺少鉴权参数: a signature header or the access-token is missing */
	authMissing: 127000,
	/** 127001 access_token验证错误 (the page has one code for unknown, revoked and expired tokens) */
	tokenInvalid: 127001,
	tokenExpired: 127001,
	/** 127012 鉴权错误: signature, Content-Type, content MD5, timestamp window or nonce rejected */
	signatureInvalid: 127012,
	timestampExpired: 127012,
	nonceReplayed: 127012,
	/** 127004 client_id验证错误: unknown x-bili-accesskeyid, or not the client the access token was issued to */
	accessKeyMismatch: 127004,
	/** 127007 应用无该接口权限: the app does not hold the permission */
	noPermission: 127007,
	/** 127011 该接口用户未授权: the app holds it, the user did not tick it */
	userNotGranted: 127011,
	/** 127009 api请求次数达到上限 */
	rateLimited: 127009,
	/** simulator's: non-formal members may submit 5 archives a day (the limit is documented, its code is not) */
	dailySubmitLimit: 127010,
	/** 122000 client_id错误 (token endpoint) */
	clientInvalid: 122000,
	/** 122001 client_secret 错误 (token endpoint) */
	clientSecretInvalid: 122001,
	/** 122002 code未找到: unknown, used or expired code */
	authCodeInvalid: 122002,
	/** 122007 refreshToken不合法: unknown, used or expired refresh token */
	refreshTokenInvalid: 122007,
	/** 127022 upload_token验证错误 */
	uploadTokenInvalid: 127022,
	/** 127102 文件类型错误 */
	fileTypeInvalid: 127102,
	/** 127107 稿件已经被删除 */
	archiveDeleted: 127107,
	/** 127124 不存在该稿件 */
	archiveNotFound: 127124,
	/** 127207 此分区暂不可用 */
	partitionUnavailable: 127207,
	/** simulator's (a third-party client's code): title not allowed */
	titleInvalid: 123013,
	/** simulator's (a third-party client's code): archive locked while processing, retry in 10 s */
	archiveProcessing: 123028,
	/** 129003 标签错误 */
	articleTagInvalid: 129003,
	/** 129004 封面图地址错误 */
	articleCoverInvalid: 129004,
	/** 129005 专栏标题含有特殊文字或者标题长度大于40 */
	articleTitleInvalid: 129005,
};
export type BiliErrorName = keyof typeof BILIBILI_ERROR_CODES;

export interface BiliConfig {
	/** seconds; ~30 days per a third-party README (unverified) */
	accessTokenTtl: number;
	/** seconds (unverified) */
	refreshTokenTtl: number;
	codeTtl: number;
	/** refresh returns a new refresh_token and the presented one stops working */
	refreshRotatesRefreshToken: boolean;
	/** refresh also invalidates the access token issued before it */
	refreshInvalidatesOldAccessToken: boolean;
	/** verify x-bili-* headers and the HMAC-SHA256 Authorization on member-host APIs */
	signatureChecks: boolean;
	/** allowed |server time − x-bili-timestamp|, seconds */
	timestampWindowSeconds: number;
	/** how long a nonce is remembered for replay detection, seconds */
	nonceTtlSeconds: number;
	/** accept x-bili-signature-version 1.0 (older clients) with the same algorithm */
	acceptSignatureV1: boolean;
	/** seconds a submitted or edited archive / article stays in review before it opens (state 0) */
	reviewDelaySeconds: number;
	/** seconds after submit or edit during which edit/delete answer 123028 */
	processingLockSeconds: number;
	/** archive submissions per user per (Asia/Shanghai) day */
	dailySubmitCap: number;
	/** bytes */
	smallUploadLimit: number;
	maxFileSize: number;
	coverMaxBytes: number;
	articleImageMaxBytes: number;
	/** permissions a consent grants */
	appScopes: string[];
	/** overrides of BILIBILI_ERROR_CODES */
	codes: Partial<Record<BiliErrorName, number>>;
}

export const DEFAULT_BILI_CONFIG: BiliConfig = {
	accessTokenTtl: 30 * 86400,
	refreshTokenTtl: 60 * 86400,
	codeTtl: 600,
	refreshRotatesRefreshToken: true,
	refreshInvalidatesOldAccessToken: true,
	signatureChecks: true,
	// 签名实现标准: a timestamp more than 10 minutes off is discarded
	timestampWindowSeconds: 600,
	nonceTtlSeconds: 900,
	acceptSignatureV1: true,
	reviewDelaySeconds: 60,
	processingLockSeconds: 10,
	dailySubmitCap: 5,
	smallUploadLimit: 100 * 1024 * 1024,
	maxFileSize: 4 * 1024 * 1024 * 1024,
	coverMaxBytes: 5 * 1024 * 1024,
	articleImageMaxBytes: 5 * 1024 * 1024,
	appScopes: [...BILI_APP_SCOPES],
	codes: {},
};

export interface BiliGrant {
	id: number;
	openid: string;
	clientId: string;
	scopes: string[];
	accessToken: string;
	refreshToken: string;
}
export interface BiliToken {
	token: string;
	grant: BiliGrant;
	expiresAt: number;
	invalid: boolean;
}
export interface BiliCode {
	code: string;
	clientId: string;
	scopes: string[];
	expiresAt: number;
	used: boolean;
}
export interface UploadPart {
	size: number;
	sha256: string;
	path: string;
	etag: string;
}
export interface UploadSession {
	uploadToken: string;
	openid: string;
	name: string;
	utype: 0 | 1;
	createdAt: number;
	parts: Map<number, UploadPart>;
	completed: boolean;
	via?: 'parts' | 'small';
	size?: number;
	sha256?: string;
	usedBy?: string;
}
export interface Archive {
	resourceId: string;
	openid: string;
	title: string;
	cover: string;
	tid: number;
	tag: string;
	desc: string;
	copyright: number;
	source: string;
	noReprint: number;
	/** ms */
	ctime: number;
	ptime?: number;
	/** 0 开放浏览, -30 审核中, -2 已打回, -100 已删除 */
	state: number;
	rejectReason: string;
	reviewAt?: number;
	lockedUntil: number;
	deleted: boolean;
	filename: string;
	cid: number;
	duration: number;
	submittedAt: number;
	origin: 'seed' | 'submitted';
}
export interface Article {
	id: number;
	openid: string;
	title: string;
	category: number;
	templateId: number;
	summary: string;
	content: string;
	bannerUrl: string;
	topVideoBvid: string;
	imageUrls: string[];
	tags: string[];
	original: number;
	listId: number;
	upClosedReply: number;
	/** 1 审核中, 2 已通过, 3 未通过 (the list `group` values) */
	group: number;
	reviewAt?: number;
	ctime: number;
	ptime?: number;
	deleted: boolean;
}
export interface StoredImage {
	url: string;
	size: number;
	sha256: string;
	contentType: string;
	kind: 'cover' | 'article';
}

export interface Partition {
	id: number;
	name: string;
	description: string;
	parent: number;
	children?: Partition[];
}

const p = (id: number, name: string, parent: number, description: string, children?: Partition[]): Partition => ({ id, name, description, parent, ...(children ? { children } : {}) });
export const PARTITIONS: Partition[] = [
	p(1, '动画', 0, '二次元相关的视频', [p(24, 'MAD·AMV', 1, '具有一定制作程度的动画或静画的二次创作视频'), p(25, 'MMD·3D', 1, '使用MMD和其他3D软件制作的视频'), p(27, '综合', 1, '以动画为主要内容的综合视频')]),
	p(160, '生活', 0, '生活相关的视频', [p(21, '日常', 160, '一般日常向的生活类视频'), p(138, '搞笑', 160, '搞笑的、轻松有趣的视频')]),
	p(36, '知识', 0, '知识分享', [p(201, '科学科普', 36, '以自然科学或基于自然科学思维为主的知识内容'), p(122, '野生技术协会', 36, '技能展示或技能教学分享类视频')]),
	p(188, '科技', 0, '科技相关的视频', [p(95, '数码', 188, '数码产品评测、使用技巧等'), p(230, '软件应用', 188, '软件介绍、教程等')]),
];
export const LEAF_PARTITION_IDS = new Set(PARTITIONS.flatMap((x) => (x.children ?? []).map((c) => c.id)));
export const PARENT_PARTITION_IDS = new Set(PARTITIONS.map((x) => x.id));

export interface ArticleCategory {
	id: number;
	parent_id: number;
	name: string;
	children?: ArticleCategory[];
}
const c = (id: number, parent_id: number, name: string, children?: ArticleCategory[]): ArticleCategory => ({ id, parent_id, name, ...(children ? { children } : {}) });
export const ARTICLE_CATEGORIES: ArticleCategory[] = [
	c(2, 0, '动画', [c(4, 2, '动漫杂谈'), c(5, 2, '动漫资讯')]),
	c(17, 0, '科技', [c(41, 17, '数码'), c(42, 17, '软件应用')]),
	c(3, 0, '生活', [c(15, 3, '日常'), c(16, 3, '美食')]),
];
export const LEAF_ARTICLE_CATEGORY_IDS = new Set(ARTICLE_CATEGORIES.flatMap((x) => (x.children ?? []).map((y) => y.id)));

/** deterministic pseudo-random integer in [min, max] from a string seed (FNV-1a) */
export function seeded(seed: string, min: number, max: number): number {
	let h = 2166136261;
	for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
	return min + (h % (max - min + 1));
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** BV ids look like BV1 + 9 base58 characters */
export function bvid(n: number): string {
	let s = '';
	let x = seeded(`bv${n}`, 0, 2 ** 31) * 4096 + n;
	for (let i = 0; i < 9; i++) {
		s += BASE58[x % 58];
		x = Math.floor(x / 58) + seeded(`bv${n}:${i}`, 0, 57);
	}
	return `BV1${s}`;
}

export function hexToken(bytes = 16): string {
	return randomBytes(bytes).toString('hex');
}

const SEED_TIME = Date.UTC(2025, 0, 10, 4, 0, 0);

export class BiliStore {
	config: BiliConfig = { ...DEFAULT_BILI_CONFIG, appScopes: [...BILI_APP_SCOPES], codes: {} };
	grantSeq = 0;
	authCodes = new Map<string, BiliCode>();
	accessTokens = new Map<string, BiliToken>();
	refreshTokens = new Map<string, BiliToken>();
	/** nonce → remembered until (ms) */
	nonces = new Map<string, number>();
	issued = { code: 0, exchange: 0, refresh: 0, shortcut: 0 };
	uploads = new Map<string, UploadSession>();
	archives: Archive[] = [];
	articles: Article[] = [];
	images: StoredImage[] = [];
	archiveSeq = 100;
	articleSeq = 5000100;
	cidSeq = 300000100;

	constructor() {
		this.seed();
	}

	code(name: BiliErrorName): number {
		return this.config.codes[name] ?? BILIBILI_ERROR_CODES[name];
	}

	issueCode(clientId: string, scopes: string[], now: number): BiliCode {
		const code: BiliCode = { code: hexToken(16), clientId, scopes, expiresAt: now + this.config.codeTtl * 1000, used: false };
		this.authCodes.set(code.code, code);
		this.issued.code++;
		return code;
	}

	newGrant(openid: string, clientId: string, scopes: string[], now: number): BiliGrant {
		const grant: BiliGrant = { id: ++this.grantSeq, openid, clientId, scopes, accessToken: '', refreshToken: '' };
		this.issueAccess(grant, now);
		this.issueRefresh(grant, now);
		return grant;
	}

	issueAccess(grant: BiliGrant, now: number): void {
		const token: BiliToken = { token: hexToken(16), grant, expiresAt: now + this.config.accessTokenTtl * 1000, invalid: false };
		this.accessTokens.set(token.token, token);
		grant.accessToken = token.token;
	}

	issueRefresh(grant: BiliGrant, now: number): void {
		// 32 alphanumerics like the documented sample
		const token: BiliToken = { token: randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 32).padEnd(32, 'x'), grant, expiresAt: now + this.config.refreshTokenTtl * 1000, invalid: false };
		this.refreshTokens.set(token.token, token);
		grant.refreshToken = token.token;
	}

	/** the token `data` block; expires_in is an absolute Unix timestamp in seconds */
	tokenData(grant: BiliGrant): Record<string, unknown> {
		const access = this.accessTokens.get(grant.accessToken)!;
		return { access_token: access.token, expires_in: Math.floor(access.expiresAt / 1000), refresh_token: grant.refreshToken, scopes: [...grant.scopes] };
	}

	/** moves archives and articles whose review delay has passed into the open state */
	advanceReview(now: number): void {
		for (const a of this.archives)
			if (a.state === -30 && a.reviewAt !== undefined && now >= a.reviewAt) {
				a.state = 0;
				a.ptime ??= a.reviewAt;
				a.reviewAt = undefined;
			}
		for (const a of this.articles)
			if (a.group === 1 && a.reviewAt !== undefined && now >= a.reviewAt) {
				a.group = 2;
				a.ptime ??= a.reviewAt;
				a.reviewAt = undefined;
			}
	}

	private seed(): void {
		const seedArchive = (i: number, title: string, tid: number, state: number, rejectReason = ''): Archive => {
			const ctime = SEED_TIME + i * 86_400_000;
			return {
				resourceId: bvid(i),
				openid: SIM_BILI_OPENID,
				title,
				cover: `https://archive.biliimg.com/bfs/archive/sim-cover-${i}.jpg`,
				tid,
				tag: '模拟,测试',
				desc: `模拟稿件 ${i}`,
				copyright: 1,
				source: '',
				noReprint: 0,
				ctime,
				ptime: state === 0 ? ctime + 600_000 : undefined,
				state,
				rejectReason,
				lockedUntil: 0,
				deleted: false,
				filename: `sim-video-${i}`,
				cid: 300000000 + i,
				duration: seeded(`dur${i}`, 30, 900),
				submittedAt: ctime,
				origin: 'seed',
			};
		};
		this.archives.push(seedArchive(1, 'MediaX 模拟稿件：第一期', 21, 0), seedArchive(2, 'MediaX 模拟稿件：开箱', 95, 0), seedArchive(3, 'MediaX 模拟稿件：被打回的一期', 138, -2, '标题与内容不符'));
		const seedArticle = (id: number, title: string, group: number): Article => ({
			id,
			openid: SIM_BILI_OPENID,
			title,
			category: 41,
			templateId: 4,
			summary: `${title} 摘要`,
			content: `<p>${'模拟专栏正文。'.repeat(40)}</p>`,
			bannerUrl: 'https://i0.hdslb.com/bfs/article/sim-banner.jpg',
			topVideoBvid: '',
			imageUrls: [],
			tags: ['模拟'],
			original: 1,
			listId: 0,
			upClosedReply: 0,
			group,
			ctime: SEED_TIME + (id % 100) * 86_400_000,
			ptime: group === 2 ? SEED_TIME + (id % 100) * 86_400_000 + 600_000 : undefined,
			deleted: false,
		});
		this.articles.push(seedArticle(5000001, '模拟专栏：数码评测', 2), seedArticle(5000002, '模拟专栏：使用心得', 2));
	}
}
