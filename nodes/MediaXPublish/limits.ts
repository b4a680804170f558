/**
 * What each publishing target accepts, checked for every target before anything is sent. One row per target; every
 * limit carries the document it comes from (research files under shared/research, or the platform's page).
 */
const MB = 1024 * 1024;
const GB = 1024 * MB;

export type TargetName = 'douyinVideo' | 'douyinImageText' | 'wechatArticle' | 'youtubeVideo' | 'bloggerPost' | 'bilibiliVideo' | 'bilibiliArticle';

export interface TextLimit {
	max?: number;
	min?: number;
	/** 'chars' counts characters (code points), 'bytes' UTF-8 bytes */
	unit: 'chars' | 'bytes';
	/** the platform's rule is "under max", not "at most max" */
	exclusive?: boolean;
	required?: boolean;
	/** characters the platform refuses */
	forbidden?: RegExp;
	doc: string;
}

export interface FileLimit {
	required: boolean;
	maxBytes: number;
	/** accepted extensions (checked against the file name and the MIME subtype) */
	types: string[];
	/** accepted MIME prefix instead of a list, e.g. video/ */
	mimePrefix?: string;
	doc: string;
}

export interface TargetLimits {
	platform: string;
	label: string;
	title?: TextLimit;
	/** the plain-text description / caption */
	text?: TextLimit;
	/** the HTML body, for targets that take one (the plain text becomes HTML when no HTML is given) */
	html?: TextLimit;
	tags?: { required: boolean; maxTotal?: number; exclusive?: boolean; maxCount?: number; doc: string };
	video?: FileLimit;
	images?: FileLimit & { min: number; max?: number };
	cover?: FileLimit;
	/** whether the existing operation can schedule a post; else a scheduled time is a problem */
	schedule: { supported: boolean; doc: string };
}

export const TARGET_LIMITS: Record<TargetName, TargetLimits> = {
	douyinVideo: {
		platform: 'douyin',
		label: 'Douyin (Video)',
		// douyin-wechat.md §A.4: chunked uploads take up to 4 GB; mp4/webm are the recommended formats (A.3.2)
		video: { required: true, maxBytes: 4 * GB, types: ['mp4', 'webm', 'mov'], mimePrefix: 'video/', doc: 'douyin-wechat.md §A.4 (≤ 4 GB in parts), §A.3.2 (mp4/webm)' },
		cover: { required: false, maxBytes: 10 * MB, types: ['jpg', 'jpeg', 'png', 'bmp', 'webp'], doc: 'douyin-wechat.md §A.3.3 (image upload ≤ 10 MB, jpeg/png/bmp/webp)' },
		schedule: { supported: false, doc: 'douyin-wechat.md §A.3.2: create_video publishes at once, it has no publish time' },
	},
	douyinImageText: {
		platform: 'douyin',
		label: 'Douyin (Image-Text)',
		// the image-text count limit is not documented (§A.3.3, unverified); at least one image is required by create_image_text
		images: { required: true, min: 1, maxBytes: 10 * MB, types: ['jpg', 'jpeg', 'png', 'bmp', 'webp'], doc: 'douyin-wechat.md §A.3.3 (≥ 1 image_id; ≤ 10 MB, jpeg/png/bmp/webp)' },
		schedule: { supported: false, doc: 'douyin-wechat.md §A.3.3: create_image_text publishes at once' },
	},
	wechatArticle: {
		platform: 'wechat',
		label: 'WeChat Official Account (Article)',
		title: { required: true, max: 32, unit: 'chars', doc: 'douyin-wechat.md §B.3 draft/add: title ≤ 32 characters' },
		text: { max: 128, unit: 'chars', doc: 'douyin-wechat.md §B.3 draft/add: digest ≤ 128 characters (the description becomes the digest)' },
		html: { required: true, max: 20000, unit: 'chars', exclusive: true, doc: 'douyin-wechat.md §B.3 draft/add: content < 20 000 characters and < 1 MB' },
		cover: { required: true, maxBytes: 10 * MB, types: ['bmp', 'png', 'jpeg', 'jpg', 'gif'], doc: 'douyin-wechat.md §B.3.1: thumb_media_id is required for news; permanent image ≤ 10 MB, bmp/png/jpeg/jpg/gif' },
		schedule: { supported: false, doc: 'douyin-wechat.md §B.3: freepublish/submit publishes at once; it has no publish time' },
	},
	youtubeVideo: {
		platform: 'youtube',
		label: 'YouTube (Video)',
		title: { required: true, max: 100, unit: 'chars', forbidden: /[<>]/, doc: 'google-redbook-bilibili.md §2.3: snippet.title ≤ 100 characters, no < or >' },
		text: { max: 5000, unit: 'bytes', forbidden: /[<>]/, doc: 'google-redbook-bilibili.md §2.3: snippet.description ≤ 5000 bytes, no < or >' },
		tags: { required: false, maxTotal: 500, doc: 'google-redbook-bilibili.md §2.3: tags ≤ 500 characters in all' },
		video: { required: true, maxBytes: 256 * GB, types: [], mimePrefix: 'video/', doc: 'google-redbook-bilibili.md §2.5: ≤ 256 GB, video/* or application/octet-stream' },
		schedule: { supported: true, doc: 'google-redbook-bilibili.md §2.3: status.publishAt (RFC 3339), only while private' },
	},
	bloggerPost: {
		platform: 'blogger',
		label: 'Blogger (Post)',
		// Blogger's posts.insert documents no length limits (google-redbook-bilibili.md §3); the body must not be empty
		title: { required: true, unit: 'chars', doc: 'google-redbook-bilibili.md §3: posts.insert takes title and content' },
		html: { required: true, unit: 'chars', doc: 'google-redbook-bilibili.md §3: posts.insert takes title and content (HTML)' },
		schedule: { supported: true, doc: 'google-redbook-bilibili.md §3: a published post with a future `published` date is SCHEDULED' },
	},
	bilibiliVideo: {
		platform: 'bilibili',
		label: 'Bilibili (Video)',
		title: { required: true, max: 80, unit: 'chars', exclusive: true, doc: 'google-redbook-bilibili.md §5.5 add-by-utoken: title < 80 characters' },
		text: { max: 250, unit: 'chars', exclusive: true, doc: 'google-redbook-bilibili.md §5.5 add-by-utoken: desc < 250 characters' },
		tags: { required: true, maxTotal: 200, exclusive: true, doc: 'google-redbook-bilibili.md §5.5 add-by-utoken: tag required, comma-separated, < 200 characters in all' },
		video: { required: true, maxBytes: 4 * GB, types: ['mp4', 'flv', 'mov', 'webm', 'mkv', 'avi'], mimePrefix: 'video/', doc: 'google-redbook-bilibili.md §6.3: 4 GB max' },
		cover: { required: false, maxBytes: 5 * MB, types: ['jpg', 'jpeg', 'png'], doc: 'google-redbook-bilibili.md §6.3: cover jpeg/png ≤ 5 MB' },
		schedule: { supported: false, doc: 'google-redbook-bilibili.md §5.5: add-by-utoken has no publish time' },
	},
	bilibiliArticle: {
		platform: 'bilibili',
		label: 'Bilibili (Article)',
		title: { required: true, max: 40, unit: 'chars', doc: 'google-redbook-bilibili.md §5.5 article/add: title ≤ 40 characters' },
		html: { required: true, min: 200, max: 40000, unit: 'chars', doc: 'google-redbook-bilibili.md §5.5 article/add: content HTML, 200–40 000 characters' },
		cover: { required: false, maxBytes: 5 * MB, types: ['jpg', 'jpeg', 'png'], doc: 'google-redbook-bilibili.md §6.3: images jpeg/png ≤ 5 MB' },
		schedule: { supported: false, doc: 'google-redbook-bilibili.md §5.5: article/add has no publish time' },
	},
};
