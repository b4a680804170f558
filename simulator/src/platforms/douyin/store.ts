import { randomBytes } from 'node:crypto';

/** Seeded app and account: the tests and the n8n node credentials use these. */
export const SIM_CLIENT_KEY = 'sim_douyin_key';
export const SIM_CLIENT_SECRET = 'sim_douyin_secret';
export const SIM_OPEN_ID = 'sim-open-id-0001';
export const SIM_UNION_ID = 'sim-union-id-0001';
export const SIM_NICKNAME = 'MediaX 测试账号';
/** a second account that follows the seeded user (for /fans/check/) */
export const SIM_FOLLOWER_OPEN_ID = 'sim-open-id-0002';

/** Scopes granted by `issue-user-token` when none are asked for. */
export const ALL_SCOPES = [
	'user_info',
	'video.list.bind',
	'video.create.bind',
	'video.data.bind',
	'video.delete',
	'item.comment',
	'data.external.user',
	'data.external.item',
	'fans.data.bind',
	'fans.check',
];
/** what the consent page accepts; anything else is an invalid scope, as on the real page */
export const KNOWN_SCOPES = new Set([...ALL_SCOPES, 'fans.list', 'following.list', 'mobile_alert', 'im.direct_message', 'trial.whitelist']);

export interface DouyinConfig {
	/** seconds */
	accessTokenTtl: number;
	refreshTokenTtl: number;
	clientTokenTtl: number;
	codeTtl: number;
	/** the app holds the renew_refresh_token permission */
	renewPermission: boolean;
	/** serialise numbers inside `data` as strings, as some doc examples do */
	numbersAsStrings: boolean;
	/** simulated time a created video spends under review (video_status 4) */
	reviewDelayMs: number;
	/** bytes; larger single uploads get the gateway's 413 HTML page */
	singleUploadLimit: number;
	/** bytes; every chunked part except the last must be at least this big */
	minPartSize: number;
	/** client_token issues allowed per 5 minutes */
	clientTokenRateLimit: number;
	maxRenewals: number;
	/** seconds an upload_id stays usable */
	uploadIdTtl: number;
}

export const DEFAULT_CONFIG: DouyinConfig = {
	accessTokenTtl: 15 * 86400,
	refreshTokenTtl: 30 * 86400,
	clientTokenTtl: 7200,
	codeTtl: 600,
	renewPermission: true,
	numbersAsStrings: false,
	reviewDelayMs: 30_000,
	singleUploadLimit: 128 * 1024 * 1024,
	minPartSize: 5 * 1024 * 1024,
	clientTokenRateLimit: 500,
	maxRenewals: 5,
	uploadIdTtl: 7200,
};

/** One user authorisation: the access and refresh tokens it has produced hang off it. */
export interface Grant {
	id: number;
	openId: string;
	scopes: string[];
	renewals: number;
	accessToken: string;
	refreshToken: string;
}
export interface UserToken {
	token: string;
	grant: Grant;
	expiresAt: number;
	revoked: boolean;
}
export interface RefreshToken {
	token: string;
	grant: Grant;
	expiresAt: number;
	/** replaced by a renewal (or revoked by admin) */
	invalid: boolean;
}
export interface AuthCode {
	code: string;
	openId: string;
	scopes: string[];
	expiresAt: number;
	used: boolean;
}
export interface ClientToken {
	token: string;
	issuedAt: number;
	expiresAt: number;
	/** set when a newer token was issued: the 5-minute grace period */
	graceUntil?: number;
	revoked: boolean;
}
export interface Statistics {
	digg_count: number;
	comment_count: number;
	share_count: number;
	download_count: number;
	forward_count: number;
	play_count: number;
}
export interface Video {
	itemId: string;
	videoId: string;
	title: string;
	cover: string;
	/** also the list cursor (platform cursors are ms timestamps), unique per video */
	createTimeMs: number;
	isTop: boolean;
	/** 2 image set, 4 video */
	mediaType: number;
	status: number;
	reviewed: boolean;
	/** created videos leave review (status 4) at this simulated time */
	reviewAt?: number;
	statistics: Statistics;
	origin: 'seed' | 'created';
}
export interface Comment {
	commentId: string;
	itemId: string;
	parentId?: string;
	userId: string;
	nickName: string;
	content: string;
	createTime: number;
	diggCount: number;
	top: boolean;
	replies: Comment[];
}
export interface StoredVideoFile {
	videoId: string;
	size: number;
	sha256: string;
	filename: string;
	via: 'single' | 'chunked';
	parts?: number;
	usedByItemId?: string;
}
export interface UploadPart {
	size: number;
	sha256: string;
	path: string;
}
export interface UploadSession {
	uploadId: string;
	createdAt: number;
	parts: Map<number, UploadPart>;
	completedVideoId?: string;
}
export interface StoredImage {
	imageId: string;
	size: number;
	sha256: string;
	width: number;
	height: number;
}

export function randomId(bytes = 16): string {
	return randomBytes(bytes).toString('hex');
}
/** base64-ish ids with + / = so callers must URL-encode them, as with the real encrypted ids */
export function encryptedId(prefix: string): string {
	return prefix + randomBytes(15).toString('base64');
}

/** deterministic pseudo-random integer in [min, max] from a string seed */
export function seeded(seed: string, min: number, max: number): number {
	let h = 2166136261;
	for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
	return min + (h % (max - min + 1));
}

const SEED_BASE_MS = Date.UTC(2025, 0, 1, 4, 0, 0);
export const SEED_VIDEO_COUNT = 45;

function seedItemId(i: number): string {
	// fixed, readable, but with + and / like real encrypted item ids
	return `@9VwSim${String(i).padStart(4, '0')}+Ab/Q==`;
}

export class DouyinStore {
	config: DouyinConfig = { ...DEFAULT_CONFIG };
	grantSeq = 0;
	codes = new Map<string, AuthCode>();
	userTokens = new Map<string, UserToken>();
	refreshTokens = new Map<string, RefreshToken>();
	clientTokens: ClientToken[] = [];
	/** issue times of client tokens, for the 500-per-5-minutes limit */
	clientTokenIssues: number[] = [];
	issued = { code: 0, user: 0, refresh: 0, renew: 0, client: 0 };
	videos: Video[] = [];
	comments = new Map<string, Comment[]>();
	videoFiles = new Map<string, StoredVideoFile>();
	uploadSessions = new Map<string, UploadSession>();
	images = new Map<string, StoredImage>();
	repliedComments: { itemId: string; commentId: string; parentId?: string; content: string }[] = [];
	followers = new Map<string, number>([[SIM_FOLLOWER_OPEN_ID, Math.floor(SEED_BASE_MS / 1000) - 86400 * 90]]);

	constructor() {
		this.seed();
	}

	private seed(): void {
		for (let i = 1; i <= SEED_VIDEO_COUNT; i++) {
			const itemId = seedItemId(i);
			const video: Video = {
				itemId,
				videoId: `v0200fsim${String(i).padStart(4, '0')}`,
				title: `MediaX 测试视频 #${i}`,
				cover: `https://p3-sim.douyinpic.com/obj/cover-${i}.jpeg`,
				createTimeMs: SEED_BASE_MS + i * 86_400_000 + i * 1000,
				isTop: i === 40,
				mediaType: i % 9 === 0 ? 2 : 4,
				status: i === 7 ? 2 : i % 5 === 0 ? 5 : 1,
				reviewed: true,
				statistics: {
					digg_count: seeded(`digg${i}`, 10, 5000),
					comment_count: 0,
					share_count: seeded(`share${i}`, 0, 300),
					download_count: seeded(`dl${i}`, 0, 80),
					forward_count: seeded(`fw${i}`, 0, 120),
					play_count: seeded(`play${i}`, 500, 200000),
				},
				origin: 'seed',
			};
			this.videos.push(video);
			// comments on a few videos: the newest three and one further back
			const commentCount = i === 45 ? 25 : i === 44 ? 5 : i === 43 ? 2 : i === 10 ? 3 : 0;
			const list: Comment[] = [];
			for (let j = 1; j <= commentCount; j++) {
				const comment: Comment = {
					commentId: `@sim-cmt-${i}-${j}`,
					itemId,
					userId: `sim-fan-${seeded(`u${i}-${j}`, 1, 50)}`,
					nickName: `粉丝${seeded(`u${i}-${j}`, 1, 50)}`,
					content: `评论 ${j}：好看！`,
					createTime: Math.floor(video.createTimeMs / 1000) + j * 60,
					diggCount: seeded(`cd${i}-${j}`, 0, 100),
					top: false,
					replies: [],
				};
				if (j % 3 === 0) {
					for (let k = 1; k <= 2; k++) {
						comment.replies.push({
							commentId: `@sim-cmt-${i}-${j}-r${k}`,
							itemId,
							parentId: comment.commentId,
							userId: `sim-fan-${k}`,
							nickName: `粉丝${k}`,
							content: `回复 ${k}`,
							createTime: comment.createTime + k * 30,
							diggCount: k,
							top: false,
							replies: [],
						});
					}
				}
				list.push(comment);
			}
			if (list.length) this.comments.set(itemId, list);
			video.statistics.comment_count = list.length;
		}
	}

	/** videos of the account, newest first, with review states advanced to `now` */
	listVideos(now: number): Video[] {
		for (const v of this.videos) this.advanceReview(v, now);
		return [...this.videos].sort((a, b) => b.createTimeMs - a.createTimeMs);
	}

	advanceReview(video: Video, now: number): void {
		if (video.reviewAt !== undefined && video.status === 4 && now >= video.reviewAt) {
			video.status = 1;
			video.reviewed = true;
		}
	}

	findVideo(idOrItem: { itemId?: string; videoId?: string }): Video | undefined {
		return this.videos.find((v) => (idOrItem.itemId !== undefined && v.itemId === idOrItem.itemId) || (idOrItem.videoId !== undefined && v.videoId === idOrItem.videoId));
	}

	/** a cursor (ms timestamp) that no other video already uses */
	uniqueCreateTime(now: number): number {
		let t = now;
		while (this.videos.some((v) => v.createTimeMs === t)) t++;
		return t;
	}

	issueCode(openId: string, scopes: string[], now: number): AuthCode {
		const code: AuthCode = { code: randomId(16), openId, scopes, expiresAt: now + this.config.codeTtl * 1000, used: false };
		this.codes.set(code.code, code);
		this.issued.code++;
		return code;
	}

	newGrant(openId: string, scopes: string[], now: number): { grant: Grant; access: UserToken; refresh: RefreshToken } {
		const grant: Grant = { id: ++this.grantSeq, openId, scopes, renewals: 0, accessToken: '', refreshToken: '' };
		const access = this.issueAccessToken(grant, now);
		const refresh = this.issueRefreshToken(grant, now);
		return { grant, access, refresh };
	}

	issueAccessToken(grant: Grant, now: number): UserToken {
		const token: UserToken = { token: `act.${randomId(24)}`, grant, expiresAt: now + this.config.accessTokenTtl * 1000, revoked: false };
		this.userTokens.set(token.token, token);
		grant.accessToken = token.token;
		this.issued.user++;
		return token;
	}

	issueRefreshToken(grant: Grant, now: number): RefreshToken {
		const token: RefreshToken = { token: `rft.${randomId(24)}`, grant, expiresAt: now + this.config.refreshTokenTtl * 1000, invalid: false };
		this.refreshTokens.set(token.token, token);
		grant.refreshToken = token.token;
		this.issued.refresh++;
		return token;
	}

	/** Issues a client token: the previous newest keeps a 5-minute grace, anything older dies at once. */
	issueClientToken(now: number): ClientToken {
		const token: ClientToken = { token: `clt.${randomId(24)}`, issuedAt: now, expiresAt: now + this.config.clientTokenTtl * 1000, revoked: false };
		const previous = this.clientTokens[this.clientTokens.length - 1];
		if (previous && previous.graceUntil === undefined) previous.graceUntil = Math.min(previous.expiresAt, now + 300_000);
		this.clientTokens.push(token);
		// only the newest two stay valid
		this.clientTokens = this.clientTokens.slice(-2);
		this.clientTokenIssues.push(now);
		this.issued.client++;
		return token;
	}

	clientTokenState(token: string, now: number): 'valid' | 'expired' | 'invalid' {
		const t = this.clientTokens.find((c) => c.token === token);
		if (!t || t.revoked) return 'invalid';
		if (t.graceUntil !== undefined && now >= t.graceUntil) return 'invalid';
		if (now >= t.expiresAt) return 'expired';
		return 'valid';
	}
}
