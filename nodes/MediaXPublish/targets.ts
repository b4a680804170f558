import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { bilibiliPlatform } from '../MediaXBilibili/transport';
import { bloggerPlatform } from '../MediaXBlogger/transport';
import { douyinPlatform } from '../MediaXDouyin/transport';
import { wechatPlatform } from '../MediaXWeChatOfficialAccount/transport';
import { youTubePlatform } from '../MediaXYouTube/transport';
import type { RunTokens } from '../shared/engine/runTokens';
import type { NodePlatform } from '../shared/node/router';
import type { TargetName } from './limits';
import { runOperation } from './runOperation';
import type { Post } from './validate';

export type PublishStatus = 'published' | 'scheduled' | 'in_review' | 'submitted' | 'failed' | 'skipped';

export interface Published {
	status: PublishStatus;
	contentId: string;
	url?: string;
	details: IDataObject;
}

export type LiveState = { state: 'live' | 'pending' | 'rejected'; url?: string; reason?: string; details: IDataObject };

export interface TargetEnv {
	ctx: IExecuteFunctions;
	itemIndex: number;
	post: Post;
	/** the target platform's option collection */
	options: IDataObject;
	run: RunTokens;
}

export interface Target {
	platform: NodePlatform;
	/** the idempotency record's platform name and the output's `platform` */
	name: string;
	publish(env: TargetEnv): Promise<Published>;
	/** one status look-up for Wait Until Live */
	check(env: TargetEnv, published: { contentId: string; details: IDataObject }): Promise<LiveState>;
	/** normalized figures and the raw reply, for Get Stats */
	stats(env: TargetEnv, contentId: string, details: IDataObject): Promise<{ figures: Figures; raw: IDataObject }>;
}

export interface Figures {
	views?: number;
	likes?: number;
	comments?: number;
	shares?: number;
	favorites?: number;
}

const op = (env: TargetEnv, platform: NodePlatform, resource: string, operation: string, parameters: IDataObject) =>
	runOperation(env.ctx, platform, resource, operation, env.itemIndex, parameters, env.run);
const first = async (rows: Promise<IDataObject[]>) => (await rows)[0] ?? {};
const num = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : Number(value));
const defined = (object: IDataObject): IDataObject => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== ''));

/** Douyin's caption: the title and the tags as #hashtags (create_video reads hashtags from the text). */
function douyinCaption(post: Post): string {
	return [post.title, ...post.tags.map((t) => `#${t}`)].filter(Boolean).join(' ');
}

/** douyin-wechat.md §A.3.2 video_data: video_status 1 published, 4 in review; 2 (not public) and 5+ are not live */
async function douyinCheck(env: TargetEnv, contentId: string): Promise<LiveState> {
	const row = await first(op(env, douyinPlatform, 'video', 'getData', { lookUpBy: 'item_ids', ids: contentId }));
	const status = Number(row.video_status);
	const url = row.share_url ? String(row.share_url) : undefined;
	if (status === 1) return { state: 'live', url, details: row };
	if (status === 4 || !row.item_id) return { state: 'pending', url, details: row };
	return { state: 'rejected', url, reason: `Douyin video_status ${status}`, details: row };
}

async function douyinStats(env: TargetEnv, contentId: string) {
	const row = await first(op(env, douyinPlatform, 'video', 'getData', { lookUpBy: 'item_ids', ids: contentId }));
	const s = (row.statistics ?? {}) as IDataObject;
	return { figures: { views: num(s.play_count), likes: num(s.digg_count), comments: num(s.comment_count), shares: num(s.share_count), favorites: num(s.collect_count) }, raw: row };
}

const douyinOptions = (options: IDataObject, withVisibility: boolean) =>
	defined({
		poi_id: options.poiId as string,
		poi_name: options.poiName as string,
		micro_app_id: options.microAppId as string,
		micro_app_title: options.microAppTitle as string,
		micro_app_url: options.microAppUrl as string,
		private_status: withVisibility ? (options.visibility as number) : undefined,
	});

const douyinVideo: Target = {
	platform: douyinPlatform,
	name: 'douyin',
	async publish(env) {
		const { post } = env;
		const cover = post.coverProperty ? await first(op(env, douyinPlatform, 'imageText', 'uploadImage', { binaryPropertyName: post.coverProperty })) : undefined;
		const video = await first(op(env, douyinPlatform, 'video', 'upload', { binaryPropertyName: post.videoProperty, options: {} }));
		const created = await first(
			op(env, douyinPlatform, 'video', 'create', {
				videoId: String(video.video_id),
				text: douyinCaption(post),
				additionalFields: { ...douyinOptions(env.options, true), ...(cover?.image_id ? { custom_cover_image_url: String(cover.image_id) } : {}) },
			}),
		);
		return { status: 'in_review', contentId: String(created.item_id), details: { video_id: video.video_id, upload_mode: video.upload_mode, parts: video.parts } };
	},
	check: (env, p) => douyinCheck(env, p.contentId),
	stats: (env, id) => douyinStats(env, id),
};

const douyinImageText: Target = {
	platform: douyinPlatform,
	name: 'douyin',
	async publish(env) {
		const { post } = env;
		const ids: string[] = [];
		for (const property of post.imageProperties) ids.push(String((await first(op(env, douyinPlatform, 'imageText', 'uploadImage', { binaryPropertyName: property }))).image_id));
		const created = await first(op(env, douyinPlatform, 'imageText', 'create', { imageIds: ids.join(','), text: douyinCaption(post), additionalFields: douyinOptions(env.options, false) }));
		return { status: 'in_review', contentId: String(created.item_id), details: { image_ids: ids } };
	},
	check: (env, p) => douyinCheck(env, p.contentId),
	stats: (env, id) => douyinStats(env, id),
};

const wechatArticle: Target = {
	platform: wechatPlatform,
	name: 'wechat',
	async publish(env) {
		const { post, options } = env;
		const cover = await first(op(env, wechatPlatform, 'material', 'add', { materialType: 'image', binaryPropertyName: post.coverProperty }));
		const draft = await first(
			op(env, wechatPlatform, 'draft', 'create', {
				articlesInput: 'fields',
				articles: {
					article: [
						{
							title: post.title,
							content: post.html,
							thumb_media_id: String(cover.media_id),
							digest: post.text,
							author: options.author ?? '',
							content_source_url: options.sourceUrl ?? '',
							need_open_comment: options.openComments ?? false,
							only_fans_can_comment: options.onlyFollowersCanComment ?? false,
						},
					],
				},
			}),
		);
		const submitted = await first(op(env, wechatPlatform, 'publication', 'submit', { mediaId: String(draft.media_id) }));
		// the publish job's id is what Get Status and Wait Until Live ask about; the article id comes when it is done
		return { status: 'submitted', contentId: String(submitted.publish_id), details: { cover_media_id: cover.media_id, draft_media_id: draft.media_id, publish_id: submitted.publish_id } };
	},
	async check(env, p) {
		const status = await first(op(env, wechatPlatform, 'publication', 'getStatus', { publishId: String(p.details.publish_id ?? p.contentId), waitForCompletion: false, onFailure: 'output' }));
		if (status.failed) return { state: 'rejected', reason: String(status.status), details: status };
		if (status.completed) return { state: 'live', url: status.article_url ? String(status.article_url) : undefined, details: status };
		return { state: 'pending', details: status };
	},
	async stats() {
		// per-article figures come from WeChat's datacube APIs (by day, not by article id), which this package does not call
		throw Object.assign(new Error('WeChat Official Account offers no per-article statistics by ID; use the datacube reports in the WeChat console'), { skipped: true });
	},
};

const youtubeVideo: Target = {
	platform: youTubePlatform,
	name: 'youtube',
	async publish(env) {
		const { post, options } = env;
		const scheduled = Boolean(post.scheduledAt);
		const video = await first(
			op(env, youTubePlatform, 'video', 'upload', {
				binaryPropertyName: post.videoProperty,
				title: post.title,
				// a scheduled video must be uploaded private; YouTube makes it public at publishAt (§2.3)
				privacyStatus: scheduled ? 'private' : (options.privacyStatus ?? 'public'),
				categoryId: options.categoryId ?? '22',
				options: defined({
					description: post.text,
					tags: post.tags.join(','),
					publishAt: post.scheduledAt,
					selfDeclaredMadeForKids: options.madeForKids ?? false,
					notifySubscribers: options.notifySubscribers,
				}),
			}),
		);
		const id = String(video.id);
		const privacy = String((video.status as IDataObject | undefined)?.privacyStatus ?? '');
		return { status: scheduled ? 'scheduled' : 'published', contentId: id, url: `https://www.youtube.com/watch?v=${id}`, details: { privacy_status: privacy } };
	},
	async check(env, p) {
		const video = await first(op(env, youTubePlatform, 'video', 'get', { videoId: p.contentId, parts: ['status', 'processingDetails'] }));
		const upload = String((video.status as IDataObject | undefined)?.uploadStatus ?? '');
		const processing = String((video.processingDetails as IDataObject | undefined)?.processingStatus ?? '');
		const url = `https://www.youtube.com/watch?v=${p.contentId}`;
		if (upload === 'failed' || upload === 'rejected' || upload === 'deleted' || processing === 'failed') return { state: 'rejected', url, reason: `YouTube uploadStatus ${upload}`, details: video };
		if (upload === 'processed' || processing === 'succeeded') return { state: 'live', url, details: video };
		return { state: 'pending', url, details: video };
	},
	async stats(env, id) {
		const video = await first(op(env, youTubePlatform, 'video', 'get', { videoId: id, parts: ['statistics'] }));
		const s = (video.statistics ?? {}) as IDataObject;
		return { figures: { views: num(s.viewCount), likes: num(s.likeCount), comments: num(s.commentCount), favorites: num(s.favoriteCount) }, raw: video };
	},
};

const bloggerStatus: Record<string, PublishStatus> = { LIVE: 'published', SCHEDULED: 'scheduled', DRAFT: 'submitted' };

const bloggerPost: Target = {
	platform: bloggerPlatform,
	name: 'blogger',
	async publish(env) {
		const { post, options } = env;
		const blogId = String(options.blogId ?? '');
		const labels = [...post.tags, ...String(options.labels ?? '').split(',').map((s) => s.trim()).filter(Boolean)];
		const created = await first(
			op(env, bloggerPlatform, 'post', 'create', {
				blogId,
				title: post.title,
				content: post.html,
				createAs: options.mode === 'draft' ? 'draft' : 'published',
				options: defined({ labels: labels.join(','), publishDate: post.scheduledAt }),
			}),
		);
		return { status: bloggerStatus[String(created.status)] ?? 'submitted', contentId: String(created.id), url: created.url ? String(created.url) : undefined, details: { blog_id: blogId, post_status: created.status } };
	},
	async check(env, p) {
		const got = await first(op(env, bloggerPlatform, 'post', 'get', { blogId: String(p.details.blog_id ?? ''), by: 'id', postId: p.contentId }));
		const url = got.url ? String(got.url) : undefined;
		// a draft stays a draft: it is not waiting for anyone, so it counts as done
		if (got.status === 'LIVE' || got.status === 'DRAFT') return { state: 'live', url, details: got };
		return { state: 'pending', url, details: got };
	},
	async stats(env, id, details) {
		const got = await first(op(env, bloggerPlatform, 'post', 'get', { blogId: String(details.blog_id ?? ''), by: 'id', postId: id }));
		// Blogger reports no views or likes through its API, only the number of comments
		return { figures: { comments: num((got.replies as IDataObject | undefined)?.totalItems) }, raw: got };
	},
};

const bilibiliVideo: Target = {
	platform: bilibiliPlatform,
	name: 'bilibili',
	async publish(env) {
		const { post, options } = env;
		const submitted = await first(
			op(env, bilibiliPlatform, 'video', 'uploadAndSubmit', {
				binaryPropertyName: post.videoProperty,
				coverBinaryPropertyName: post.coverProperty,
				title: post.title,
				tid: options.partitionId,
				tags: post.tags.join(','),
				copyright: options.copyright ?? 1,
				source: options.source ?? '',
				additionalFields: defined({ desc: post.text, no_reprint: options.noReprint as boolean }),
				uploadOptions: {},
			}),
		);
		const id = String(submitted.resource_id);
		return { status: 'in_review', contentId: id, url: `https://www.bilibili.com/video/${id}`, details: { upload_mode: submitted.upload_mode, parts: submitted.parts, cover: submitted.cover } };
	},
	async check(env, p) {
		const view = await first(op(env, bilibiliPlatform, 'video', 'get', { resourceId: p.contentId }));
		const info = (view.addit_info ?? {}) as IDataObject;
		const state = Number(info.state);
		const url = `https://www.bilibili.com/video/${p.contentId}`;
		// google-redbook-bilibili.md §5.5 archive/view: state 0 open, -30 in review, other negatives rejected or locked
		if (state === 0) return { state: 'live', url, details: view };
		if (state === -30 || Number.isNaN(state)) return { state: 'pending', url, details: view };
		return { state: 'rejected', url, reason: `Bilibili state ${state} ${String(info.state_desc ?? '')} ${String(info.reject_reason ?? '')}`.trim(), details: view };
	},
	async stats(env, id) {
		const raw = await first(op(env, bilibiliPlatform, 'data', 'videoStats', { resourceId: id }));
		return { figures: { views: num(raw.view), likes: num(raw.like), comments: num(raw.reply), shares: num(raw.share), favorites: num(raw.favorite) }, raw };
	},
};

const bilibiliArticle: Target = {
	platform: bilibiliPlatform,
	name: 'bilibili',
	async publish(env) {
		const { post, options } = env;
		const cover = post.coverProperty ? await first(op(env, bilibiliPlatform, 'article', 'uploadImage', { binaryPropertyName: post.coverProperty })) : undefined;
		const published = await first(
			op(env, bilibiliPlatform, 'article', 'publish', {
				title: post.title,
				category: options.articleCategoryId,
				template_id: 4,
				content: post.html,
				additionalFields: defined({ summary: post.text, tags: post.tags.join(','), image_urls: cover?.url as string, original: options.copyright === 2 ? false : true }),
			}),
		);
		const id = String(published.id);
		return { status: 'in_review', contentId: id, url: `https://www.bilibili.com/read/cv${id}`, details: { cover: cover?.url } };
	},
	async check(env, p) {
		const got = await first(op(env, bilibiliPlatform, 'article', 'get', { articleId: p.contentId }));
		const state = Number(got.state);
		const url = `https://www.bilibili.com/read/cv${p.contentId}`;
		// article list `group`: 1 in review, 2 passed, 3 rejected (google-redbook-bilibili.md §5.5)
		if (state === 2) return { state: 'live', url, details: got };
		if (state === 3) return { state: 'rejected', url, reason: String(got.state_desc ?? 'rejected by review'), details: got };
		return { state: 'pending', url, details: got };
	},
	async stats(env, id) {
		const raw = await first(op(env, bilibiliPlatform, 'data', 'articleStats', { articleIds: id }));
		return { figures: { views: num(raw.view), likes: num(raw.like), comments: num(raw.reply), shares: num(raw.share), favorites: num(raw.favorite) }, raw };
	},
};

export const TARGETS: Record<TargetName, Target> = { douyinVideo, douyinImageText, wechatArticle, youtubeVideo, bloggerPost, bilibiliVideo, bilibiliArticle };
