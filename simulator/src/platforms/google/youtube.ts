import type { SimContext } from '../../core/types';
import { RULES, requireUser, type AuthRule, type Caller } from './auth';
import { badRequest, fail, iso, maxResultsOf, noContent, notFound, ok, paginate, truthy } from './reply';
import {
	OTHER_CHANNEL_ID,
	SIM_CHANNEL_ID,
	SIM_UPLOADS_PLAYLIST_ID,
	VIDEO_CATEGORIES,
	etag,
	youtubeId,
	type Caption,
	type Channel,
	type GoogleStore,
	type Playlist,
	type PlaylistItem,
	type Video,
	type YtComment,
} from './store';

export interface YtCall {
	ctx: SimContext;
	store: GoogleStore;
	caller: Caller;
	/** JSON body of writes (read by the module before the handler runs) */
	body: Record<string, any>;
}

export interface YtRoute {
	method: string;
	path: string | RegExp;
	rule: AuthRule;
	/** classic quota cost; `bucket` names the separate bucket of the newer model */
	cost: number;
	bucket?: 'search' | 'insert';
	/** the handler reads the body itself (uploads) */
	rawBody?: boolean;
	handler(call: YtCall, match: RegExpExecArray | null): Promise<void> | void;
}

// ---------- shared helpers ----------

function requiredParam(query: Record<string, string>, name: string): string {
	const v = query[name];
	if (v === undefined || v === '') badRequest('missingRequiredParameter', `No filter selected. Expected one of: ${name}`, name);
	return v;
}

/** `part` is required and must name known parts of the resource */
export function partsOf(query: Record<string, string>, allowed: string[]): string[] {
	const raw = query.part;
	if (!raw) badRequest('required', "Required parameter: part", 'part');
	const parts = raw.split(',').map((p) => p.trim()).filter(Boolean);
	const unknown = parts.find((p) => !allowed.includes(p));
	if (unknown) badRequest('unknownPart', `'${unknown}'`, 'part');
	return parts;
}

/** exactly one of the filters must be present */
function oneFilter(query: Record<string, string>, names: string[]): string {
	const present = names.filter((n) => query[n] !== undefined && query[n] !== '');
	if (present.length === 0) badRequest('missingRequiredParameter', `No filter selected. Expected one of: ${names.join(', ')}`);
	if (present.length > 1) badRequest('incompatibleParameters', `Incompatible parameters specified in the request: ${present.join(', ')}`);
	return present[0];
}

function listReply(call: YtCall, kind: string, page: { items: unknown[]; nextPageToken?: string; prevPageToken?: string; total: number; perPage: number }, extra: Record<string, unknown> = {}) {
	const payload: Record<string, unknown> = { kind, etag: etag(page.items), ...extra };
	if (page.nextPageToken) payload.nextPageToken = page.nextPageToken;
	if (page.prevPageToken) payload.prevPageToken = page.prevPageToken;
	payload.pageInfo = { totalResults: page.total, resultsPerPage: page.perPage };
	payload.items = page.items;
	ok(call.ctx, payload);
}

function thumbnails(id: string, prefix = 'vi') {
	const base = `https://i.ytimg.com/${prefix}/${id}`;
	return {
		default: { url: `${base}/default.jpg`, width: 120, height: 90 },
		medium: { url: `${base}/mqdefault.jpg`, width: 320, height: 180 },
		high: { url: `${base}/hqdefault.jpg`, width: 480, height: 360 },
	};
}

const isOwner = (caller: Caller, channelId: string) => caller.asUser && channelId === SIM_CHANNEL_ID;

function channelTitle(store: GoogleStore, id: string): string {
	return store.channels.get(id)?.title ?? '';
}

// ---------- videos ----------

const VIDEO_PARTS = ['id', 'snippet', 'status', 'statistics', 'contentDetails', 'recordingDetails', 'fileDetails', 'processingDetails', 'player', 'topicDetails', 'localizations'];

export function renderVideo(store: GoogleStore, v: Video, parts: string[], caller: Caller): Record<string, unknown> {
	const out: Record<string, unknown> = { kind: 'youtube#video', etag: etag([v.id, v.snippet, v.status]), id: v.id };
	if (parts.includes('snippet')) {
		out.snippet = {
			publishedAt: iso(v.snippet.publishedAt),
			channelId: v.channelId,
			title: v.snippet.title,
			description: v.snippet.description ?? '',
			thumbnails: thumbnails(v.id),
			channelTitle: channelTitle(store, v.channelId),
			tags: v.snippet.tags?.length ? v.snippet.tags : undefined,
			categoryId: v.snippet.categoryId,
			liveBroadcastContent: 'none',
			defaultLanguage: v.snippet.defaultLanguage,
			localized: { title: v.snippet.title, description: v.snippet.description ?? '' },
		};
	}
	if (parts.includes('status')) out.status = { ...v.status };
	if (parts.includes('statistics')) out.statistics = Object.fromEntries(Object.entries(v.statistics).map(([k, n]) => [k, String(n)]));
	if (parts.includes('contentDetails')) out.contentDetails = { ...v.contentDetails, dimension: '2d', licensedContent: false, projection: 'rectangular' };
	if (parts.includes('recordingDetails')) out.recordingDetails = v.recordingDetails ?? {};
	if (parts.includes('player')) out.player = { embedHtml: `<iframe width="480" height="270" src="//www.youtube.com/embed/${v.id}" frameborder="0" allowfullscreen></iframe>` };
	if (parts.includes('processingDetails') && isOwner(caller, v.channelId)) out.processingDetails = { processingStatus: 'succeeded' };
	if (parts.includes('fileDetails') && isOwner(caller, v.channelId) && v.upload) out.fileDetails = { fileSize: String(v.upload.size), fileType: 'video', container: v.upload.mimeType };
	return out;
}

function visibleVideo(v: Video, caller: Caller, byId: boolean): boolean {
	if (isOwner(caller, v.channelId)) return true;
	if (v.status.uploadStatus === 'deleted') return false;
	return v.status.privacyStatus === 'public' || (byId && v.status.privacyStatus === 'unlisted');
}

function findVideo(store: GoogleStore, id: string | undefined): Video {
	const v = id ? store.videos.find((x) => x.id === id) : undefined;
	if (!v) notFound('videoNotFound', 'The video identified by the <code>id</code> parameter could not be found.', 'youtube.video');
	return v!;
}

function ownedVideo(call: YtCall, id: string | undefined): Video {
	const v = findVideo(call.store, id);
	if (!isOwner(call.caller, v.channelId)) fail(403, 'forbidden', 'The video that you are trying to modify is not owned by the authorized channel.', 'youtube.video');
	return v;
}

/** snippet rules shared by insert and update */
export function validateVideoSnippet(snippet: Record<string, any>, requireTitleAndCategory: boolean): void {
	const title = snippet.title;
	if (requireTitleAndCategory && (typeof title !== 'string' || !title.trim())) badRequest('invalidTitle', 'The request metadata specifies an invalid or empty video title.');
	if (title !== undefined && (typeof title !== 'string' || title.length > 100 || /[<>]/.test(title))) badRequest('invalidTitle', 'The request metadata specifies an invalid or empty video title.');
	const description = snippet.description;
	if (description !== undefined && (typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description))) badRequest('invalidDescription', 'The request metadata specifies an invalid video description.');
	if (snippet.tags !== undefined && (!Array.isArray(snippet.tags) || snippet.tags.join(',').length > 500)) badRequest('invalidTags', 'The request metadata specifies invalid video keywords.');
	const category = snippet.categoryId;
	if (requireTitleAndCategory && (category === undefined || category === '')) badRequest('invalidCategoryId', 'The <code>snippet.categoryId</code> property specifies an invalid category ID.');
	if (category !== undefined && !VIDEO_CATEGORIES[String(category)]) badRequest('invalidCategoryId', 'The <code>snippet.categoryId</code> property specifies an invalid category ID. Use the <code>videoCategories.list</code> method to retrieve supported categories.');
}

export function validateVideoStatus(status: Record<string, any>): void {
	if (status.privacyStatus !== undefined && !['private', 'public', 'unlisted'].includes(status.privacyStatus)) badRequest('invalidValue', `Invalid value for status.privacyStatus: ${status.privacyStatus}`);
	if (status.publishAt !== undefined) {
		if (status.privacyStatus !== 'private') badRequest('invalidPublishAt', 'The request metadata specifies an invalid scheduled publishing time. publishAt can only be set while privacyStatus is private.');
		if (Number.isNaN(Date.parse(status.publishAt))) badRequest('invalidPublishAt', 'The request metadata specifies an invalid scheduled publishing time.');
	}
}

/** videos.insert, once every byte has arrived */
export function createUploadedVideo(store: GoogleStore, metadata: Record<string, any>, now: number, upload: Video['upload']): Video {
	const snippet = metadata.snippet ?? {};
	const status = metadata.status ?? {};
	const video: Video = {
		id: youtubeId(),
		channelId: SIM_CHANNEL_ID,
		snippet: {
			title: snippet.title || 'unknown',
			description: snippet.description ?? '',
			tags: snippet.tags ?? [],
			categoryId: String(snippet.categoryId ?? '22'),
			publishedAt: now,
			defaultLanguage: snippet.defaultLanguage,
		},
		status: {
			uploadStatus: 'uploaded',
			// projects that have not passed the API audit can only publish privately
			privacyStatus: store.config.unverifiedProject ? 'private' : (status.privacyStatus ?? 'public'),
			license: status.license ?? 'youtube',
			embeddable: status.embeddable ?? true,
			publicStatsViewable: status.publicStatsViewable ?? true,
			selfDeclaredMadeForKids: status.selfDeclaredMadeForKids ?? false,
			...(status.publishAt ? { publishAt: status.publishAt } : {}),
		},
		statistics: { viewCount: 0, likeCount: 0, commentCount: 0, favoriteCount: 0 },
		contentDetails: { duration: 'P0D', definition: 'sd', caption: 'false' },
		recordingDetails: metadata.recordingDetails,
		upload,
	};
	store.videos.unshift(video);
	return video;
}

function videosList(call: YtCall) {
	const { ctx, store, caller } = call;
	const parts = partsOf(ctx.query, VIDEO_PARTS);
	const filter = oneFilter(ctx.query, ['id', 'chart', 'myRating']);
	const render = (v: Video) => renderVideo(store, v, parts, caller);
	if (filter === 'id') {
		const ids = ctx.query.id.split(',').filter(Boolean);
		if (ids.length > 50) badRequest('invalidValue', 'Too many video ids (at most 50).', 'id');
		const items = ids.map((id) => store.videos.find((v) => v.id === id)).filter((v): v is Video => !!v && visibleVideo(v, caller, true));
		return listReply(call, 'youtube#videoListResponse', { items: items.map(render), total: items.length, perPage: items.length });
	}
	const max = maxResultsOf(ctx.query, 1, 50, 5, store.config.clampMaxResults);
	let all: Video[];
	if (filter === 'chart') {
		if (ctx.query.chart !== 'mostPopular') badRequest('invalidChart', 'The request contains an invalid chart parameter.', 'chart');
		all = store.videos.filter((v) => v.status.privacyStatus === 'public' && (!ctx.query.videoCategoryId || v.snippet.categoryId === ctx.query.videoCategoryId));
		if (ctx.query.videoCategoryId && !VIDEO_CATEGORIES[ctx.query.videoCategoryId]) notFound('videoChartNotFound', 'The requested video chart is not supported or is not available.', 'youtube.video');
		all = [...all].sort((a, b) => b.statistics.viewCount - a.statistics.viewCount);
	} else {
		requireUser(caller, 'youtube', 'myRating');
		const wanted = ctx.query.myRating;
		if (!['like', 'dislike'].includes(wanted)) badRequest('invalidValue', 'myRating must be like or dislike', 'myRating');
		all = store.videos.filter((v) => store.ratings.get(v.id) === wanted);
	}
	const page = paginate(`videos:${filter}:${ctx.query[filter]}`, all, ctx.query.pageToken, max);
	listReply(call, 'youtube#videoListResponse', { ...page, items: page.items.map(render) });
}

function videosUpdate(call: YtCall) {
	const { ctx, store, caller, body } = call;
	const parts = partsOf(ctx.query, ['snippet', 'status', 'recordingDetails', 'localizations', 'id']);
	const v = ownedVideo(call, body.id);
	// update replaces every writable property of the listed parts; omitted ones are cleared or defaulted
	if (parts.includes('snippet')) {
		const s = body.snippet ?? {};
		validateVideoSnippet(s, true);
		v.snippet = { title: s.title, description: s.description ?? '', tags: s.tags ?? [], categoryId: String(s.categoryId), publishedAt: v.snippet.publishedAt, defaultLanguage: s.defaultLanguage };
	}
	if (parts.includes('status')) {
		const s = body.status ?? {};
		validateVideoStatus({ privacyStatus: v.status.privacyStatus, ...s });
		v.status = {
			uploadStatus: v.status.uploadStatus,
			privacyStatus: s.privacyStatus ?? v.status.privacyStatus,
			license: s.license ?? 'youtube',
			embeddable: s.embeddable ?? true,
			publicStatsViewable: s.publicStatsViewable ?? true,
			selfDeclaredMadeForKids: s.selfDeclaredMadeForKids ?? false,
			...(s.publishAt ? { publishAt: s.publishAt } : {}),
		};
	}
	if (parts.includes('recordingDetails')) v.recordingDetails = body.recordingDetails ?? {};
	ok(ctx, renderVideo(store, v, parts, caller));
}

function videosDelete(call: YtCall) {
	const v = ownedVideo(call, requiredParam(call.ctx.query, 'id'));
	call.store.videos.splice(call.store.videos.indexOf(v), 1);
	for (const p of call.store.playlists) p.items = p.items.filter((i) => i.videoId !== v.id);
	noContent(call.ctx);
}

function videosRate(call: YtCall) {
	const { ctx, store } = call;
	// id and rating travel in the query string, not a body
	const v = findVideo(store, requiredParam(ctx.query, 'id'));
	const rating = requiredParam(ctx.query, 'rating');
	if (!['like', 'dislike', 'none'].includes(rating)) badRequest('invalidRating', 'The request contained an unexpected value for the <code>rating</code> parameter.', 'rating');
	if (!visibleVideo(v, call.caller, true)) notFound('videoNotFound', 'The video that you are trying to rate cannot be found.', 'youtube.video');
	if (rating === 'none') store.ratings.delete(v.id);
	else store.ratings.set(v.id, rating as 'like' | 'dislike');
	noContent(ctx);
}

function videosGetRating(call: YtCall) {
	const ids = requiredParam(call.ctx.query, 'id').split(',').filter(Boolean);
	const items = ids.filter((id) => call.store.videos.some((v) => v.id === id)).map((id) => ({ videoId: id, rating: call.store.ratings.get(id) ?? 'none' }));
	ok(call.ctx, { kind: 'youtube#videoGetRatingResponse', etag: etag(items), items });
}

function videoCategoriesList(call: YtCall) {
	const { ctx } = call;
	partsOf(ctx.query, ['snippet', 'id']);
	const filter = oneFilter(ctx.query, ['id', 'regionCode']);
	const ids = filter === 'id' ? ctx.query.id.split(',') : Object.keys(VIDEO_CATEGORIES);
	const items = ids.filter((id) => VIDEO_CATEGORIES[id]).map((id) => ({ kind: 'youtube#videoCategory', etag: etag(id), id, snippet: { title: VIDEO_CATEGORIES[id], assignable: true, channelId: 'UCBR8-60-B28hp2BmDPdntcQ' } }));
	ok(ctx, { kind: 'youtube#videoCategoryListResponse', etag: etag(items), items });
}

// ---------- channels ----------

function renderChannel(store: GoogleStore, c: Channel, parts: string[], caller: Caller) {
	const out: Record<string, unknown> = { kind: 'youtube#channel', etag: etag(c), id: c.id };
	const videos = store.videos.filter((v) => v.channelId === c.id);
	if (parts.includes('snippet')) out.snippet = { title: c.title, description: c.description, customUrl: c.customUrl, publishedAt: iso(c.publishedAt), thumbnails: thumbnails(c.id, 'ch'), country: c.country, localized: { title: c.title, description: c.description } };
	if (parts.includes('contentDetails')) out.contentDetails = { relatedPlaylists: { likes: isOwner(caller, c.id) ? 'LL' : '', uploads: 'UU' + c.id.slice(2) } };
	if (parts.includes('statistics')) out.statistics = { viewCount: String(videos.reduce((n, v) => n + v.statistics.viewCount, 0)), subscriberCount: String(c.subscriberCount), hiddenSubscriberCount: false, videoCount: String(videos.length) };
	if (parts.includes('brandingSettings')) out.brandingSettings = { channel: { title: c.title, description: c.description, keywords: c.keywords, country: c.country }, image: c.bannerExternalUrl ? { bannerExternalUrl: c.bannerExternalUrl } : {} };
	if (parts.includes('status')) out.status = { privacyStatus: 'public', isLinked: true, longUploadsStatus: 'allowed', madeForKids: false };
	return out;
}

const CHANNEL_PARTS = ['id', 'snippet', 'contentDetails', 'statistics', 'brandingSettings', 'status', 'localizations', 'topicDetails'];

function channelsList(call: YtCall) {
	const { ctx, store, caller } = call;
	const parts = partsOf(ctx.query, CHANNEL_PARTS);
	const filter = oneFilter(ctx.query, ['id', 'mine', 'forHandle', 'forUsername', 'managedByMe']);
	let all: Channel[] = [];
	if (filter === 'mine' || filter === 'managedByMe') {
		requireUser(caller, 'youtube', filter);
		if (truthy(ctx.query[filter])) all = [store.channels.get(SIM_CHANNEL_ID)!];
	} else if (filter === 'id') all = ctx.query.id.split(',').map((id) => store.channels.get(id)).filter((c): c is Channel => !!c);
	else if (filter === 'forHandle') {
		const handle = ctx.query.forHandle.startsWith('@') ? ctx.query.forHandle : '@' + ctx.query.forHandle;
		all = [...store.channels.values()].filter((c) => c.customUrl.toLowerCase() === handle.toLowerCase());
	} else all = [...store.channels.values()].filter((c) => c.customUrl.slice(1).toLowerCase() === ctx.query.forUsername.toLowerCase());
	const max = maxResultsOf(ctx.query, 0, 50, 5, store.config.clampMaxResults);
	const page = paginate(`channels:${filter}`, all, ctx.query.pageToken, max);
	listReply(call, 'youtube#channelListResponse', { ...page, items: page.items.map((c) => renderChannel(store, c, parts, caller)) });
}

function channelsUpdate(call: YtCall) {
	const { ctx, store, caller, body } = call;
	const parts = partsOf(ctx.query, ['brandingSettings', 'localizations', 'snippet', 'id']);
	const c = store.channels.get(body.id);
	if (!c) notFound('channelNotFound', 'The channel specified in the <code>id</code> parameter does not exist.', 'youtube.channel');
	if (!isOwner(caller, c!.id)) fail(403, 'channelForbidden', 'The channel specified in the <code>id</code> parameter does not support the request or the request is not properly authorized.', 'youtube.channel');
	const channel = c!;
	if (parts.includes('brandingSettings')) {
		const b = body.brandingSettings?.channel ?? {};
		if (b.description !== undefined && Buffer.byteLength(String(b.description)) > 1000) badRequest('invalidDescription', 'brandingSettings.channel.description is longer than 1000 characters.');
		channel.description = b.description ?? '';
		channel.keywords = b.keywords ?? '';
		if (b.country !== undefined) channel.country = b.country;
		channel.bannerExternalUrl = body.brandingSettings?.image?.bannerExternalUrl ?? channel.bannerExternalUrl;
	}
	if (parts.includes('snippet') && body.snippet?.description !== undefined) channel.description = String(body.snippet.description);
	ok(ctx, renderChannel(store, channel, parts, caller));
}

// ---------- playlists and items ----------

function renderPlaylist(store: GoogleStore, p: Playlist, parts: string[]) {
	const out: Record<string, unknown> = { kind: 'youtube#playlist', etag: etag([p.id, p.snippet, p.status, p.items.length]), id: p.id };
	if (parts.includes('snippet')) out.snippet = { publishedAt: iso(p.snippet.publishedAt), channelId: p.channelId, title: p.snippet.title, description: p.snippet.description ?? '', thumbnails: thumbnails(p.items[0]?.videoId ?? p.id), channelTitle: channelTitle(store, p.channelId), defaultLanguage: p.snippet.defaultLanguage, localized: { title: p.snippet.title, description: p.snippet.description ?? '' } };
	if (parts.includes('status')) out.status = { ...p.status };
	if (parts.includes('contentDetails')) out.contentDetails = { itemCount: p.items.length };
	if (parts.includes('player')) out.player = { embedHtml: `<iframe width="640" height="360" src="http://www.youtube.com/embed/videoseries?list=${p.id}" frameborder="0" allowfullscreen></iframe>` };
	return out;
}

const PLAYLIST_PARTS = ['id', 'snippet', 'status', 'contentDetails', 'player', 'localizations'];

function visiblePlaylist(p: Playlist, caller: Caller, byId: boolean) {
	return isOwner(caller, p.channelId) || p.status.privacyStatus === 'public' || (byId && p.status.privacyStatus === 'unlisted');
}

function findPlaylist(call: YtCall, id: string | undefined, mustOwn: boolean): Playlist {
	const p = id ? call.store.playlists.find((x) => x.id === id) : undefined;
	if (!p || !visiblePlaylist(p, call.caller, true)) notFound('playlistNotFound', 'The playlist identified with the request\'s <code>id</code> parameter cannot be found.', 'youtube.playlist');
	if (mustOwn && !isOwner(call.caller, p!.channelId)) fail(403, 'playlistForbidden', 'This operation is forbidden or the request is not properly authorized.', 'youtube.playlist');
	return p!;
}

function playlistsList(call: YtCall) {
	const { ctx, store, caller } = call;
	const parts = partsOf(ctx.query, PLAYLIST_PARTS);
	const filter = oneFilter(ctx.query, ['id', 'mine', 'channelId']);
	let all: Playlist[];
	if (filter === 'mine') {
		requireUser(caller, 'youtube', 'mine');
		all = truthy(ctx.query.mine) ? store.playlists.filter((p) => p.channelId === SIM_CHANNEL_ID) : [];
	} else if (filter === 'id') {
		const ids = ctx.query.id.split(',');
		all = store.playlists.filter((p) => ids.includes(p.id) && visiblePlaylist(p, caller, true));
	} else all = store.playlists.filter((p) => p.channelId === ctx.query.channelId && visiblePlaylist(p, caller, false));
	const max = maxResultsOf(ctx.query, 0, 50, 5, store.config.clampMaxResults);
	const page = paginate(`playlists:${filter}:${ctx.query[filter]}`, all, ctx.query.pageToken, max);
	listReply(call, 'youtube#playlistListResponse', { ...page, items: page.items.map((p) => renderPlaylist(store, p, parts)) });
}

function writePlaylist(p: Playlist, body: Record<string, any>, parts: string[]) {
	if (parts.includes('snippet')) {
		const s = body.snippet ?? {};
		if (typeof s.title !== 'string' || !s.title.trim()) badRequest('playlistTitleRequired', 'The request must specify a playlist title.');
		if (s.title.length > 150) badRequest('invalidPlaylistSnippet', 'The request provides an invalid playlist snippet.');
		p.snippet = { title: s.title, description: s.description ?? '', tags: s.tags ?? [], defaultLanguage: s.defaultLanguage, publishedAt: p.snippet.publishedAt };
	}
	if (parts.includes('status')) {
		const privacy = body.status?.privacyStatus ?? 'public';
		if (!['private', 'public', 'unlisted'].includes(privacy)) badRequest('invalidValue', `Invalid value for status.privacyStatus: ${privacy}`);
		p.status = { privacyStatus: privacy };
	}
}

function playlistsInsert(call: YtCall) {
	const { ctx, store, body } = call;
	const parts = partsOf(ctx.query, PLAYLIST_PARTS);
	if (!parts.includes('snippet')) badRequest('playlistTitleRequired', 'The request must specify a playlist title.');
	const p: Playlist = { id: 'PL' + youtubeId(32), channelId: SIM_CHANNEL_ID, snippet: { publishedAt: ctx.now() }, status: { privacyStatus: 'public' }, items: [] };
	writePlaylist(p, body, parts);
	store.playlists.unshift(p);
	ok(ctx, renderPlaylist(store, p, parts));
}

function playlistsUpdate(call: YtCall) {
	const parts = partsOf(call.ctx.query, PLAYLIST_PARTS);
	const p = findPlaylist(call, call.body.id, true);
	writePlaylist(p, call.body, parts);
	ok(call.ctx, renderPlaylist(call.store, p, parts));
}

function playlistsDelete(call: YtCall) {
	const p = findPlaylist(call, requiredParam(call.ctx.query, 'id'), true);
	call.store.playlists.splice(call.store.playlists.indexOf(p), 1);
	noContent(call.ctx);
}

/** the uploads playlist (UU…) is virtual: the channel's videos, newest first */
function playlistItemsOf(call: YtCall, playlistId: string): PlaylistItem[] {
	if (playlistId === SIM_UPLOADS_PLAYLIST_ID || playlistId === 'UU' + OTHER_CHANNEL_ID.slice(2)) {
		const channelId = 'UC' + playlistId.slice(2);
		return call.store.videos.filter((v) => v.channelId === channelId && visibleVideo(v, call.caller, false)).map((v) => ({ id: `UUI${v.id}`, playlistId, videoId: v.id, addedAt: v.snippet.publishedAt }));
	}
	return findPlaylist(call, playlistId, false).items;
}

function renderPlaylistItem(call: YtCall, item: PlaylistItem, position: number, parts: string[]) {
	const v = call.store.videos.find((x) => x.id === item.videoId);
	const playlist = call.store.playlists.find((p) => p.id === item.playlistId);
	const ownerChannel = playlist?.channelId ?? 'UC' + item.playlistId.slice(2);
	const out: Record<string, unknown> = { kind: 'youtube#playlistItem', etag: etag([item, position]), id: item.id };
	if (parts.includes('snippet')) {
		out.snippet = {
			publishedAt: iso(item.addedAt),
			channelId: ownerChannel,
			title: v?.snippet.title ?? 'Deleted video',
			description: v?.snippet.description ?? '',
			thumbnails: thumbnails(item.videoId),
			channelTitle: channelTitle(call.store, ownerChannel),
			playlistId: item.playlistId,
			position,
			resourceId: { kind: 'youtube#video', videoId: item.videoId },
			videoOwnerChannelId: v?.channelId,
			videoOwnerChannelTitle: v ? channelTitle(call.store, v.channelId) : undefined,
		};
	}
	if (parts.includes('contentDetails')) out.contentDetails = { videoId: item.videoId, note: item.note, videoPublishedAt: v ? iso(v.snippet.publishedAt) : undefined };
	if (parts.includes('status')) out.status = { privacyStatus: v?.status.privacyStatus ?? 'private' };
	return out;
}

const PLAYLIST_ITEM_PARTS = ['id', 'snippet', 'contentDetails', 'status'];

function playlistItemsList(call: YtCall) {
	const { ctx, store } = call;
	const parts = partsOf(ctx.query, PLAYLIST_ITEM_PARTS);
	const filter = oneFilter(ctx.query, ['id', 'playlistId']);
	let all: Array<[PlaylistItem, number]>;
	if (filter === 'playlistId') all = playlistItemsOf(call, ctx.query.playlistId).map((i, n) => [i, n]);
	else {
		const ids = ctx.query.id.split(',');
		all = [];
		for (const p of store.playlists) p.items.forEach((i, n) => ids.includes(i.id) && visiblePlaylist(p, call.caller, true) && all.push([i, n]));
	}
	if (ctx.query.videoId) all = all.filter(([i]) => i.videoId === ctx.query.videoId);
	const max = maxResultsOf(ctx.query, 0, 50, 5, store.config.clampMaxResults);
	const page = paginate(`playlistItems:${filter}:${ctx.query[filter]}`, all, ctx.query.pageToken, max);
	listReply(call, 'youtube#playlistItemListResponse', { ...page, items: page.items.map(([i, n]) => renderPlaylistItem(call, i, n, parts)) });
}

function playlistItemsInsert(call: YtCall) {
	const { ctx, body } = call;
	const parts = partsOf(ctx.query, PLAYLIST_ITEM_PARTS);
	const s = body.snippet ?? {};
	if (!s.playlistId) badRequest('playlistIdRequired', 'The request does not specify a value for the required <code>playlistId</code> property.');
	if (String(s.playlistId).startsWith('UU')) fail(403, 'playlistItemsNotAccessible', 'The request is not properly authorized to insert the specified playlist item.', 'youtube.playlistItem');
	const p = findPlaylist(call, s.playlistId, true);
	const videoId = s.resourceId?.videoId;
	if (s.resourceId?.kind !== 'youtube#video' || !videoId) badRequest('invalidResourceId', 'The resource ID specified in the request is invalid.');
	findVideo(call.store, videoId);
	const item: PlaylistItem = { id: 'PLI' + youtubeId(30), playlistId: p.id, videoId, note: body.contentDetails?.note, addedAt: ctx.now() };
	const position = s.position === undefined ? p.items.length : Number(s.position);
	if (!Number.isInteger(position) || position < 0 || position > p.items.length) badRequest('invalidPlaylistItemPosition', 'The request attempts to set the playlist item\'s position to an invalid or unsupported value.');
	p.items.splice(position, 0, item);
	ok(ctx, renderPlaylistItem(call, item, position, parts));
}

function playlistItemsDelete(call: YtCall) {
	const id = requiredParam(call.ctx.query, 'id');
	const p = call.store.playlists.find((x) => x.items.some((i) => i.id === id));
	if (!p) notFound('playlistItemNotFound', 'The playlist item identified with the request\'s <code>id</code> parameter cannot be found.', 'youtube.playlistItem');
	if (!isOwner(call.caller, p!.channelId)) fail(403, 'playlistItemsNotAccessible', 'The request is not properly authorized to delete the specified playlist item.', 'youtube.playlistItem');
	p!.items = p!.items.filter((i) => i.id !== id);
	noContent(call.ctx);
}

// ---------- comment threads and comments ----------

function renderComment(store: GoogleStore, c: YtComment, caller: Caller, textFormat: string) {
	const html = textFormat !== 'plainText';
	const snippet: Record<string, unknown> = {
		channelId: c.channelId,
		videoId: c.videoId,
		textDisplay: html ? c.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>') : c.text,
		textOriginal: c.text,
		parentId: c.parentId,
		authorDisplayName: c.authorDisplayName,
		authorProfileImageUrl: `https://yt3.ggpht.com/sim/${c.authorChannelId}`,
		authorChannelUrl: `http://www.youtube.com/channel/${c.authorChannelId}`,
		authorChannelId: { value: c.authorChannelId },
		canRate: true,
		viewerRating: 'none',
		likeCount: c.likeCount,
		publishedAt: iso(c.publishedAt),
		updatedAt: iso(c.updatedAt),
	};
	// moderation status is shown to the channel owner only
	if (isOwner(caller, c.channelId)) snippet.moderationStatus = c.moderationStatus;
	return { kind: 'youtube#comment', etag: etag(c), id: c.id, snippet };
}

function renderThread(call: YtCall, top: YtComment, parts: string[], textFormat: string) {
	const replies = call.store.comments.filter((c) => c.parentId === top.id && c.moderationStatus === 'published');
	const out: Record<string, unknown> = { kind: 'youtube#commentThread', etag: etag([top, replies.length]), id: top.id };
	if (parts.includes('snippet')) out.snippet = { channelId: top.channelId, videoId: top.videoId, topLevelComment: renderComment(call.store, top, call.caller, textFormat), canReply: true, totalReplyCount: replies.length, isPublic: true };
	if (parts.includes('replies') && replies.length) out.replies = { comments: replies.map((r) => renderComment(call.store, r, call.caller, textFormat)) };
	return out;
}

function commentThreadsList(call: YtCall) {
	const { ctx, store, caller } = call;
	const parts = partsOf(ctx.query, ['id', 'snippet', 'replies']);
	const filter = oneFilter(ctx.query, ['videoId', 'allThreadsRelatedToChannelId', 'id']);
	const moderation = ctx.query.moderationStatus ?? 'published';
	if (!['published', 'heldForReview', 'likelySpam'].includes(moderation)) badRequest('invalidValue', `Invalid value for moderationStatus: ${moderation}`, 'moderationStatus');
	let all = store.comments.filter((c) => !c.parentId);
	if (filter === 'videoId') {
		const v = store.videos.find((x) => x.id === ctx.query.videoId);
		if (!v || !visibleVideo(v, caller, true)) notFound('videoNotFound', 'The video identified by the <code>videoId</code> parameter could not be found.', 'youtube.commentThread');
		all = all.filter((c) => c.videoId === ctx.query.videoId);
	} else if (filter === 'allThreadsRelatedToChannelId') {
		if (!store.channels.has(ctx.query.allThreadsRelatedToChannelId)) notFound('channelNotFound', 'The channel could not be found.', 'youtube.commentThread');
		all = all.filter((c) => c.channelId === ctx.query.allThreadsRelatedToChannelId);
	} else {
		const ids = ctx.query.id.split(',');
		all = all.filter((c) => ids.includes(c.id));
	}
	if (moderation !== 'published') {
		// held and spam threads are visible to the channel owner only
		const channelId = all[0]?.channelId ?? ctx.query.allThreadsRelatedToChannelId;
		if (!channelId || !isOwner(caller, channelId)) fail(403, 'forbidden', 'The comment thread could not be retrieved due to insufficient permissions. The request might not be properly authorized.', 'youtube.commentThread');
	}
	all = all.filter((c) => c.moderationStatus === moderation);
	if (ctx.query.searchTerms) {
		const term = ctx.query.searchTerms.toLowerCase();
		all = all.filter((c) => c.text.toLowerCase().includes(term));
	}
	all = ctx.query.order === 'relevance' ? [...all].sort((a, b) => b.likeCount - a.likeCount) : [...all].sort((a, b) => b.publishedAt - a.publishedAt);
	const max = maxResultsOf(ctx.query, 1, 100, 20, store.config.clampMaxResults);
	const page = paginate(`commentThreads:${filter}:${ctx.query[filter]}:${moderation}`, all, ctx.query.pageToken, max);
	listReply(call, 'youtube#commentThreadListResponse', { ...page, items: page.items.map((c) => renderThread(call, c, parts, ctx.query.textFormat ?? 'html')) });
}

function commentText(value: unknown): string {
	if (typeof value !== 'string' || !value.trim()) badRequest('commentTextRequired', 'The comment resource that is being inserted or updated must specify a value for the <code>snippet.textOriginal</code> property.');
	if ((value as string).length > 10_000) badRequest('commentTextTooLong', 'The comment resource that is being inserted or updated contains too many characters in the <code>snippet.textOriginal</code> property.');
	return value as string;
}

function newComment(call: YtCall, fields: Pick<YtComment, 'videoId' | 'channelId' | 'parentId' | 'text'>): YtComment {
	const now = call.ctx.now();
	const c: YtComment = { id: fields.parentId ? `${fields.parentId}.${youtubeId(22)}` : 'Ug' + youtubeId(24), authorChannelId: SIM_CHANNEL_ID, authorDisplayName: channelTitle(call.store, SIM_CHANNEL_ID), moderationStatus: 'published', likeCount: 0, publishedAt: now, updatedAt: now, ...fields };
	call.store.comments.push(c);
	return c;
}

function commentThreadsInsert(call: YtCall) {
	const { ctx, store, caller, body } = call;
	const parts = partsOf(ctx.query, ['id', 'snippet', 'replies']);
	const s = body.snippet ?? {};
	if (!s.videoId) badRequest('videoIdRequired', 'The comment thread must specify the <code>snippet.videoId</code> property.');
	const v = store.videos.find((x) => x.id === s.videoId);
	if (!v || !visibleVideo(v, caller, true)) notFound('videoNotFound', 'The video identified by the <code>videoId</code> parameter could not be found.', 'youtube.commentThread');
	const c = newComment(call, { videoId: v!.id, channelId: v!.channelId, text: commentText(s.topLevelComment?.snippet?.textOriginal) });
	v!.statistics.commentCount++;
	ok(ctx, renderThread(call, c, parts, 'html'));
}

function findComment(call: YtCall, id: string | undefined): YtComment {
	const c = id ? call.store.comments.find((x) => x.id === id) : undefined;
	if (!c) notFound('commentNotFound', 'The comment identified by the <code>id</code> parameter could not be found.', 'youtube.comment');
	return c!;
}

function commentsList(call: YtCall) {
	const { ctx, store, caller } = call;
	partsOf(ctx.query, ['id', 'snippet']);
	const filter = oneFilter(ctx.query, ['id', 'parentId']);
	let all: YtComment[];
	if (filter === 'id') {
		const ids = ctx.query.id.split(',');
		all = store.comments.filter((c) => ids.includes(c.id));
	} else all = store.comments.filter((c) => c.parentId === ctx.query.parentId && c.moderationStatus === 'published');
	const max = maxResultsOf(ctx.query, 1, 100, 20, store.config.clampMaxResults);
	const page = paginate(`comments:${filter}:${ctx.query[filter]}`, all, ctx.query.pageToken, max);
	listReply(call, 'youtube#commentListResponse', { ...page, items: page.items.map((c) => renderComment(store, c, caller, ctx.query.textFormat ?? 'html')) });
}

function commentsInsert(call: YtCall) {
	const { ctx, store, caller, body } = call;
	partsOf(ctx.query, ['id', 'snippet']);
	const s = body.snippet ?? {};
	if (!s.parentId) badRequest('parentIdMissing', 'No parent ID was specified. Use commentThreads.insert to create a top-level comment.');
	const parent = store.comments.find((c) => c.id === s.parentId && !c.parentId);
	if (!parent) notFound('parentCommentNotFound', 'The parent comment could not be found.', 'youtube.comment');
	const c = newComment(call, { videoId: parent!.videoId, channelId: parent!.channelId, parentId: parent!.id, text: commentText(s.textOriginal) });
	ok(ctx, renderComment(store, c, caller, 'html'));
}

function commentsUpdate(call: YtCall) {
	const { ctx, store, caller, body } = call;
	partsOf(ctx.query, ['id', 'snippet']);
	const c = findComment(call, body.id);
	if (c.authorChannelId !== SIM_CHANNEL_ID) fail(403, 'forbidden', 'The comment could not be updated due to insufficient permissions. The request might not be properly authorized.', 'youtube.comment');
	c.text = commentText(body.snippet?.textOriginal);
	c.updatedAt = ctx.now();
	ok(ctx, renderComment(store, c, caller, 'html'));
}

function commentsDelete(call: YtCall) {
	const c = findComment(call, requiredParam(call.ctx.query, 'id'));
	if (c.authorChannelId !== SIM_CHANNEL_ID) fail(403, 'forbidden', 'The comment could not be deleted due to insufficient permissions.', 'youtube.comment');
	call.store.comments = call.store.comments.filter((x) => x.id !== c.id && x.parentId !== c.id);
	noContent(call.ctx);
}

function commentsSetModerationStatus(call: YtCall) {
	const { ctx } = call;
	const ids = requiredParam(ctx.query, 'id').split(',');
	const status = requiredParam(ctx.query, 'moderationStatus');
	if (!['heldForReview', 'published', 'rejected'].includes(status)) badRequest('invalidModerationStatus', 'The moderation status specified in the API request is not valid.', 'moderationStatus');
	if (truthy(ctx.query.banAuthor) && status !== 'rejected') badRequest('banWithoutReject', 'The <code>banAuthor</code> parameter can only be used if the <code>moderationStatus</code> parameter value is <code>rejected</code>.', 'banAuthor');
	const comments = ids.map((id) => findComment(call, id));
	for (const c of comments) if (!isOwner(call.caller, c.channelId)) fail(403, 'forbidden', 'The comment could not be moderated due to insufficient permissions.', 'youtube.comment');
	for (const c of comments) c.moderationStatus = status as YtComment['moderationStatus'];
	noContent(ctx);
}

// ---------- search ----------

const VIDEO_ONLY_FILTERS = ['eventType', 'videoCaption', 'videoCategoryId', 'videoDefinition', 'videoDimension', 'videoDuration', 'videoEmbeddable', 'videoLicense', 'videoSyndicated', 'videoType', 'forMine'];

function searchList(call: YtCall) {
	const { ctx, store, caller } = call;
	partsOf(ctx.query, ['snippet', 'id']);
	const q = ctx.query;
	const types = (q.type ?? 'video,channel,playlist').split(',').map((t) => t.trim());
	if (types.some((t) => !['video', 'channel', 'playlist'].includes(t))) badRequest('invalidSearchFilter', 'The request contains an invalid combination of search filters and/or restrictions.', 'type');
	const videoOnly = VIDEO_ONLY_FILTERS.filter((f) => q[f] !== undefined);
	if (videoOnly.length && (types.length !== 1 || types[0] !== 'video')) badRequest('invalidSearchFilter', `The request contains an invalid combination of search filters and/or restrictions. You must set the type parameter to video if you set ${videoOnly.join(', ')}.`, 'type');
	const forMine = truthy(q.forMine);
	if (forMine) {
		requireUser(caller, 'youtube', 'forMine');
		if (q.channelId) badRequest('incompatibleParameters', 'forMine cannot be combined with channelId.');
	}
	const terms = (q.q ?? '').toLowerCase().split(/[\s|]+/).filter((t) => t && !t.startsWith('-'));
	const matches = (text: string) => terms.every((t) => text.toLowerCase().includes(t));
	const after = q.publishedAfter ? Date.parse(q.publishedAfter) : -Infinity;
	const before = q.publishedBefore ? Date.parse(q.publishedBefore) : Infinity;
	type Hit = { kind: string; id: Record<string, string>; publishedAt: number; channelId: string; title: string; description: string; views: number; likes: number; thumbId: string };
	const hits: Hit[] = [];
	if (types.includes('video')) {
		for (const v of store.videos) {
			// forMine searches every video of the user's channel; otherwise only public videos are found
			if (forMine ? v.channelId !== SIM_CHANNEL_ID : v.status.privacyStatus !== 'public') continue;
			if (q.channelId && v.channelId !== q.channelId) continue;
			if (q.videoCategoryId && v.snippet.categoryId !== q.videoCategoryId) continue;
			if (!matches(`${v.snippet.title} ${v.snippet.description} ${(v.snippet.tags ?? []).join(' ')}`)) continue;
			if (v.snippet.publishedAt < after || v.snippet.publishedAt > before) continue;
			hits.push({ kind: 'youtube#video', id: { kind: 'youtube#video', videoId: v.id }, publishedAt: v.snippet.publishedAt, channelId: v.channelId, title: v.snippet.title, description: v.snippet.description ?? '', views: v.statistics.viewCount, likes: v.statistics.likeCount, thumbId: v.id });
		}
	}
	if (types.includes('channel') && !forMine) {
		for (const c of store.channels.values()) {
			if (q.channelId && c.id !== q.channelId) continue;
			if (!matches(`${c.title} ${c.description}`)) continue;
			hits.push({ kind: 'youtube#channel', id: { kind: 'youtube#channel', channelId: c.id }, publishedAt: c.publishedAt, channelId: c.id, title: c.title, description: c.description, views: 0, likes: 0, thumbId: c.id });
		}
	}
	if (types.includes('playlist') && !forMine) {
		for (const p of store.playlists) {
			if (p.status.privacyStatus !== 'public' || (q.channelId && p.channelId !== q.channelId)) continue;
			if (!matches(`${p.snippet.title} ${p.snippet.description ?? ''}`)) continue;
			hits.push({ kind: 'youtube#playlist', id: { kind: 'youtube#playlist', playlistId: p.id }, publishedAt: p.snippet.publishedAt, channelId: p.channelId, title: p.snippet.title, description: p.snippet.description ?? '', views: 0, likes: 0, thumbId: p.id });
		}
	}
	const order = q.order ?? 'relevance';
	const sorters: Record<string, (a: Hit, b: Hit) => number> = {
		date: (a, b) => b.publishedAt - a.publishedAt,
		title: (a, b) => a.title.localeCompare(b.title),
		viewCount: (a, b) => b.views - a.views,
		rating: (a, b) => b.likes - a.likes,
		relevance: (a, b) => b.views + b.likes * 10 - (a.views + a.likes * 10),
		videoCount: (a, b) => b.publishedAt - a.publishedAt,
	};
	if (!sorters[order]) badRequest('invalidValue', `Invalid value for order: ${order}`, 'order');
	hits.sort(sorters[order]);
	const max = maxResultsOf(q, 0, 50, 5, store.config.clampMaxResults);
	const listKey = `search:${[q.q, q.type, q.forMine, q.channelId, order, q.videoCategoryId, q.publishedAfter, q.publishedBefore].join('~')}`;
	const page = paginate(listKey, hits, q.pageToken, max);
	const items = page.items.map((h) => ({
		kind: 'youtube#searchResult',
		etag: etag(h.id),
		id: h.id,
		snippet: { publishedAt: iso(h.publishedAt), channelId: h.channelId, title: h.title, description: h.description, thumbnails: thumbnails(h.thumbId), channelTitle: channelTitle(store, h.channelId), liveBroadcastContent: 'none', publishTime: iso(h.publishedAt) },
	}));
	listReply(call, 'youtube#searchListResponse', { ...page, items }, { regionCode: q.regionCode ?? 'US' });
}

// ---------- captions ----------

export function renderCaption(c: Caption) {
	return {
		kind: 'youtube#caption',
		etag: etag(c),
		id: c.id,
		snippet: { videoId: c.videoId, lastUpdated: iso(c.updatedAt), trackKind: 'standard', language: c.language, name: c.name, audioTrackType: 'unknown', isCC: false, isLarge: false, isEasyReader: false, isDraft: c.isDraft, isAutoSynced: false, status: 'serving' },
	};
}

/** the captions of a video the caller owns */
export function ownedVideoForCaptions(call: YtCall, videoId: string | undefined): Video {
	const v = call.store.videos.find((x) => x.id === videoId);
	if (!v) notFound('videoNotFound', 'The video identified by the <code>videoId</code> parameter could not be found.', 'youtube.caption');
	if (!isOwner(call.caller, v!.channelId)) fail(403, 'forbidden', 'The permissions associated with the request are not sufficient to retrieve the caption track.', 'youtube.caption');
	return v!;
}

function captionsList(call: YtCall) {
	const { ctx, store } = call;
	partsOf(ctx.query, ['id', 'snippet']);
	const video = ownedVideoForCaptions(call, requiredParam(ctx.query, 'videoId'));
	const ids = ctx.query.id?.split(',');
	const items = store.captions.filter((c) => c.videoId === video.id && (!ids || ids.includes(c.id))).map(renderCaption);
	ok(ctx, { kind: 'youtube#captionListResponse', etag: etag(items), items });
}

function srtToVtt(srt: string): string {
	return 'WEBVTT\n\n' + srt.replace(/(\d{2}:\d{2}:\d{2}),(\d{3})/g, '$1.$2');
}

function srtToSbv(srt: string): string {
	return srt
		.split(/\n\n+/)
		.filter((b) => b.trim())
		.map((block) => {
			const lines = block.split('\n');
			const times = lines[1]?.replace(/(\d{2}):(\d{2}:\d{2}),(\d{3})/g, (_, h, ms, f) => `${Number(h)}:${ms}.${f}`).replace(' --> ', ',');
			return [times, ...lines.slice(2)].join('\n');
		})
		.join('\n\n') + '\n';
}

function captionsDownload(call: YtCall, match: RegExpExecArray | null) {
	const { ctx, store } = call;
	const c = store.captions.find((x) => x.id === match?.[1]);
	if (!c) notFound('captionNotFound', 'The caption track could not be found.', 'youtube.caption');
	ownedVideoForCaptions(call, c!.videoId);
	const format = ctx.query.tfmt ?? c!.format;
	const render: Record<string, [string, string]> = {
		srt: [c!.content, 'application/x-subrip'],
		vtt: [srtToVtt(c!.content), 'text/vtt'],
		sbv: [srtToSbv(c!.content), 'text/plain'],
	};
	if (!render[format]) badRequest('invalidValue', `Unsupported caption format in this simulator: ${format} (srt, vtt, sbv)`, 'tfmt');
	ctx.log.code = 0;
	ctx.send(200, render[format][0], `${render[format][1]}; charset=utf-8`);
}

function captionsDelete(call: YtCall) {
	const c = call.store.captions.find((x) => x.id === requiredParam(call.ctx.query, 'id'));
	if (!c) notFound('captionNotFound', 'The caption track could not be found.', 'youtube.caption');
	ownedVideoForCaptions(call, c!.videoId);
	call.store.captions = call.store.captions.filter((x) => x !== c);
	noContent(call.ctx);
}

function captionsUpdate(call: YtCall) {
	const { ctx, store, body } = call;
	partsOf(ctx.query, ['id', 'snippet']);
	const c = store.captions.find((x) => x.id === body.id);
	if (!c) notFound('captionNotFound', 'The caption track could not be found.', 'youtube.caption');
	ownedVideoForCaptions(call, c!.videoId);
	if (body.snippet?.isDraft !== undefined) c!.isDraft = !!body.snippet.isDraft;
	c!.updatedAt = ctx.now();
	ok(ctx, renderCaption(c!));
}

export const YOUTUBE_ROUTES: YtRoute[] = [
	{ method: 'GET', path: '/videos', rule: RULES.ytPublicRead, cost: 1, handler: videosList },
	{ method: 'PUT', path: '/videos', rule: RULES.ytWrite, cost: 50, handler: videosUpdate },
	{ method: 'DELETE', path: '/videos', rule: RULES.ytWrite, cost: 50, handler: videosDelete },
	{ method: 'POST', path: '/videos/rate', rule: RULES.ytWrite, cost: 50, handler: videosRate },
	{ method: 'GET', path: '/videos/getRating', rule: RULES.ytRead, cost: 1, handler: videosGetRating },
	{ method: 'GET', path: '/videoCategories', rule: RULES.ytPublicRead, cost: 1, handler: videoCategoriesList },
	{ method: 'GET', path: '/channels', rule: RULES.ytPublicRead, cost: 1, handler: channelsList },
	{ method: 'PUT', path: '/channels', rule: RULES.ytWrite, cost: 50, handler: channelsUpdate },
	{ method: 'GET', path: '/playlists', rule: RULES.ytPublicRead, cost: 1, handler: playlistsList },
	{ method: 'POST', path: '/playlists', rule: RULES.ytWrite, cost: 50, handler: playlistsInsert },
	{ method: 'PUT', path: '/playlists', rule: RULES.ytWrite, cost: 50, handler: playlistsUpdate },
	{ method: 'DELETE', path: '/playlists', rule: RULES.ytWrite, cost: 50, handler: playlistsDelete },
	{ method: 'GET', path: '/playlistItems', rule: RULES.ytPublicRead, cost: 1, handler: playlistItemsList },
	{ method: 'POST', path: '/playlistItems', rule: RULES.ytWrite, cost: 50, handler: playlistItemsInsert },
	{ method: 'DELETE', path: '/playlistItems', rule: RULES.ytWrite, cost: 50, handler: playlistItemsDelete },
	{ method: 'GET', path: '/commentThreads', rule: RULES.ytPublicRead, cost: 1, handler: commentThreadsList },
	{ method: 'POST', path: '/commentThreads', rule: RULES.ytForceSsl, cost: 50, handler: commentThreadsInsert },
	{ method: 'GET', path: '/comments', rule: RULES.ytPublicRead, cost: 1, handler: commentsList },
	{ method: 'POST', path: '/comments', rule: RULES.ytForceSsl, cost: 50, handler: commentsInsert },
	{ method: 'PUT', path: '/comments', rule: RULES.ytForceSsl, cost: 50, handler: commentsUpdate },
	{ method: 'DELETE', path: '/comments', rule: RULES.ytForceSsl, cost: 50, handler: commentsDelete },
	{ method: 'POST', path: '/comments/setModerationStatus', rule: RULES.ytForceSsl, cost: 50, handler: commentsSetModerationStatus },
	{ method: 'GET', path: '/search', rule: RULES.ytPublicRead, cost: 100, bucket: 'search', handler: searchList },
	{ method: 'GET', path: '/captions', rule: RULES.ytForceSsl, cost: 50, handler: captionsList },
	{ method: 'PUT', path: '/captions', rule: RULES.ytForceSsl, cost: 450, handler: captionsUpdate },
	{ method: 'DELETE', path: '/captions', rule: RULES.ytForceSsl, cost: 50, handler: captionsDelete },
	{ method: 'GET', path: /^\/captions\/([A-Za-z0-9_-]+)$/, rule: RULES.ytForceSsl, cost: 200, handler: captionsDownload },
];
