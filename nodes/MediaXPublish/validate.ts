import type { IExecuteFunctions } from 'n8n-workflow';
import { formatBytes, openBinary } from '../shared/http/binary';
import { TARGET_LIMITS, type FileLimit, type TargetName, type TextLimit } from './limits';

/** One post as the publish node reads it from an item. */
export interface Post {
	title: string;
	text: string;
	/** the HTML body: the HTML field, or the plain text as paragraphs */
	html: string;
	tags: string[];
	videoProperty: string;
	imageProperties: string[];
	coverProperty: string;
	scheduledAt: string;
	key: string;
}

export interface Problem {
	target: TargetName;
	platform: string;
	field: string;
	message: string;
}

function length(value: string, unit: TextLimit['unit']): number {
	return unit === 'bytes' ? Buffer.byteLength(value, 'utf8') : [...value].length;
}

function checkText(add: (field: string, message: string) => void, field: string, value: string, limit: TextLimit | undefined): void {
	if (!limit) return;
	const n = length(value, limit.unit);
	const unit = limit.unit === 'bytes' ? 'bytes' : 'characters';
	if (!value.trim()) {
		if (limit.required) add(field, `is required (${limit.doc})`);
		return;
	}
	if (limit.max !== undefined && (limit.exclusive ? n >= limit.max : n > limit.max)) {
		add(field, `is ${n} ${unit}; the platform takes ${limit.exclusive ? 'fewer than' : 'at most'} ${limit.max} (${limit.doc})`);
	}
	if (limit.min !== undefined && n < limit.min) add(field, `is ${n} ${unit}; the platform needs at least ${limit.min} (${limit.doc})`);
	if (limit.forbidden?.test(value)) add(field, `contains characters the platform refuses (${limit.forbidden.source}) (${limit.doc})`);
}

async function checkFile(ctx: IExecuteFunctions, itemIndex: number, add: (field: string, message: string) => void, field: string, property: string, limit: FileLimit): Promise<void> {
	if (!property) {
		if (limit.required) add(field, `is required: name the input binary field (${limit.doc})`);
		return;
	}
	if (!ctx.getInputData()[itemIndex]?.binary?.[property]) {
		add(field, `names binary field "${property}", which the input item does not have`);
		return;
	}
	const file = await openBinary(ctx, itemIndex, property);
	if (file.size > limit.maxBytes) add(field, `"${file.fileName}" is ${formatBytes(file.size)}; the platform takes at most ${formatBytes(limit.maxBytes)} (${limit.doc})`);
	const ext = (file.fileName.split('.').pop() ?? '').toLowerCase();
	const subtype = (file.mimeType.split('/').pop() ?? '').toLowerCase();
	const byMime = limit.mimePrefix ? file.mimeType.toLowerCase().startsWith(limit.mimePrefix) : false;
	if (!byMime && !limit.types.includes(ext) && !limit.types.includes(subtype)) {
		add(field, `"${file.fileName}" (${file.mimeType}) is not accepted; the platform takes ${limit.types.length ? limit.types.join(', ') : `${limit.mimePrefix}*`} (${limit.doc})`);
	}
}

/** Every problem the post has for one target, without sending anything. */
export async function checkTarget(ctx: IExecuteFunctions, itemIndex: number, post: Post, target: TargetName, extra: Problem[] = []): Promise<Problem[]> {
	const limits = TARGET_LIMITS[target];
	const problems: Problem[] = [...extra];
	const add = (field: string, message: string) => problems.push({ target, platform: limits.label, field, message });
	checkText(add, 'Title', post.title, limits.title);
	checkText(add, 'Description', post.text, limits.text);
	checkText(add, 'Body (HTML)', post.html, limits.html);
	if (limits.tags) {
		const joined = post.tags.join(',');
		if (!post.tags.length && limits.tags.required) add('Tags', `needs at least one tag (${limits.tags.doc})`);
		const max = limits.tags.maxTotal;
		if (max !== undefined && (limits.tags.exclusive ? joined.length >= max : joined.length > max)) add('Tags', `are ${joined.length} characters in all; the platform takes ${limits.tags.exclusive ? 'fewer than' : 'at most'} ${max} (${limits.tags.doc})`);
	}
	if (limits.video) await checkFile(ctx, itemIndex, add, 'Video Binary Field', post.videoProperty, limits.video);
	if (limits.images) {
		if (post.imageProperties.length < limits.images.min) add('Image Binary Fields', `needs at least ${limits.images.min} image (${limits.images.doc})`);
		if (limits.images.max !== undefined && post.imageProperties.length > limits.images.max) add('Image Binary Fields', `holds ${post.imageProperties.length} images; the platform takes at most ${limits.images.max} (${limits.images.doc})`);
		for (const property of post.imageProperties) await checkFile(ctx, itemIndex, add, 'Image Binary Fields', property, limits.images);
	}
	if (limits.cover) await checkFile(ctx, itemIndex, add, 'Cover Binary Field', post.coverProperty, limits.cover);
	if (post.scheduledAt) {
		if (!limits.schedule.supported) add('Scheduled Time', `cannot be used: ${limits.schedule.doc}. Remove the target or schedule the workflow instead`);
		else if (Number.isNaN(Date.parse(post.scheduledAt))) add('Scheduled Time', `"${post.scheduledAt}" is not a date and time`);
		else if (Date.parse(post.scheduledAt) <= Date.now()) add('Scheduled Time', `${post.scheduledAt} is not in the future`);
	}
	return problems;
}

export function describeProblems(problems: Array<Problem & { itemIndex?: number }>, withItem: boolean): string {
	return problems.map((p) => `${withItem && p.itemIndex !== undefined ? `item ${p.itemIndex}: ` : ''}${p.platform} → "${p.field}" ${p.message}`).join('\n');
}
