import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** Seeded OAuth client, account, service account and API key: tests and the credentials use these. */
export const SIM_CLIENT_ID = 'sim-google-client.apps.googleusercontent.com';
export const SIM_CLIENT_SECRET = 'sim_google_secret';
export const SIM_API_KEY = 'sim-google-api-key';
export const SIM_USER_EMAIL = 'sim.creator@sim-workspace.example';
export const SIM_USER_SUB = '110000000000000000001';
export const SIM_CHANNEL_ID = 'UCsim0000000000000000001';
export const SIM_UPLOADS_PLAYLIST_ID = 'UUsim0000000000000000001';
export const OTHER_CHANNEL_ID = 'UCsim0000000000000000002';
export const SIM_SERVICE_ACCOUNT_EMAIL = 'mediax-sim@sim-project.iam.gserviceaccount.com';
export const SIM_SERVICE_ACCOUNT_CLIENT_ID = '100000000000000000042';
export const SIM_PROJECT_ID = 'sim-project';
export const SIM_BLOG_ID = '1000000000000000001';
export const SIM_BLOG_URL = 'https://sim-blog.blogspot.com/';
export const SIM_SECOND_BLOG_ID = '1000000000000000002';
export const SIM_BLOGGER_USER_ID = '2000000000000000001';
/** the token URI the real Google key files carry; also accepted as JWT `aud` */
export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

export const SCOPE = {
	youtube: 'https://www.googleapis.com/auth/youtube',
	youtubeReadonly: 'https://www.googleapis.com/auth/youtube.readonly',
	youtubeUpload: 'https://www.googleapis.com/auth/youtube.upload',
	youtubeForceSsl: 'https://www.googleapis.com/auth/youtube.force-ssl',
	youtubePartner: 'https://www.googleapis.com/auth/youtubepartner',
	youtubePartnerAudit: 'https://www.googleapis.com/auth/youtubepartner-channel-audit',
	blogger: 'https://www.googleapis.com/auth/blogger',
	bloggerReadonly: 'https://www.googleapis.com/auth/blogger.readonly',
} as const;

export const ALL_SCOPES: string[] = Object.values(SCOPE);
/** what the consent page accepts besides the YouTube/Blogger scopes */
export const KNOWN_SCOPES = new Set<string>([...ALL_SCOPES, 'openid', 'email', 'profile', 'https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/userinfo.profile']);

export interface GoogleConfig {
	/** seconds; Google answers 3599 */
	accessTokenTtl: number;
	/** seconds an authorization code stays usable */
	codeTtl: number;
	/** YouTube units per day (classic model) or units for "all other endpoints" (bucket model) */
	quotaPerDay: number;
	/** 'classic': search 100 / insert 1600 units; 'buckets': search.list and videos.insert have their own 100-call buckets */
	quotaModel: 'classic' | 'buckets';
	searchCallsPerDay: number;
	insertCallsPerDay: number;
	/** the service account may impersonate (`sub`) the seeded user */
	allowDelegation: boolean;
	/** bytes; every non-final resumable chunk must be a multiple of this */
	chunkGranularity: number;
	/** one-shot: the next resumable chunk persists one granule fewer than it carried */
	persistFewerBytes: boolean;
	/** seconds an upload session URI stays valid (Google: about a week) */
	sessionTtlSeconds: number;
	/** 201 or 200 when the last byte arrives */
	uploadCompletionStatus: number;
	/** uploads from an unaudited project are locked to private */
	unverifiedProject: boolean;
	/** clamp maxResults to the method's range instead of answering invalidParameter */
	clampMaxResults: boolean;
	/** the channel may set custom thumbnails (phone-verified) */
	customThumbnailsAllowed: boolean;
	/** clock skew tolerated on JWT iat/exp, seconds */
	jwtSkewSeconds: number;
}

export const DEFAULT_CONFIG: GoogleConfig = {
	accessTokenTtl: 3599,
	codeTtl: 600,
	quotaPerDay: 10_000,
	quotaModel: 'classic',
	searchCallsPerDay: 100,
	insertCallsPerDay: 100,
	allowDelegation: true,
	chunkGranularity: 262_144,
	persistFewerBytes: false,
	sessionTtlSeconds: 7 * 86400,
	uploadCompletionStatus: 201,
	unverifiedProject: false,
	clampMaxResults: false,
	customThumbnailsAllowed: true,
	jwtSkewSeconds: 300,
};

export type TokenKind = 'user' | 'service-account' | 'api-key' | 'unknown';

export interface AccessToken {
	token: string;
	kind: 'user' | 'service-account';
	scopes: string[];
	expiresAt: number;
	revoked: boolean;
	/** the refresh token it came from, so revoking that kills it too */
	refreshToken?: string;
	/** service account tokens: the impersonated user (domain-wide delegation) */
	subject?: string;
	clientId: string;
}

export interface RefreshToken {
	token: string;
	scopes: string[];
	clientId: string;
	revoked: boolean;
	issuedAt: number;
}

export interface AuthCode {
	code: string;
	scopes: string[];
	redirectUri: string;
	clientId: string;
	expiresAt: number;
	used: boolean;
	issueRefreshToken: boolean;
	codeChallenge?: string;
	codeChallengeMethod?: string;
}

/** an authorize request waiting for the user's click */
export interface PendingConsent {
	id: string;
	clientId: string;
	redirectUri: string;
	scopes: string[];
	state?: string;
	accessType: string;
	prompt: string[];
	codeChallenge?: string;
	codeChallengeMethod?: string;
}

export interface UploadRange {
	contentRange: string;
	bytesReceived: number;
	persistedAfter: number;
	status: number;
	note?: string;
}

export interface UploadSession {
	id: string;
	kind: 'video' | 'caption' | 'thumbnail';
	createdAt: number;
	/** X-Upload-Content-Length, when the client declared it */
	declaredLength?: number;
	declaredType?: string;
	metadata: Record<string, any>;
	parts: string[];
	/** query of the initiate call, kept for the session URI and the result */
	query: Record<string, string>;
	dataPath: string;
	persisted: number;
	/** total learnt from Content-Range */
	total?: number;
	ranges: UploadRange[];
	sha256?: string;
	resultId?: string;
	completedAt?: number;
}

export interface Video {
	id: string;
	channelId: string;
	snippet: Record<string, any>;
	status: Record<string, any>;
	statistics: { viewCount: number; likeCount: number; commentCount: number; favoriteCount: number };
	contentDetails: { duration: string; definition: string; caption: string };
	recordingDetails?: Record<string, any>;
	upload?: { size: number; sha256: string; mimeType: string };
	thumbnail?: { size: number; sha256: string; mimeType: string };
}

export interface Playlist {
	id: string;
	channelId: string;
	snippet: Record<string, any>;
	status: { privacyStatus: string };
	items: PlaylistItem[];
}

export interface PlaylistItem {
	id: string;
	playlistId: string;
	videoId: string;
	note?: string;
	addedAt: number;
}

export interface YtComment {
	id: string;
	videoId: string;
	channelId: string;
	parentId?: string;
	authorChannelId: string;
	authorDisplayName: string;
	text: string;
	moderationStatus: 'published' | 'heldForReview' | 'likelySpam' | 'rejected';
	likeCount: number;
	publishedAt: number;
	updatedAt: number;
}

export interface Caption {
	id: string;
	videoId: string;
	language: string;
	name: string;
	isDraft: boolean;
	format: string;
	content: string;
	updatedAt: number;
}

export interface Channel {
	id: string;
	title: string;
	description: string;
	customUrl: string;
	publishedAt: number;
	country: string;
	keywords: string;
	bannerExternalUrl?: string;
	subscriberCount: number;
}

export interface BlogPost {
	id: string;
	blogId: string;
	title: string;
	content: string;
	labels: string[];
	status: 'LIVE' | 'DRAFT' | 'SCHEDULED';
	published: number;
	updated: number;
	/** permalink path, e.g. /2024/01/post-1.html */
	path: string;
	customMetaData?: string;
	location?: Record<string, any>;
}

export interface BlogPage {
	id: string;
	blogId: string;
	title: string;
	content: string;
	status: 'LIVE' | 'DRAFT';
	published: number;
	updated: number;
	path: string;
}

export interface BlogComment {
	id: string;
	blogId: string;
	postId: string;
	inReplyTo?: string;
	content: string;
	authorName: string;
	status: 'LIVE' | 'PENDING' | 'SPAM' | 'EMPTIED';
	published: number;
	updated: number;
}

export interface Blog {
	id: string;
	name: string;
	description: string;
	url: string;
	published: number;
	updated: number;
	ownerUserId: string;
}

export const VIDEO_CATEGORIES: Record<string, string> = {
	'1': 'Film & Animation',
	'2': 'Autos & Vehicles',
	'10': 'Music',
	'15': 'Pets & Animals',
	'17': 'Sports',
	'19': 'Travel & Events',
	'20': 'Gaming',
	'22': 'People & Blogs',
	'23': 'Comedy',
	'24': 'Entertainment',
	'25': 'News & Politics',
	'26': 'Howto & Style',
	'27': 'Education',
	'28': 'Science & Technology',
};

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export function youtubeId(length = 11): string {
	const bytes = randomBytes(length);
	let id = '';
	for (const b of bytes) id += ID_ALPHABET[b & 63];
	return id;
}

export function etag(value: unknown): string {
	return createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 27);
}

/** The RSA key pair of the seeded service account; generated once per process (2048-bit keygen costs ~100 ms). */
let serviceAccountKeys: { privateKeyPem: string; publicKey: KeyObject; keyId: string } | undefined;
export function serviceAccountKey() {
	if (!serviceAccountKeys) {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		serviceAccountKeys = {
			privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
			publicKey,
			keyId: randomBytes(20).toString('hex'),
		};
	}
	return serviceAccountKeys;
}

const DAY = 86_400_000;
const TOPICS = ['n8n automation', 'Cooking pasta', 'Travel vlog Kyoto', 'Guitar lesson', 'TypeScript tips', 'Home studio setup', 'Drone footage', 'Street food tour', 'Morning routine', 'Unboxing camera'];
const CATEGORY_IDS = ['22', '26', '27', '28', '10', '19'];

export class GoogleStore {
	config: GoogleConfig = { ...DEFAULT_CONFIG };
	accessTokens = new Map<string, AccessToken>();
	refreshTokens = new Map<string, RefreshToken>();
	codes = new Map<string, AuthCode>();
	pendingConsents = new Map<string, PendingConsent>();
	/** scopes the user has granted per client (for include_granted_scopes and first-consent refresh tokens) */
	granted = new Map<string, { scopes: Set<string>; offline: boolean }>();
	issued = { code: 0, refresh: 0, jwtBearer: 0 };

	channels = new Map<string, Channel>();
	videos: Video[] = [];
	ratings = new Map<string, 'like' | 'dislike'>();
	playlists: Playlist[] = [];
	comments: YtComment[] = [];
	captions: Caption[] = [];
	uploads = new Map<string, UploadSession>();
	quota = { day: '', used: 0, search: 0, insert: 0 };

	blogs: Blog[] = [];
	posts: BlogPost[] = [];
	pages: BlogPage[] = [];
	blogComments: BlogComment[] = [];
	private seq = 0;

	constructor(now: number) {
		this.seedYouTube(now);
		this.seedBlogger(now);
	}

	nextId(prefix = ''): string {
		return `${prefix}${++this.seq}`;
	}

	private seedYouTube(now: number) {
		this.channels.set(SIM_CHANNEL_ID, {
			id: SIM_CHANNEL_ID,
			title: 'MediaX Sim Channel',
			description: 'The seeded channel of the MediaX platform simulator.',
			customUrl: '@mediaxsim',
			publishedAt: now - 900 * DAY,
			country: 'US',
			keywords: 'automation n8n simulator',
			subscriberCount: 12_345,
		});
		this.channels.set(OTHER_CHANNEL_ID, {
			id: OTHER_CHANNEL_ID,
			title: 'Another Creator',
			description: 'A second public channel so searches return more than the seeded user.',
			customUrl: '@anothercreator',
			publishedAt: now - 2000 * DAY,
			country: 'GB',
			keywords: 'travel cooking',
			subscriberCount: 987,
		});
		const privacyOf = (i: number) => (i % 15 === 7 ? 'private' : i % 10 === 3 ? 'unlisted' : 'public');
		for (let i = 1; i <= 60; i++) {
			const topic = TOPICS[i % TOPICS.length];
			this.videos.push({
				id: `simVid${String(i).padStart(5, '0')}`,
				channelId: SIM_CHANNEL_ID,
				snippet: {
					title: `${topic} #${i}`,
					description: `Episode ${i} about ${topic.toLowerCase()}.`,
					tags: [topic.split(' ')[0].toLowerCase(), 'mediax'],
					categoryId: CATEGORY_IDS[i % CATEGORY_IDS.length],
					publishedAt: now - i * DAY,
					defaultLanguage: 'en',
				},
				status: { privacyStatus: privacyOf(i), uploadStatus: 'processed', license: 'youtube', embeddable: true, publicStatsViewable: true, selfDeclaredMadeForKids: false },
				statistics: { viewCount: 1000 + ((i * 7919) % 50_000), likeCount: 10 + ((i * 31) % 900), commentCount: 0, favoriteCount: 0 },
				contentDetails: { duration: `PT${1 + (i % 25)}M${(i * 13) % 60}S`, definition: 'hd', caption: i === 1 ? 'true' : 'false' },
			});
		}
		for (let i = 1; i <= 5; i++) {
			this.videos.push({
				id: `othVid${String(i).padStart(5, '0')}`,
				channelId: OTHER_CHANNEL_ID,
				snippet: { title: `${TOPICS[(i + 3) % TOPICS.length]} by another creator`, description: 'Public video of a second channel.', tags: ['other'], categoryId: '19', publishedAt: now - (i * 3 + 1) * DAY, defaultLanguage: 'en' },
				status: { privacyStatus: 'public', uploadStatus: 'processed', license: 'youtube', embeddable: true, publicStatsViewable: true, selfDeclaredMadeForKids: false },
				statistics: { viewCount: 50_000 + i, likeCount: 500 + i, commentCount: 0, favoriteCount: 0 },
				contentDetails: { duration: 'PT8M1S', definition: 'hd', caption: 'false' },
			});
		}
		this.ratings.set('othVid00001', 'like');
		this.ratings.set('othVid00002', 'dislike');

		const mkPlaylist = (n: number, title: string, privacy: string, videoNumbers: number[]): Playlist => {
			const id = `PLsim${String(n).padStart(29, '0')}`;
			return {
				id,
				channelId: SIM_CHANNEL_ID,
				snippet: { title, description: `${title} (seeded)`, publishedAt: now - (100 - n) * DAY, tags: [], defaultLanguage: 'en' },
				status: { privacyStatus: privacy },
				items: videoNumbers.map((v, i) => ({ id: `PLIsim${n}x${String(i + 1).padStart(3, '0')}`, playlistId: id, videoId: `simVid${String(v).padStart(5, '0')}`, addedAt: now - (50 - i) * DAY })),
			};
		};
		this.playlists.push(mkPlaylist(1, 'Best of automation', 'public', [1, 11, 21, 31, 41, 51]));
		this.playlists.push(mkPlaylist(2, 'Travel', 'unlisted', [3, 13, 23]));
		this.playlists.push(mkPlaylist(3, 'Everything', 'private', Array.from({ length: 55 }, (_, i) => i + 1)));

		// 25 threads on the newest video (more than one default page of 20), a few elsewhere
		const addThread = (videoId: string, n: number, replies: number, status: YtComment['moderationStatus'] = 'published') => {
			const id = `Ugsim${videoId.slice(-5)}c${String(n).padStart(4, '0')}`;
			const channelId = this.videos.find((v) => v.id === videoId)!.channelId;
			this.comments.push({ id, videoId, channelId, authorChannelId: OTHER_CHANNEL_ID, authorDisplayName: `Viewer ${n}`, text: `Comment ${n} on ${videoId}`, moderationStatus: status, likeCount: n % 7, publishedAt: now - n * 3600_000, updatedAt: now - n * 3600_000 });
			for (let r = 1; r <= replies; r++) {
				this.comments.push({ id: `${id}.r${r}`, videoId, channelId, parentId: id, authorChannelId: r % 2 ? SIM_CHANNEL_ID : OTHER_CHANNEL_ID, authorDisplayName: r % 2 ? 'MediaX Sim Channel' : `Viewer ${n + r}`, text: `Reply ${r} to comment ${n}`, moderationStatus: 'published', likeCount: 0, publishedAt: now - n * 3600_000 + r * 60_000, updatedAt: now - n * 3600_000 + r * 60_000 });
			}
		};
		for (let n = 1; n <= 25; n++) addThread('simVid00001', n, n % 4 === 0 ? 2 : n % 3 === 0 ? 1 : 0);
		addThread('simVid00001', 26, 0, 'heldForReview');
		addThread('simVid00001', 27, 0, 'likelySpam');
		for (let n = 1; n <= 3; n++) addThread('simVid00002', n, 1);
		addThread('othVid00001', 1, 0);
		for (const v of this.videos) v.statistics.commentCount = this.comments.filter((c) => c.videoId === v.id && c.moderationStatus === 'published').length;

		this.captions.push({
			id: 'AUieDasimCaption0001',
			videoId: 'simVid00001',
			language: 'en',
			name: 'English',
			isDraft: false,
			format: 'srt',
			content: '1\n00:00:00,000 --> 00:00:02,500\nHello from the MediaX simulator.\n\n2\n00:00:02,500 --> 00:00:05,000\nThis caption is seeded.\n',
			updatedAt: now - 30 * DAY,
		});
	}

	private seedBlogger(now: number) {
		this.blogs.push({ id: SIM_BLOG_ID, name: 'MediaX Sim Blog', description: 'Seeded Blogger blog of the simulator.', url: SIM_BLOG_URL, published: now - 700 * DAY, updated: now - DAY, ownerUserId: SIM_BLOGGER_USER_ID });
		this.blogs.push({ id: SIM_SECOND_BLOG_ID, name: 'MediaX Sim Notes', description: 'A second, small blog.', url: 'https://sim-notes.blogspot.com/', published: now - 300 * DAY, updated: now - 10 * DAY, ownerUserId: SIM_BLOGGER_USER_ID });
		const labelsets = [['n8n', 'automation'], ['travel'], ['cooking', 'recipes'], ['n8n'], []];
		for (let i = 1; i <= 30; i++) {
			// 24 live, 4 drafts, 2 scheduled in the future
			const status: BlogPost['status'] = i > 28 ? 'SCHEDULED' : i > 24 ? 'DRAFT' : 'LIVE';
			const published = status === 'SCHEDULED' ? now + (i - 28) * 7 * DAY : now - (31 - i) * 2 * DAY;
			const date = new Date(published);
			this.posts.push({
				id: String(7000000000000000000n + BigInt(i)),
				blogId: SIM_BLOG_ID,
				title: `Sim post ${i}: ${TOPICS[i % TOPICS.length]}`,
				content: `<p>Body of post ${i} about ${TOPICS[i % TOPICS.length].toLowerCase()}.</p>`,
				labels: labelsets[i % labelsets.length],
				status,
				published,
				updated: published,
				path: `/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/sim-post-${i}.html`,
			});
		}
		for (let i = 1; i <= 3; i++) {
			const published = now - (40 - i) * DAY;
			const date = new Date(published);
			this.posts.push({
				id: String(7100000000000000000n + BigInt(i)),
				blogId: SIM_SECOND_BLOG_ID,
				title: `Note ${i}`,
				content: `<p>Note ${i}</p>`,
				labels: ['notes'],
				status: 'LIVE',
				published,
				updated: published,
				path: `/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/note-${i}.html`,
			});
		}
		const pageSeeds: Array<[string, BlogPage['status']]> = [
			['About', 'LIVE'],
			['Contact', 'LIVE'],
			['Upcoming', 'DRAFT'],
		];
		pageSeeds.forEach(([title, status], i) => {
			this.pages.push({ id: String(8000000000000000001n + BigInt(i)), blogId: SIM_BLOG_ID, title, content: `<p>${title} page</p>`, status, published: now - 500 * DAY, updated: now - 5 * DAY, path: `/p/${title.toLowerCase()}.html` });
		});
		const commentStatus: BlogComment['status'][] = ['LIVE', 'LIVE', 'PENDING', 'SPAM'];
		let n = 0;
		for (const post of this.posts.filter((p) => p.blogId === SIM_BLOG_ID && p.status === 'LIVE').slice(-4)) {
			for (let c = 0; c < 4; c++) {
				n++;
				this.blogComments.push({ id: String(9000000000000000000n + BigInt(n)), blogId: SIM_BLOG_ID, postId: post.id, content: `Comment ${n}`, authorName: `Reader ${n}`, status: commentStatus[c], published: post.published + c * 3600_000, updated: post.published + c * 3600_000 });
			}
		}
	}
}
