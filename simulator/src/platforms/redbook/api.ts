import { paramError, RedbookError, type RedbookCall, type RedbookRoute } from './call';
import { REDBOOK_ERROR_CODES, seeded, type Campaign, type Creativity, type Unit } from './store';

/** A malformed JSON type is answered by the gateway with HTTP 400 and raw text, not the envelope (research §4.3). */
export class GatewayTypeError extends Error {}

const MARKETING_TARGETS = [4, 9, 16];
const BIDDING_STRATEGIES = [2, 3, 7];
const KEYWORDS = ['防晒', '护肤', '口红', '面膜', '香水', '粉底液', '眼霜', '洗面奶'];

function notFound(what: string, id: number | string): RedbookError {
	return new RedbookError(REDBOOK_ERROR_CODES.notFound, `${what} ${id} does not exist under this advertiser`);
}

/** Nested `page:{page_index,page_size}` (campaign list, creativity search). A non-object page is the gateway's 400. */
function nestedPage(call: RedbookCall): { index: number; size: number } {
	const page = call.params.page;
	if (page === undefined || page === null) return { index: 1, size: 20 };
	if (typeof page !== 'object' || Array.isArray(page)) throw new GatewayTypeError('required struct with json string format, but got not string or string slice');
	const p = page as Record<string, unknown>;
	const index = p.page_index ?? 1;
	const size = p.page_size ?? 20;
	if (!Number.isInteger(index) || (index as number) < 1) throw paramError('page.page_index must be an integer ≥ 1');
	if (!Number.isInteger(size) || (size as number) < 1 || (size as number) > call.store.config.listMaxPageSize) throw paramError(`page.page_size must be 1–${call.store.config.listMaxPageSize}`);
	call.note('page=nested page{page_index,page_size}');
	return { index: index as number, size: size as number };
}

/** Top-level paging: `page`/`page_size` (unit list, note list) or `page_num`/`page_size` (reports). */
function flatPage(call: RedbookCall, indexName: 'page' | 'page_num', max: number): { index: number; size: number } {
	const index = call.int(indexName, { min: 1 }) ?? 1;
	const size = call.int('page_size', { min: 1, max }) ?? 20;
	call.note(`page=top-level ${indexName}/page_size`);
	return { index, size };
}

function slice<T>(items: T[], page: { index: number; size: number }): T[] {
	return items.slice((page.index - 1) * page.size, page.index * page.size);
}

function fmtTime(ms: number): string {
	return new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/** Asia/Shanghai calendar date of a timestamp */
function cnDate(ms: number): string {
	return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

// ---- account ----

function balance(call: RedbookCall): void {
	const b = call.store.balances.get(call.advertiserId)!;
	call.note(`balance via ${call.ctx.method}`);
	call.ok({ ...b, available_balance: b.total_balance - b.freeze_balance });
}

// ---- campaigns ----

function campaignView(c: Campaign): Record<string, unknown> {
	return {
		campaign_id: c.campaign_id,
		campaign_name: c.campaign_name,
		marketing_target: c.marketing_target,
		placement: c.placement,
		promotion_target: c.promotion_target,
		enable: c.enable,
		campaign_filter_state: c.status,
		time_type: c.time_type,
		start_time: c.start_time,
		expire_time: c.expire_time,
		bidding_strategy: c.bidding_strategy,
		limit_day_budget: c.limit_day_budget,
		campaign_day_budget: c.campaign_day_budget,
		optimize_target: c.optimize_target,
		pacing_mode: c.pacing_mode,
		create_time: fmtTime(c.create_time),
	};
}

function ownCampaign(call: RedbookCall, id: number): Campaign {
	const c = call.store.campaigns.find((x) => x.campaign_id === id && x.advertiser_id === call.advertiserId);
	if (!c) throw notFound('campaign', id);
	return c;
}

/** fields shared by create and update; only the ones present are validated and applied */
function applyCampaignFields(call: RedbookCall, c: Partial<Campaign>): void {
	const name = call.str('campaign_name', { maxChars: 50 });
	if (name !== undefined) c.campaign_name = name;
	const mt = call.int('marketing_target', { oneOf: MARKETING_TARGETS });
	if (mt !== undefined) c.marketing_target = mt;
	const placement = call.int('placement', { oneOf: [1, 2] });
	if (placement !== undefined) c.placement = placement;
	const pt = call.int('promotion_target', { oneOf: [1] });
	if (pt !== undefined) c.promotion_target = pt;
	const enable = call.int('enable', { oneOf: [0, 1] });
	if (enable !== undefined) (c.enable = enable), (c.status = enable ? 1 : 2);
	const timeType = call.int('time_type', { oneOf: [0, 1] });
	if (timeType !== undefined) c.time_type = timeType;
	const start = call.date('start_time');
	const expire = call.date('expire_time');
	if (start !== undefined) c.start_time = start;
	if (expire !== undefined) c.expire_time = expire;
	if (c.time_type === 1 && (!c.start_time || !c.expire_time)) throw paramError('time_type 1 (自定义) needs start_time and expire_time (yyyy-MM-dd)');
	if (c.start_time && c.expire_time && c.expire_time < c.start_time) throw paramError('expire_time is before start_time');
	const bidding = call.int('bidding_strategy', { oneOf: BIDDING_STRATEGIES });
	if (bidding !== undefined) c.bidding_strategy = bidding;
	const limit = call.int('limit_day_budget', { oneOf: [0, 1] });
	if (limit !== undefined) c.limit_day_budget = limit;
	// budgets are integer fen: 100.00–999999.00 yuan
	const budget = call.int('campaign_day_budget', { min: 10000, max: 99999900 });
	if (budget !== undefined) c.campaign_day_budget = budget;
	if (c.limit_day_budget === 1 && !c.campaign_day_budget) throw paramError('campaign_day_budget (fen, 10000–99999900) is required when limit_day_budget is 1');
	const optimize = call.int('optimize_target', { min: 0 });
	if (optimize !== undefined) c.optimize_target = optimize;
	const pacing = call.int('pacing_mode', { oneOf: [1, 2] });
	if (pacing !== undefined) c.pacing_mode = pacing;
}

function campaignCreate(call: RedbookCall): void {
	call.str('campaign_name', { required: true });
	call.int('marketing_target', { required: true });
	call.int('placement', { required: true });
	call.int('bidding_strategy', { required: true });
	const c: Partial<Campaign> = { advertiser_id: call.advertiserId, status: 1, enable: 1, promotion_target: 1, time_type: 0, start_time: cnDate(call.now()), expire_time: '', limit_day_budget: 0, campaign_day_budget: 0, optimize_target: 0, pacing_mode: 1 };
	applyCampaignFields(call, c);
	c.campaign_id = call.store.nextId();
	c.create_time = call.now();
	call.store.campaigns.push(c as Campaign);
	call.ok({ campaign_id: c.campaign_id });
}

function campaignUpdate(call: RedbookCall): void {
	const c = ownCampaign(call, call.int('campaign_id', { required: true })!);
	if (c.status === 3) throw paramError(`campaign ${c.campaign_id} is deleted`);
	// validate on a copy so a bad field leaves the campaign untouched
	const next = { ...c };
	applyCampaignFields(call, next);
	Object.assign(c, next);
	call.ok({ campaign_id: c.campaign_id });
}

function campaignStatus(call: RedbookCall): void {
	const ids = call.ids('campaign_ids', 20, true)!;
	const action = call.int('action_type', { required: true, oneOf: [1, 2, 3] })!;
	const campaigns = ids.map((id) => ownCampaign(call, id));
	for (const c of campaigns) {
		c.status = action;
		c.enable = action === 1 ? 1 : 0;
	}
	call.ok({ campaign_ids: ids });
}

function campaignList(call: RedbookCall): void {
	const ids = call.ids('campaign_ids', 20);
	const status = call.int('status', { oneOf: [1, 2, 3, 4, 5, 6, 7, 8] }) ?? 6;
	const start = call.date('start_time');
	const expire = call.date('expire_time');
	const page = nestedPage(call);
	const matches = call.store.campaigns.filter((c) => {
		if (c.advertiser_id !== call.advertiserId) return false;
		if (ids && !ids.includes(c.campaign_id)) return false;
		if (start && cnDate(c.create_time) < start) return false;
		if (expire && cnDate(c.create_time) > expire) return false;
		// 4, 5, 7, 8 are budget/schedule states the simulator never enters
		return status === 6 ? c.status !== 3 : c.status === status;
	});
	call.ok({ page: { page_index: page.index, total_count: matches.length }, base_campaign_dtos: slice(matches, page).map(campaignView) });
}

// ---- units ----

function unitView(u: Unit): Record<string, unknown> {
	return {
		unit_id: u.unit_id,
		campaign_id: u.campaign_id,
		unit_name: u.unit_name,
		enable: u.status === 1 ? 1 : 0,
		unit_filter_state: u.status === 3 ? 1 : 0,
		event_bid: u.event_bid,
		target_config: u.target_config,
		keyword_with_bid: u.keyword_with_bid,
		create_time: fmtTime(u.create_time),
	};
}

function ownUnit(call: RedbookCall, id: number): Unit {
	const u = call.store.units.find((x) => x.unit_id === id && x.advertiser_id === call.advertiserId);
	if (!u) throw notFound('unit', id);
	return u;
}

function applyUnitFields(call: RedbookCall, u: Partial<Unit>): void {
	const name = call.str('unit_name', { maxChars: 50 });
	if (name !== undefined) u.unit_name = name;
	const bid = call.int('event_bid', { min: 10, max: 99999900 });
	if (bid !== undefined) u.event_bid = bid;
	const target = call.params.target_config;
	if (target !== undefined) {
		if (!target || typeof target !== 'object' || Array.isArray(target)) throw paramError('target_config must be an object');
		u.target_config = target as Record<string, unknown>;
	}
	const keywords = call.params.keyword_with_bid;
	if (keywords !== undefined) {
		if (!Array.isArray(keywords)) throw paramError('keyword_with_bid must be an array');
		u.keyword_with_bid = keywords;
	}
}

function unitCreate(call: RedbookCall): void {
	const campaign = ownCampaign(call, call.int('campaign_id', { required: true })!);
	if (campaign.status === 3) throw paramError(`campaign ${campaign.campaign_id} is deleted`);
	call.str('unit_name', { required: true });
	const u: Partial<Unit> = { campaign_id: campaign.campaign_id, advertiser_id: call.advertiserId, status: 1, event_bid: 100, target_config: {}, keyword_with_bid: [] };
	applyUnitFields(call, u);
	u.unit_id = call.store.nextId();
	u.create_time = call.now();
	call.store.units.push(u as Unit);
	call.ok({ unit_id: u.unit_id });
}

function unitUpdate(call: RedbookCall): void {
	const u = ownUnit(call, call.int('unit_id', { required: true })!);
	if (u.status === 3) throw paramError(`unit ${u.unit_id} is deleted`);
	const next = { ...u };
	applyUnitFields(call, next);
	Object.assign(u, next);
	call.ok({ unit_id: u.unit_id });
}

/** `status` per bububa; `action_type` (the campaign/creativity spelling) is accepted too */
function unitStatus(call: RedbookCall): void {
	const ids = call.ids('unit_ids', 20, true)!;
	const viaStatus = call.params.status !== undefined;
	const status = call.int(viaStatus ? 'status' : 'action_type', { required: true, oneOf: [1, 2, 3] })!;
	const units = ids.map((id) => ownUnit(call, id));
	for (const u of units) u.status = status;
	call.note(`unit status via ${call.ctx.path} field ${viaStatus ? 'status' : 'action_type'}`);
	call.ok({ unit_ids: ids });
}

function unitList(call: RedbookCall): void {
	const campaignId = call.int('campaign_id');
	const ids = call.ids('unit_ids', 10);
	const status = call.int('status', { oneOf: [1, 2] });
	const name = call.str('unit_name');
	const start = call.date('start_date');
	const end = call.date('end_date');
	const page = flatPage(call, 'page', call.store.config.listMaxPageSize);
	const matches = call.store.units.filter((u) => {
		if (u.advertiser_id !== call.advertiserId) return false;
		if (campaignId !== undefined && u.campaign_id !== campaignId) return false;
		if (ids && !ids.includes(u.unit_id)) return false;
		if (status !== undefined && u.status !== status) return false;
		if (name && !u.unit_name.includes(name)) return false;
		if (start && cnDate(u.create_time) < start) return false;
		if (end && cnDate(u.create_time) > end) return false;
		return true;
	});
	call.ok({ total_count: matches.length, unit_infos: slice(matches, page).map(unitView) });
}

// ---- creatives ----

const CREATIVITY_STATE = { valid: 8, paused: 3, deleted: 1 } as const;

function creativityView(call: RedbookCall, c: Creativity): Record<string, unknown> {
	const unit = call.store.units.find((u) => u.unit_id === c.unit_id);
	const campaign = call.store.campaigns.find((x) => x.campaign_id === c.campaign_id);
	let state: number = c.status;
	if (state === CREATIVITY_STATE.valid && unit?.status === 2) state = 4;
	if (state === CREATIVITY_STATE.valid && campaign?.status === 2) state = 5;
	return {
		creativity_id: c.creativity_id,
		creativity_name: c.creativity_name,
		unit_id: c.unit_id,
		campaign_id: c.campaign_id,
		note_id: c.note_id,
		creativity_filter_state: state,
		enable: c.status === CREATIVITY_STATE.valid ? 1 : 0,
		click_urls: c.click_urls,
		expo_urls: c.expo_urls,
		create_time: fmtTime(c.create_time),
	};
}

function ownCreativity(call: RedbookCall, id: number): Creativity {
	const c = call.store.creatives.find((x) => x.creativity_id === id && x.advertiser_id === call.advertiserId);
	if (!c) throw notFound('creativity', id);
	return c;
}

function urlList(call: RedbookCall, name: string): string[] | undefined {
	const v = call.params[name];
	if (v === undefined) return undefined;
	if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && /^https?:\/\//.test(x))) throw paramError(`${name} must be an array of http(s) URLs`);
	if (v.length > 3) throw paramError(`${name}: at most 3 URLs`);
	return v as string[];
}

function creativityCreate(call: RedbookCall): void {
	const unit = ownUnit(call, call.int('unit_id', { required: true })!);
	if (unit.status === 3) throw paramError(`unit ${unit.unit_id} is deleted`);
	const noteId = call.str('note_id', { required: true })!;
	if (!call.store.notes.some((n) => n.note_id === noteId && n.advertiser_id === call.advertiserId)) throw notFound('note', noteId);
	const c: Creativity = {
		creativity_id: call.store.nextId(),
		unit_id: unit.unit_id,
		campaign_id: unit.campaign_id,
		advertiser_id: call.advertiserId,
		creativity_name: call.str('creativity_name', { maxChars: 50 }) ?? `笔记创意 ${noteId}`,
		note_id: noteId,
		status: CREATIVITY_STATE.valid,
		click_urls: urlList(call, 'click_urls') ?? [],
		expo_urls: urlList(call, 'expo_urls') ?? [],
		create_time: call.now(),
	};
	call.store.creatives.push(c);
	call.ok({ creativity_id: c.creativity_id });
}

function creativityUpdate(call: RedbookCall): void {
	const c = ownCreativity(call, call.int('creativity_id', { required: true })!);
	if (c.status === CREATIVITY_STATE.deleted) throw paramError(`creativity ${c.creativity_id} is deleted`);
	const name = call.str('creativity_name', { maxChars: 50 });
	const click = urlList(call, 'click_urls');
	const expo = urlList(call, 'expo_urls');
	if (name !== undefined) c.creativity_name = name;
	if (click) c.click_urls = click;
	if (expo) c.expo_urls = expo;
	call.ok({ creativity_id: c.creativity_id });
}

function creativityStatus(call: RedbookCall): void {
	const ids = call.ids('creativity_ids', 20, true)!;
	const action = call.int('action_type', { required: true, oneOf: [1, 2, 3] })!;
	const list = ids.map((id) => ownCreativity(call, id));
	for (const c of list) c.status = action === 1 ? CREATIVITY_STATE.valid : action === 2 ? CREATIVITY_STATE.paused : CREATIVITY_STATE.deleted;
	call.ok({ creativity_ids: ids });
}

function creativitySearch(call: RedbookCall): void {
	const campaignId = call.int('campaign_id');
	const unitId = call.int('unit_id');
	// creative_ids per the docs; creativity_ids accepted as well
	const ids = call.params.creative_ids !== undefined ? call.ids('creative_ids', 20) : call.ids('creativity_ids', 20);
	const status = call.int('status', { oneOf: [1, 2, 3, 4, 5, 8, 9, 10, 11, 12] }) ?? 2;
	const page = nestedPage(call);
	const matches = call.store.creatives
		.filter((c) => c.advertiser_id === call.advertiserId && (campaignId === undefined || c.campaign_id === campaignId) && (unitId === undefined || c.unit_id === unitId) && (!ids || ids.includes(c.creativity_id)))
		.map((c) => creativityView(call, c))
		.filter((v) => (status === 2 ? v.creativity_filter_state !== CREATIVITY_STATE.deleted : v.creativity_filter_state === status));
	call.ok({ page: { page_index: page.index, total_count: matches.length }, creativity_dtos: slice(matches, page) });
}

// ---- reports ----

type Level = 'account' | 'campaign' | 'unit' | 'creativity' | 'keyword';

interface ReportEntity {
	key: string;
	dims: Record<string, unknown>;
}

function reportEntities(call: RedbookCall, level: Level): ReportEntity[] {
	const a = call.advertiserId;
	const { store } = call;
	if (level === 'account') return [{ key: `acct${a}`, dims: {} }];
	if (level === 'campaign') return store.campaigns.filter((c) => c.advertiser_id === a).map((c) => ({ key: `c${c.campaign_id}`, dims: { campaign_id: c.campaign_id, campaign_name: c.campaign_name } }));
	const unitDims = (u: Unit) => {
		const c = store.campaigns.find((x) => x.campaign_id === u.campaign_id);
		return { campaign_id: u.campaign_id, campaign_name: c?.campaign_name ?? '', unit_id: u.unit_id, unit_name: u.unit_name };
	};
	if (level === 'unit') return store.units.filter((u) => u.advertiser_id === a).map((u) => ({ key: `u${u.unit_id}`, dims: unitDims(u) }));
	if (level === 'creativity')
		return store.creatives
			.filter((c) => c.advertiser_id === a)
			.map((c) => {
				const u = store.units.find((x) => x.unit_id === c.unit_id)!;
				return { key: `cr${c.creativity_id}`, dims: { ...unitDims(u), creativity_id: c.creativity_id, creativity_name: c.creativity_name, creativity_image: `https://sns-img-sim.xhscdn.com/${c.note_id}.jpg`, note_id: c.note_id } };
			});
	// keyword: the seeded keywords on the first few search units
	return store.units
		.filter((u) => u.advertiser_id === a)
		.slice(0, 3)
		.flatMap((u) => KEYWORDS.map((k) => ({ key: `k${u.unit_id}${k}`, dims: { ...unitDims(u), keyword: k } })));
}

const COUNT_METRICS = ['impression', 'click', 'like', 'comment', 'collect', 'follow', 'share', 'interaction', 'action_button_click'];

/** deterministic metrics of one entity in one time bucket; money (fee, acp, cpm, cpi) in fen */
function metrics(seed: string): Record<string, number> {
	const impression = seeded(`imp${seed}`, 500, 50000);
	const click = Math.floor((impression * seeded(`ctr${seed}`, 10, 60)) / 1000);
	const fee = click * seeded(`cpc${seed}`, 20, 200);
	const like = seeded(`like${seed}`, 0, 300);
	const comment = seeded(`cmt${seed}`, 0, 60);
	const collect = seeded(`col${seed}`, 0, 120);
	const follow = seeded(`fol${seed}`, 0, 40);
	const share = seeded(`shr${seed}`, 0, 50);
	const interaction = like + comment + collect + follow + share;
	return {
		fee,
		impression,
		click,
		ctr: impression ? Math.round((click / impression) * 10000) / 100 : 0,
		acp: click ? Math.round(fee / click) : 0,
		cpm: impression ? Math.round((fee / impression) * 1000) : 0,
		like,
		comment,
		collect,
		follow,
		share,
		interaction,
		cpi: interaction ? Math.round(fee / interaction) : 0,
		action_button_click: seeded(`abc${seed}`, 0, 80),
	};
}

function sumMetrics(rows: Array<Record<string, number>>): Record<string, number> {
	const total: Record<string, number> = {};
	for (const r of rows) for (const k of ['fee', ...COUNT_METRICS]) total[k] = (total[k] ?? 0) + (r[k] ?? 0);
	const imp = total.impression ?? 0;
	const click = total.click ?? 0;
	total.ctr = imp ? Math.round((click / imp) * 10000) / 100 : 0;
	total.acp = click ? Math.round((total.fee ?? 0) / click) : 0;
	total.cpm = imp ? Math.round(((total.fee ?? 0) / imp) * 1000) : 0;
	total.cpi = total.interaction ? Math.round((total.fee ?? 0) / total.interaction) : 0;
	return total;
}

/** metricsAsStrings: "12,345" and "1.23%", as some replies carry them */
function renderMetrics(call: RedbookCall, m: Record<string, number>): Record<string, number | string> {
	if (!call.store.config.metricsAsStrings) return m;
	return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, k === 'ctr' ? `${v.toFixed(2)}%` : v.toLocaleString('en-US')]));
}

function datesBetween(start: string, end: string): string[] {
	const out: string[] = [];
	for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
	return out;
}

function sortRows(call: RedbookCall, rows: Array<Record<string, unknown>>, metricOf: (r: Record<string, unknown>) => Record<string, number>): void {
	const column = call.str('sort_column');
	if (!column) return;
	const order = call.str('sort') ?? 'desc';
	if (order !== 'asc' && order !== 'desc') throw paramError('sort must be asc or desc');
	const dir = order === 'asc' ? 1 : -1;
	rows.sort((a, b) => ((metricOf(a)[column] ?? 0) - (metricOf(b)[column] ?? 0)) * dir);
}

function reportDates(call: RedbookCall, latest: string): { start: string; end: string } {
	const start = call.date('start_date', true)!;
	const end = call.date('end_date', true)!;
	if (end < start) throw paramError('end_date is before start_date');
	const span = datesBetween(start, end).length;
	if (span > 366) throw paramError('the date range may span at most 366 days');
	if (end > latest) call.note(`end_date ${end} clamped to ${latest}`);
	return { start, end: end > latest ? latest : end };
}

function offlineReport(level: Level) {
	return (call: RedbookCall): void => {
		// offline data is T-1: nothing later than yesterday (Asia/Shanghai) exists
		const yesterday = cnDate(call.now() - 86_400_000);
		const { start, end } = reportDates(call, yesterday);
		const timeUnit = call.str('time_unit') ?? 'DAY';
		if (!['DAY', 'HOUR', 'SUMMARY'].includes(timeUnit)) throw paramError('time_unit must be DAY, HOUR or SUMMARY');
		const page = flatPage(call, 'page_num', call.store.config.offlineReportMaxPageSize);
		const dates = start <= end ? datesBetween(start, end) : [];
		const buckets: Array<{ time: string; seeds: string[] }> =
			timeUnit === 'SUMMARY'
				? dates.length
					? [{ time: `${start}~${end}`, seeds: dates }]
					: []
				: timeUnit === 'HOUR'
					? dates.flatMap((d) => Array.from({ length: 24 }, (_, h) => ({ time: `${d} ${String(h).padStart(2, '0')}:00:00`, seeds: [`${d}h${h}`] })))
					: dates.map((d) => ({ time: d, seeds: [d] }));
		const rows: Array<{ dims: Record<string, unknown>; m: Record<string, number> }> = [];
		for (const entity of reportEntities(call, level))
			for (const bucket of buckets) rows.push({ dims: { time: bucket.time, ...entity.dims }, m: sumMetrics(bucket.seeds.map((s) => metrics(`${entity.key}|${s}`))) });
		const flat = rows.map((r) => ({ ...r.dims, ...r.m }) as Record<string, unknown>);
		const byRow = new Map(flat.map((f, i) => [f, rows[i].m]));
		sortRows(call, flat, (r) => byRow.get(r)!);
		const pageRows = slice(flat, page).map((r) => ({ ...r, ...renderMetrics(call, byRow.get(r)!) }));
		call.ok({ data_list: pageRows, total_count: flat.length, aggregation_data: renderMetrics(call, sumMetrics(rows.map((r) => r.m))) });
	};
}

/** Real-time reports (today's data). Sources put the lists at the top level next to `code`; both places are filled. */
function realtimeReport(level: Level) {
	return (call: RedbookCall): void => {
		const today = cnDate(call.now());
		const { start, end } = reportDates(call, today);
		const hourly = call.params.need_hourly_data === true || call.params.need_hourly_data === 'true' || call.params.need_hourly_data === 1;
		const dates = start <= end ? datesBetween(start, end) : [];
		const entityMetrics = (key: string) => sumMetrics(dates.map((d) => metrics(`rt${key}|${d}`)));
		call.note('real-time lists at top level and under data');
		if (level === 'account') {
			const m = entityMetrics(`acct${call.advertiserId}`);
			const payload: Record<string, unknown> = { data: renderMetrics(call, m) };
			if (hourly) payload.hourly_data = Array.from({ length: 24 }, (_, h) => ({ time: `${end} ${String(h).padStart(2, '0')}:00:00`, ...renderMetrics(call, metrics(`rth${call.advertiserId}|${end}|${h}`)) }));
			// top-level readers take data as the metrics; nested readers take data.data
			call.ok({ ...renderMetrics(call, m), ...payload }, payload);
			return;
		}
		const page = flatPage(call, 'page_num', call.store.config.realtimeReportMaxPageSize);
		const nameFilter = call.str('name');
		const idFilter = call.int('id');
		const idField = level === 'campaign' ? 'campaign_id' : level === 'unit' ? 'unit_id' : level === 'creativity' ? 'creativity_id' : 'unit_id';
		const nameField = level === 'keyword' ? 'keyword' : `${level}_name`;
		const entities = reportEntities(call, level).filter((e) => (idFilter === undefined || e.dims[idField] === idFilter) && (!nameFilter || String(e.dims[nameField] ?? '').includes(nameFilter)));
		const withMetrics = entities.map((e) => ({ dto: { ...e.dims } as Record<string, unknown>, m: entityMetrics(e.key) }));
		const dtos = withMetrics.map((x) => x.dto);
		const byDto = new Map(withMetrics.map((x) => [x.dto, x.m]));
		sortRows(call, dtos, (d) => byDto.get(d)!);
		const listName = `${level}_dtos`;
		const dimsKey = level === 'keyword' ? 'base_keyword_dto' : `base_${level}_dto`;
		const payload = {
			page: { page_index: page.index, page_size: page.size, total_count: dtos.length },
			[listName]: slice(dtos, page).map((d) => ({ [dimsKey]: d, data: renderMetrics(call, byDto.get(d)!) })),
			total_data: renderMetrics(call, sumMetrics(withMetrics.map((x) => x.m))),
		};
		call.ok(payload, payload);
	};
}

// ---- notes and tools ----

function noteList(call: RedbookCall): void {
	const noteType = call.int('note_type', { oneOf: [1, 2, 4, 6, 11, 12] });
	const keyword = call.str('keyword');
	const contentType = call.int('note_content_type', { oneOf: [1, 2] });
	const page = flatPage(call, 'page', call.store.config.noteListMaxPageSize);
	const matches = call.store.notes.filter((n) => n.advertiser_id === call.advertiserId && (noteType === undefined || n.note_type === noteType) && (contentType === undefined || n.note_content_type === contentType) && (!keyword || n.title.includes(keyword) || n.desc.includes(keyword)));
	const now = call.now();
	call.ok({
		total: matches.length,
		notes: slice(matches, page).map((n) => ({
			note_id: n.note_id,
			title: n.title,
			desc: n.desc,
			image: n.image,
			image_list: [n.image],
			author: n.author,
			author_image: 'https://sns-avatar-sim.xhscdn.com/author.jpg',
			create_time: n.create_time,
			status: 1,
			note_content_type: n.note_content_type,
			// note URLs are valid for about two months
			note_url: `https://www.xiaohongshu.com/explore/${n.note_id}?xsec_expire=${Math.floor((now + 60 * 86_400_000) / 1000)}`,
		})),
	});
}

function keywordRecommend(call: RedbookCall): void {
	const seed = call.str('keyword') ?? '';
	call.int('request_type');
	const words = (seed ? [seed, ...KEYWORDS.filter((k) => k !== seed).map((k) => `${seed}${k}`)] : KEYWORDS).slice(0, 8);
	call.note('keyword recommend reply shape {word_list} is the simulator’s (unverified)');
	call.ok({ word_list: words.map((w) => ({ keyword: w, monthly_pv: seeded(`pv${w}`, 1000, 900000), competition: seeded(`cmp${w}`, 1, 5), recommend_bid: seeded(`rb${w}`, 30, 500), recommend_reason: '行业热词' })) });
}

function targetInfo(call: RedbookCall): void {
	call.int('marketing_target', { oneOf: MARKETING_TARGETS });
	const node = (id: string, name: string, children: unknown[] = []) => ({ id, name, children });
	call.ok({
		industry_interest: [node('1001', '美妆个护', [node('100101', '护肤'), node('100102', '彩妆')]), node('1002', '服饰鞋包')],
		content_interest: [node('2001', '时尚'), node('2002', '美食')],
		shopping_interest: [node('3001', '高消费力')],
		crowd_target: [],
		gender: [node('0', '不限'), node('1', '男'), node('2', '女')],
		age: [node('18-22', '18-22'), node('23-27', '23-27'), node('28-32', '28-32'), node('33-100', '33+')],
		area: [node('110000', '北京'), node('310000', '上海'), node('440000', '广东', [node('440100', '广州'), node('440300', '深圳')])],
		device: [node('ios', 'iOS'), node('android', 'Android')],
	});
}

/** name_type (or type): 1 campaign (default), 2 unit, 3 creativity */
function nameDup(call: RedbookCall): void {
	const name = call.str('name') ?? call.str('campaign_name') ?? call.str('unit_name') ?? call.str('creativity_name');
	if (!name) throw paramError('name is required');
	const type = call.int(call.params.name_type !== undefined ? 'name_type' : 'type', { oneOf: [1, 2, 3] }) ?? 1;
	const a = call.advertiserId;
	const { store } = call;
	const duplicate =
		type === 1
			? store.campaigns.some((c) => c.advertiser_id === a && c.status !== 3 && c.campaign_name === name)
			: type === 2
				? store.units.some((u) => u.advertiser_id === a && u.status !== 3 && u.unit_name === name)
				: store.creatives.some((c) => c.advertiser_id === a && c.status !== CREATIVITY_STATE.deleted && c.creativity_name === name);
	call.ok({ name, is_duplicate: duplicate });
}

const post = (path: string, scope: RedbookRoute['scope'], handler: RedbookRoute['handler'], ...aliases: string[]): RedbookRoute => ({ paths: [path, ...aliases].map((p) => `/api/open${p}`), methods: ['POST'], scope, handler });

export const redbookApiRoutes: RedbookRoute[] = [
	// GET per bububa, POST per one doc; /budget/info spelled by one client
	{ paths: ['/api/open/jg/account/balance/info', '/api/open/jg/account/budget/info'], methods: ['GET', 'POST'], scope: 'account_manage', handler: balance },
	post('/jg/campaign/create', 'ad_manage', campaignCreate),
	post('/jg/campaign/update', 'ad_manage', campaignUpdate),
	post('/jg/campaign/status/update', 'ad_manage', campaignStatus),
	post('/jg/campaign/list', 'ad_query', campaignList),
	post('/jg/unit/create', 'ad_manage', unitCreate),
	post('/jg/unit/update', 'ad_manage', unitUpdate),
	post('/jg/unit/update/status', 'ad_manage', unitStatus, '/jg/unit/status/update'),
	post('/jg/unit/list', 'ad_query', unitList),
	post('/jg/creativity/create', 'ad_manage', creativityCreate),
	post('/jg/creativity/update', 'ad_manage', creativityUpdate),
	post('/jg/creativity/status/update', 'ad_manage', creativityStatus),
	post('/jg/creativity/search', 'ad_query', creativitySearch),
	post('/jg/data/report/offline/account', 'report_service', offlineReport('account')),
	post('/jg/data/report/offline/campaign', 'report_service', offlineReport('campaign')),
	post('/jg/data/report/offline/unit', 'report_service', offlineReport('unit')),
	post('/jg/data/report/offline/creative', 'report_service', offlineReport('creativity'), '/jg/data/report/offline/creativity'),
	post('/jg/data/report/offline/keyword', 'report_service', offlineReport('keyword')),
	post('/jg/data/report/realtime/account', 'report_service', realtimeReport('account')),
	post('/jg/data/report/realtime/campaign', 'report_service', realtimeReport('campaign')),
	post('/jg/data/report/realtime/unit', 'report_service', realtimeReport('unit')),
	post('/jg/data/report/realtime/creativity', 'report_service', realtimeReport('creativity')),
	post('/jg/data/report/realtime/keyword', 'report_service', realtimeReport('keyword')),
	post('/jg/note/list', 'ad_query', noteList),
	post('/jg/keyword/common/recommend', 'ad_query', keywordRecommend),
	post('/jg/target/get_available_target_info', 'ad_query', targetInfo),
	post('/jg/data/check/name/dup', 'ad_query', nameDup),
];
