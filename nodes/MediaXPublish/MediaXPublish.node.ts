import { createHash } from 'crypto';
import {
	NodeConnectionTypes,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { PlatformError } from '../shared/engine/engine';
import { RunTokens } from '../shared/engine/runTokens';
import { toNodeError } from '../shared/node/errors';
import { secretsOf, type NodePlatform } from '../shared/node/router';
import { splitList } from '../shared/node/fields';
import { TARGET_LIMITS, type TargetName } from './limits';
import { TARGETS, type PublishStatus, type Published, type TargetEnv } from './targets';
import { checkTarget, describeProblems, type Post, type Problem } from './validate';
import { PublishRecord } from './publishRecord';

const TARGET_OPTIONS: Array<{ name: string; value: TargetName }> = [
	{ name: 'Bilibili (Article)', value: 'bilibiliArticle' },
	{ name: 'Bilibili (Video)', value: 'bilibiliVideo' },
	{ name: 'Blogger (Post)', value: 'bloggerPost' },
	{ name: 'Douyin (Image-Text)', value: 'douyinImageText' },
	{ name: 'Douyin (Video)', value: 'douyinVideo' },
	{ name: 'WeChat Official Account (Article)', value: 'wechatArticle' },
	{ name: 'YouTube (Video)', value: 'youtubeVideo' },
];

/** the editor's default; n8n does not store a parameter equal to its default, so it is also the fallback when reading */
export const DEFAULT_IDEMPOTENCY_KEY = '={{ $json.id ?? $json.title }}';
/** statuses that mean the post exists on the platform: a re-run never sends it again */
const DONE: PublishStatus[] = ['published', 'scheduled', 'in_review', 'submitted'];

/** one entry per platform account; a target shows the entry that serves it (and the record is kept in it) */
const PUBLISH_CREDENTIALS = [
	{ name: 'mediaXDouyinOAuth2Api', displayName: 'Douyin Account (user authorization)', required: true, displayOptions: { show: { targets: ['douyinVideo', 'douyinImageText'] } } },
	{ name: 'mediaXWeChatOfficialAccountApi', displayName: 'WeChat Official Account (app token)', required: true, displayOptions: { show: { targets: ['wechatArticle'] } } },
	{ name: 'mediaXGoogleOAuth2Api', displayName: 'Google Account (YouTube, Blogger)', required: true, displayOptions: { show: { targets: ['youtubeVideo', 'bloggerPost'] } } },
	{ name: 'mediaXBilibiliOAuth2Api', displayName: 'Bilibili Account (user authorization)', required: true, displayOptions: { show: { targets: ['bilibiliVideo', 'bilibiliArticle'] } } },
];

const onTargets = (targets: TargetName[], extra: IDataObject = {}) => ({ show: { operation: ['publish'], targets, ...extra } });
const onPublish = { show: { operation: ['publish'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'RedBook (Xiaohongshu) is not a target: its open platform (JuGuang) is an advertising API and offers no way to publish notes',
		name: 'redbookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Publish', value: 'publish', action: 'Publish a post to several platforms', description: 'Validate the post for every target, then publish it to each' },
			{ name: 'Get Stats', value: 'getStats', action: 'Get stats of published posts', description: 'Views, likes, comments, shares and favorites of posts from Publish result rows' },
		],
		default: 'publish',
	},
	{
		displayName: 'Targets',
		name: 'targets',
		type: 'multiOptions',
		options: TARGET_OPTIONS,
		default: [],
		required: true,
		description: 'Where to publish; each target uses the credential attached for its platform. For Get Stats: the platforms the rows may name (their credentials are shown).',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, displayOptions: onPublish, description: 'The post title (Douyin: the caption, with the tags as #hashtags)' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '', displayOptions: onPublish, description: 'Plain text: the video description (YouTube, Bilibili), digest (WeChat) or summary (Bilibili article)' },
	{
		displayName: 'Body (HTML)',
		name: 'bodyHtml',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		displayOptions: onTargets(['wechatArticle', 'bloggerPost', 'bilibiliArticle']),
		description: 'The article body for WeChat, Blogger and Bilibili articles. Empty: the Description, as HTML paragraphs.',
	},
	{ displayName: 'Tags', name: 'tags', type: 'string', default: '', placeholder: 'travel, vlog', displayOptions: onPublish, description: 'Comma-separated tags (Douyin: #hashtags in the caption; Blogger: labels)' },
	{
		displayName: 'Video Binary Field',
		name: 'videoBinaryPropertyName',
		type: 'string',
		default: 'data',
		displayOptions: onTargets(['douyinVideo', 'youtubeVideo', 'bilibiliVideo']),
		description: 'The input binary field holding the video; each platform reads it as a stream, one after another',
	},
	{
		displayName: 'Image Binary Fields',
		name: 'imageBinaryPropertyNames',
		type: 'string',
		default: '',
		placeholder: 'image1, image2',
		displayOptions: onTargets(['douyinImageText']),
		description: 'Comma-separated input binary fields holding the images of an image-text post, in order',
	},
	{
		displayName: 'Cover Binary Field',
		name: 'coverBinaryPropertyName',
		type: 'string',
		default: '',
		placeholder: 'cover',
		displayOptions: onPublish,
		description: 'The input binary field holding the cover image (required for WeChat; optional for Douyin video and Bilibili; not sent to YouTube or Blogger)',
	},
	{
		displayName: 'Scheduled Time',
		name: 'scheduledAt',
		type: 'dateTime',
		default: '',
		displayOptions: onPublish,
		description: 'Publish later (YouTube: publishAt, the video is uploaded private; Blogger: scheduled post). Douyin, WeChat and Bilibili have no scheduling API: a time with those targets is a validation problem.',
	},
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: DEFAULT_IDEMPOTENCY_KEY,
		displayOptions: onPublish,
		description: 'Identifies the post: a production run with a key that already succeeded on a platform does not publish it there again, and retries only the platforms that failed',
	},
	{ displayName: 'Blogger Blog ID', name: 'bloggerBlogId', type: 'string', default: '', required: true, displayOptions: onTargets(['bloggerPost']), description: 'The blog to post to (Blogger → Blog → List Mine shows the IDs)' },
	{ displayName: 'Bilibili Partition ID', name: 'bilibiliPartitionId', type: 'number', default: 0, required: true, displayOptions: onTargets(['bilibiliVideo']), description: 'The sub-partition (tid) of the video (MediaX Bilibili → Video → Submit lists them)' },
	{ displayName: 'Bilibili Article Category ID', name: 'bilibiliArticleCategoryId', type: 'number', default: 0, required: true, displayOptions: onTargets(['bilibiliArticle']), description: 'The article category (MediaX Bilibili → Article → List Categories shows the IDs)' },
	{
		displayName: 'Douyin Options',
		name: 'douyinOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: onTargets(['douyinVideo', 'douyinImageText']),
		options: [
			{ displayName: 'Mini-App ID', name: 'microAppId', type: 'string', default: '', description: 'Mini-program anchor; not together with a POI' },
			{ displayName: 'Mini-App Page Path', name: 'microAppUrl', type: 'string', default: '' },
			{ displayName: 'Mini-App Title', name: 'microAppTitle', type: 'string', default: '' },
			{ displayName: 'POI ID', name: 'poiId', type: 'string', default: '', description: 'Location anchor; not together with a mini-app' },
			{ displayName: 'POI Name', name: 'poiName', type: 'string', default: '' },
			{ displayName: 'Visibility (Video)', name: 'visibility', type: 'options', options: [{ name: 'Public', value: 0 }, { name: 'Only Me', value: 1 }, { name: 'Friends', value: 2 }], default: 0 },
		],
	},
	{
		displayName: 'WeChat Options',
		name: 'wechatOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: onTargets(['wechatArticle']),
		options: [
			{ displayName: 'Author', name: 'author', type: 'string', default: '', description: 'Up to 16 characters' },
			{ displayName: 'Open Comments', name: 'openComments', type: 'boolean', default: false, description: 'Whether readers can comment' },
			{ displayName: 'Only Followers Can Comment', name: 'onlyFollowersCanComment', type: 'boolean', default: false, description: 'Whether only followers can comment (with Open Comments)' },
			{ displayName: 'Source URL', name: 'sourceUrl', type: 'string', default: '', description: 'The "Read more" (阅读原文) link' },
		],
	},
	{
		displayName: 'YouTube Options',
		name: 'youtubeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: onTargets(['youtubeVideo']),
		options: [
			{ displayName: 'Category ID', name: 'categoryId', type: 'string', default: '22', description: 'The video category (22 = People & Blogs)' },
			{ displayName: 'Made for Kids', name: 'madeForKids', type: 'boolean', default: false, description: 'Whether the video is made for kids (selfDeclaredMadeForKids)' },
			{ displayName: 'Notify Subscribers', name: 'notifySubscribers', type: 'boolean', default: true, description: 'Whether subscribers are notified of the new video' },
			{
				displayName: 'Privacy Status',
				name: 'privacyStatus',
				type: 'options',
				options: [{ name: 'Public', value: 'public' }, { name: 'Unlisted', value: 'unlisted' }, { name: 'Private', value: 'private' }],
				default: 'public',
				description: 'With a Scheduled Time the video is uploaded private and YouTube makes it public then',
			},
		],
	},
	{
		displayName: 'Bilibili Options',
		name: 'bilibiliOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: onTargets(['bilibiliVideo', 'bilibiliArticle']),
		options: [
			{ displayName: 'Copyright', name: 'copyright', type: 'options', options: [{ name: 'Original (自制)', value: 1 }, { name: 'Reprint (转载)', value: 2 }], default: 1 },
			{ displayName: 'Forbid Reprints', name: 'noReprint', type: 'boolean', default: false, description: 'Whether to mark the video as not to be reprinted' },
			{ displayName: 'Source', name: 'source', type: 'string', default: '', description: 'Where a reprinted video comes from (required for reprints)' },
		],
	},
	{
		displayName: 'Blogger Options',
		name: 'bloggerOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: onTargets(['bloggerPost']),
		options: [
			{ displayName: 'Labels', name: 'labels', type: 'string', default: '', description: 'Comma-separated labels added to the tags' },
			{ displayName: 'Post As', name: 'mode', type: 'options', options: [{ name: 'Live', value: 'live' }, { name: 'Draft', value: 'draft' }], default: 'live' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: onPublish,
		options: [
			{ displayName: 'Max Wait (Seconds)', name: 'maxWaitSeconds', type: 'number', typeOptions: { minValue: 1, maxValue: 86400 }, default: 600, description: 'With Wait Until Live: stop waiting after this long and output the status reached' },
			{
				displayName: 'On Failure',
				name: 'onFailure',
				type: 'options',
				options: [
					{ name: 'Output Failure Rows', value: 'output', description: 'A failed platform gives a row with status "failed", code, message and what to do' },
					{ name: 'Fail the Node', value: 'error', description: 'After every platform was tried, stop with a summary of the failures' },
				],
				default: 'output',
			},
			{ displayName: 'Poll Interval (Seconds)', name: 'pollIntervalSeconds', type: 'number', typeOptions: { minValue: 1, maxValue: 3600 }, default: 15, description: 'With Wait Until Live: time between two status requests per platform' },
			{ displayName: 'Publish to Valid Targets Only', name: 'validTargetsOnly', type: 'boolean', default: false, description: 'Whether to publish to the targets that pass validation and skip the others (default: nothing is published while any target has a problem)' },
			{ displayName: 'Wait Until Live', name: 'waitUntilLive', type: 'boolean', default: false, description: 'Whether to poll each platform until the post is live, rejected, or Max Wait runs out' },
		],
	},
	{
		displayName: 'Target',
		name: 'statsTarget',
		type: 'string',
		default: '={{ $json.target }}',
		displayOptions: { show: { operation: ['getStats'] } },
		description: 'The target of the post (the "target" of a Publish result row, e.g. youtubeVideo)',
	},
	{
		displayName: 'Content ID',
		name: 'statsContentId',
		type: 'string',
		default: '={{ $json.content_id }}',
		displayOptions: { show: { operation: ['getStats'] } },
		description: 'The platform\'s ID of the post (the "content_id" of a Publish result row)',
	},
];

interface Row extends IDataObject {
	platform: string;
	target: TargetName;
	status: PublishStatus;
}

function toHtml(text: string): string {
	const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return text
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

function readPost(ctx: IExecuteFunctions, i: number): Post {
	const json = ctx.getInputData()[i].json;
	const title = String(ctx.getNodeParameter('title', i, '') ?? '').trim();
	const text = String(ctx.getNodeParameter('description', i, '') ?? '');
	const html = String(ctx.getNodeParameter('bodyHtml', i, '') ?? '');
	const rawKey = ctx.getNodeParameter('idempotencyKey', i, DEFAULT_IDEMPOTENCY_KEY) as unknown;
	// a context that hands back the expression unevaluated: evaluate the default the way n8n would
	const key = rawKey === DEFAULT_IDEMPOTENCY_KEY ? (json.id ?? json.title) : rawKey;
	const scheduled = ctx.getNodeParameter('scheduledAt', i, '') as unknown;
	return {
		title,
		text,
		html: html.trim() ? html : toHtml(text),
		tags: splitList(ctx.getNodeParameter('tags', i, ''), /\s*,\s*/).map((t) => t.replace(/^#/, '')).filter(Boolean),
		videoProperty: String(ctx.getNodeParameter('videoBinaryPropertyName', i, 'data') ?? '').trim(),
		imageProperties: splitList(ctx.getNodeParameter('imageBinaryPropertyNames', i, '')),
		coverProperty: String(ctx.getNodeParameter('coverBinaryPropertyName', i, '') ?? '').trim(),
		scheduledAt: scheduled ? safeIso(scheduled) : "",
		key: key === undefined || key === null || String(key).trim() === '' ? `post-${createHash('sha256').update(`${title}\n${text}`).digest('hex').slice(0, 16)}` : String(key),
	};
}

function safeIso(value: unknown): string {
	const ms = Date.parse(String(value));
	return Number.isNaN(ms) ? String(value) : new Date(ms).toISOString();
}

function targetOptions(ctx: IExecuteFunctions, i: number, target: TargetName): IDataObject {
	const platform = TARGET_LIMITS[target].platform;
	const collection = (name: string) => ({ ...((ctx.getNodeParameter(name, i, {}) as IDataObject) ?? {}) });
	if (platform === 'douyin') return collection('douyinOptions');
	if (platform === 'wechat') return collection('wechatOptions');
	if (platform === 'youtube') return collection('youtubeOptions');
	if (platform === 'blogger') return { ...collection('bloggerOptions'), blogId: String(ctx.getNodeParameter('bloggerBlogId', i, '') ?? '').trim() };
	return { ...collection('bilibiliOptions'), partitionId: ctx.getNodeParameter('bilibiliPartitionId', i, 0), articleCategoryId: ctx.getNodeParameter('bilibiliArticleCategoryId', i, 0) };
}

/** Problems of the node's own fields for a target (the IDs the platform operation needs). */
function fieldProblems(options: IDataObject, target: TargetName): Problem[] {
	const label = TARGET_LIMITS[target].label;
	const problems: Problem[] = [];
	const add = (field: string, message: string) => problems.push({ target, platform: label, field, message });
	if (target === 'bloggerPost' && !options.blogId) add('Blogger Blog ID', 'is required');
	if (target === 'bilibiliVideo' && !(Number(options.partitionId) > 0)) add('Bilibili Partition ID', 'is required (a sub-partition tid)');
	if (target === 'bilibiliArticle' && !(Number(options.articleCategoryId) > 0)) add('Bilibili Article Category ID', 'is required');
	if (TARGET_LIMITS[target].platform === 'bilibili' && Number(options.copyright) === 2 && target === 'bilibiliVideo' && !String(options.source ?? '').trim()) add('Bilibili Options → Source', 'is required for a reprint');
	if (TARGET_LIMITS[target].platform === 'douyin' && options.microAppId && options.poiId) add('Douyin Options', '"Mini-App ID" and "POI ID" cannot be used together: Douyin allows one anchor per post');
	return problems;
}

/** The platform's code and message and what to do, secrets masked. */
async function failureOf(ctx: IExecuteFunctions, platform: NodePlatform, run: RunTokens, error: unknown, i: number): Promise<IDataObject> {
	const nodeError = toNodeError(ctx, error, i, await secretsOf(ctx, platform, run));
	return {
		code: error instanceof PlatformError ? error.code : (nodeError as { httpCode?: string | null }).httpCode ?? undefined,
		message: nodeError.message,
		what_to_do: nodeError.description ?? undefined,
	};
}

/** the credential type attached for a target: the one whose panel entry the target shows */
function credentialOfTarget(target: TargetName): string {
	return PUBLISH_CREDENTIALS.find((c) => (c.displayOptions.show.targets as string[]).includes(target))!.name;
}

async function publishItems(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const run = new RunTokens();
	const posts = items.map((_, i) => readPost(ctx, i));
	const targetsOf = (i: number) => [...new Set((ctx.getNodeParameter('targets', i, []) as TargetName[]) ?? [])].filter((t) => t in TARGETS);
	const optionsOf = (i: number) => ctx.getNodeParameter('options', i, {}) as IDataObject;

	// 1. validation of every target of every item, before anything is sent
	const problems: Array<Problem & { itemIndex: number }> = [];
	for (let i = 0; i < items.length; i++) {
		const targets = targetsOf(i);
		if (!targets.length) throw new NodeOperationError(ctx.getNode(), 'Field "Targets" is empty: choose at least one platform', { itemIndex: i });
		for (const target of targets) {
			for (const p of await checkTarget(ctx, i, posts[i], target, fieldProblems(targetOptions(ctx, i, target), target))) problems.push({ ...p, itemIndex: i });
		}
	}
	const validOnly = (i: number) => Boolean(optionsOf(i).validTargetsOnly);
	const blocking = problems.filter((p) => !validOnly(p.itemIndex));
	if (blocking.length) {
		throw new NodeOperationError(ctx.getNode(), `The post breaks ${blocking.length} platform limit${blocking.length > 1 ? 's' : ''}; nothing was published`, {
			description: `${describeProblems(blocking, items.length > 1)}\n\nFix the fields named, remove the target, or turn on Options → "Publish to Valid Targets Only".`,
		});
	}

	// 2. publish, target by target; one platform failing never stops the others
	const record = new PublishRecord(ctx, credentialOfTarget);
	const out: INodeExecutionData[] = [];
	const failures: string[] = [];
	for (let i = 0; i < items.length; i++) {
		const post = posts[i];
		const options = optionsOf(i);
		const rows: Array<{ row: Row; env: TargetEnv; published?: Published }> = [];
		for (const target of targetsOf(i)) {
			const spec = TARGETS[target];
			const env: TargetEnv = { ctx, itemIndex: i, post, options: targetOptions(ctx, i, target), run };
			const base = { platform: spec.name, target, idempotency_key: post.key };
			const skipped = problems.filter((p) => p.itemIndex === i && p.target === target);
			if (skipped.length) {
				rows.push({ row: { ...base, status: 'skipped', problems: skipped.map((p) => `"${p.field}" ${p.message}`) }, env });
				continue;
			}
			const previous = await record.get(post.key, target);
			if (previous && DONE.includes(previous.status as PublishStatus)) {
				rows.push({ row: { ...base, ...previous, status: previous.status as PublishStatus, repeated: true }, env });
				continue;
			}
			const started = Date.now();
			try {
				const published = await spec.publish(env);
				const row: Row = {
					...base,
					status: published.status,
					content_id: published.contentId,
					url: published.url,
					published_at: new Date().toISOString(),
					duration_ms: Date.now() - started,
					details: published.details,
				};
				// recorded at once: a later platform failing the node keeps what already went out
				await record.set(post.key, target, { status: row.status, content_id: row.content_id, url: row.url, published_at: row.published_at, details: published.details });
				rows.push({ row, env, published });
			} catch (error) {
				const failure = await failureOf(ctx, spec.platform, run, error, i);
				failures.push(`${TARGET_LIMITS[target].label}: ${String(failure.message)}`);
				rows.push({ row: { ...base, status: 'failed', started_at: new Date(started).toISOString(), duration_ms: Date.now() - started, error: failure }, env });
			}
		}
		if (options.waitUntilLive) await waitUntilLive(ctx, rows, options, record, post.key);
		for (const { row } of rows) out.push({ json: row, pairedItem: { item: i } });
	}
	const failedAfterWait = out.filter((o) => o.json.status === 'failed').length;
	if (failedAfterWait && optionsOf(0).onFailure === 'error') {
		throw new NodeOperationError(ctx.getNode(), `${failedAfterWait} platform${failedAfterWait > 1 ? 's' : ''} failed; the others were published and are recorded`, {
			description: `${failures.join('\n') || 'A platform rejected the post while waiting until live.'}\n\nRun again with the same Idempotency Key: only the failed platforms are tried again.`,
		});
	}
	return [out];
}

/** Polls every platform that is not final yet, with n8n's sleep, until live, rejected, or Max Wait. */
async function waitUntilLive(ctx: IExecuteFunctions, rows: Array<{ row: Row; env: TargetEnv; published?: Published }>, options: IDataObject, record: PublishRecord, key: string): Promise<void> {
	const intervalMs = Math.max(1, Number(options.pollIntervalSeconds ?? 15)) * 1000;
	const maxWaitMs = Math.max(1, Number(options.maxWaitSeconds ?? 600)) * 1000;
	const started = Date.now();
	// final already: a scheduled post, a live Blogger post, a Blogger draft; a YouTube upload is 'published' while it processes
	const pending = rows.filter((r) => r.published && (r.row.target === 'youtubeVideo' ? r.row.status === 'published' : r.row.target !== 'bloggerPost' && (r.row.status === 'in_review' || r.row.status === 'submitted')));
	for (const r of pending) r.row.polls = 0;
	let open = pending;
	while (open.length) {
		for (const r of open) {
			const spec = TARGETS[r.row.target];
			try {
				const live = await spec.check(r.env, { contentId: String(r.row.content_id), details: (r.row.details ?? {}) as IDataObject });
				r.row.polls = Number(r.row.polls) + 1;
				if (live.url) r.row.url = live.url;
				if (live.state === 'live') {
					r.row.status = 'published';
					r.row.live_at = new Date().toISOString();
				} else if (live.state === 'rejected') {
					r.row.status = 'failed';
					r.row.error = { message: `${TARGET_LIMITS[r.row.target].label} rejected the post: ${live.reason ?? 'no reason given'}`, what_to_do: 'Check the post in the platform\'s console, fix it and publish again with a new Idempotency Key.' };
				}
				r.row.live_state = live.state;
				if (live.state !== 'pending') await record.set(key, r.row.target, { status: r.row.status, url: r.row.url });
			} catch (error) {
				r.row.live_check_error = (await failureOf(ctx, spec.platform, r.env.run, error, r.env.itemIndex)).message as string;
			}
		}
		open = open.filter((r) => r.row.live_state === 'pending' || r.row.live_check_error);
		if (!open.length || Date.now() - started + intervalMs > maxWaitMs) break;
		if (ctx.getExecutionCancelSignal?.()?.aborted) throw new NodeOperationError(ctx.getNode(), 'Execution cancelled while waiting until live');
		await sleep(intervalMs);
	}
	for (const r of pending) r.row.waited_ms = Date.now() - started;
}

async function statsItems(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const run = new RunTokens();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		const rawTarget = ctx.getNodeParameter('statsTarget', i, '={{ $json.target }}') as string;
		const rawId = ctx.getNodeParameter('statsContentId', i, '={{ $json.content_id }}') as string;
		const target = (String(rawTarget).startsWith('=') ? json.target : rawTarget) as TargetName;
		const contentId = String(String(rawId).startsWith('=') ? json.content_id ?? '' : rawId).trim();
		const spec = TARGETS[target];
		if (!spec) throw new NodeOperationError(ctx.getNode(), `Field "Target" is "${String(target)}"; expected one of ${Object.keys(TARGETS).join(', ')}`, { itemIndex: i });
		const base = { platform: spec.name, target, content_id: contentId, fetched_at: new Date().toISOString() };
		if (!contentId || json.status === 'failed' || json.status === 'skipped') {
			out.push({ json: { ...base, status: 'skipped', reason: 'no content ID (the post was not published there)' }, pairedItem: { item: i } });
			continue;
		}
		const env: TargetEnv = { ctx, itemIndex: i, post: {} as Post, options: {}, run };
		try {
			const { figures, raw } = await spec.stats(env, contentId, (json.details ?? {}) as IDataObject);
			out.push({ json: { ...base, views: null, likes: null, comments: null, shares: null, favorites: null, ...figures, raw }, pairedItem: { item: i } });
		} catch (error) {
			if ((error as { skipped?: boolean }).skipped) {
				out.push({ json: { ...base, status: 'skipped', reason: (error as Error).message }, pairedItem: { item: i } });
				continue;
			}
			const failure = await failureOf(ctx, spec.platform, run, error, i);
			if (!ctx.continueOnFail()) throw toNodeError(ctx, error, i, await secretsOf(ctx, spec.platform, run));
			out.push({ json: { ...base, status: 'failed', error: failure }, pairedItem: { item: i } });
		}
	}
	return [out];
}

export class MediaXPublish implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX Publish',
		name: 'mediaXPublish',
		icon: { light: 'file:publish.svg', dark: 'file:publish.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + ($parameter["targets"] || []).join(", ")}}',
		description: 'Publish one post to Douyin, WeChat Official Account, YouTube, Blogger and Bilibili at once, and read its stats',
		defaults: { name: 'MediaX Publish' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: PUBLISH_CREDENTIALS,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0, 'publish') as string;
		return operation === 'getStats' ? statsItems(this) : publishItems(this);
	}
}
