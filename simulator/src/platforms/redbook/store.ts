import { randomBytes } from 'node:crypto';

/** Seeded developer app and advertisers: tests and the node credentials use these. */
export const SIM_REDBOOK_APP_ID = 4000001;
export const SIM_REDBOOK_SECRET = 'sim_redbook_secret';
export const SIM_REDBOOK_USER_ID = 'sim-redbook-user-0001';
export const SIM_REDBOOK_ADVERTISERS = [
	{ advertiser_id: 1234567, advertiser_name: '测试广告主 A' },
	{ advertiser_id: 7654321, advertiser_name: '测试广告主 B' },
];
export const REDBOOK_SCOPES = ['report_service', 'ad_query', 'ad_manage', 'account_manage'];

/**
 * Business error codes. JuGuang publishes no numeric codes (research §4.3), so these are the simulator's
 * choice; the node's tests import this table so both sides agree. Every one is answered with HTTP 200.
 */
export const REDBOOK_ERROR_CODES = {
	paramError: 40001,
	/** app_id unknown or secret wrong on the token endpoints */
	appAuthFailed: 40002,
	/** auth_code unknown, expired or already used */
	authCodeInvalid: 40003,
	/** refresh_token unknown, rotated away, revoked or expired */
	refreshTokenInvalid: 40004,
	tokenInvalid: 40101,
	tokenExpired: 40102,
	noScope: 40301,
	noAdvertiserPermission: 40302,
	/** campaign / unit / creativity / note id that the advertiser does not have */
	notFound: 40401,
	rateLimited: 42901,
	systemError: 50001,
} as const;

export interface RedbookConfig {
	/** seconds; the research's 3600 comes from a third-party mock (unverified) */
	accessTokenTtl: number;
	refreshTokenTtl: number;
	codeTtl: number;
	/** answer token errors with the gateway's {success:false, errorCode, errorMsg} instead of {code, msg} */
	gatewayErrorStyle: boolean;
	/** report metrics as strings with thousands separators and a % on ratios, as some replies do */
	metricsAsStrings: boolean;
	/** page_size caps; sources disagree (500/1000 offline, 100/1000 real-time), the larger is accepted by default */
	offlineReportMaxPageSize: number;
	realtimeReportMaxPageSize: number;
	listMaxPageSize: number;
	noteListMaxPageSize: number;
}

export const DEFAULT_REDBOOK_CONFIG: RedbookConfig = {
	accessTokenTtl: 3600,
	refreshTokenTtl: 30 * 86400,
	codeTtl: 600,
	gatewayErrorStyle: false,
	metricsAsStrings: false,
	offlineReportMaxPageSize: 1000,
	realtimeReportMaxPageSize: 1000,
	listMaxPageSize: 100,
	noteListMaxPageSize: 100,
};

/** One advertiser authorisation; rotation replaces the token pair hanging off it. */
export interface RedbookGrant {
	id: number;
	scopes: string[];
	advertiserIds: number[];
	createdAt: number;
	accessToken: string;
	refreshToken: string;
}
export interface RedbookToken {
	token: string;
	grant: RedbookGrant;
	expiresAt: number;
	/** rotated away by a refresh, or revoked by admin */
	invalid: boolean;
}
export interface RedbookCode {
	code: string;
	scopes: string[];
	advertiserIds: number[];
	expiresAt: number;
	used: boolean;
}

export interface Campaign {
	campaign_id: number;
	advertiser_id: number;
	campaign_name: string;
	marketing_target: number;
	placement: number;
	promotion_target: number;
	/** 1 有效, 2 暂停, 3 已删除 (list filter values 4–8 are derived states the simulator never enters) */
	status: number;
	enable: number;
	time_type: number;
	start_time: string;
	expire_time: string;
	bidding_strategy: number;
	limit_day_budget: number;
	/** fen */
	campaign_day_budget: number;
	optimize_target: number;
	pacing_mode: number;
	create_time: number;
}
export interface Unit {
	unit_id: number;
	campaign_id: number;
	advertiser_id: number;
	unit_name: string;
	/** 1 投放中, 2 暂停, 3 删除 */
	status: number;
	/** fen */
	event_bid: number;
	target_config: Record<string, unknown>;
	keyword_with_bid: unknown[];
	create_time: number;
}
export interface Creativity {
	creativity_id: number;
	unit_id: number;
	campaign_id: number;
	advertiser_id: number;
	creativity_name: string;
	note_id: string;
	/** the search filter values: 8 有效, 3 暂停, 1 已删除 */
	status: number;
	click_urls: string[];
	expo_urls: string[];
	create_time: number;
}
export interface Note {
	note_id: string;
	advertiser_id: number;
	title: string;
	desc: string;
	image: string;
	note_content_type: number;
	note_type: number;
	create_time: number;
	author: string;
}

export function randomToken(prefix: string): string {
	return prefix + randomBytes(16).toString('hex');
}

/** deterministic pseudo-random integer in [min, max] from a string seed (FNV-1a) */
export function seeded(seed: string, min: number, max: number): number {
	let h = 2166136261;
	for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
	return min + (h % (max - min + 1));
}

const SEED_TIME = Date.UTC(2025, 0, 1, 2, 0, 0);
export const SEED_CAMPAIGNS_PER_ADVERTISER = 30;

export class RedbookStore {
	config: RedbookConfig = { ...DEFAULT_REDBOOK_CONFIG };
	grantSeq = 0;
	codes = new Map<string, RedbookCode>();
	accessTokens = new Map<string, RedbookToken>();
	refreshTokens = new Map<string, RedbookToken>();
	issued = { code: 0, exchange: 0, refresh: 0, shortcut: 0 };
	campaigns: Campaign[] = [];
	units: Unit[] = [];
	creatives: Creativity[] = [];
	notes: Note[] = [];
	balances = new Map<number, { total_balance: number; cash_balance: number; return_balance: number; freeze_balance: number; compensate_return_balance: number; today_spend: number }>();
	private idSeq = 900000;

	constructor() {
		this.seed();
	}

	nextId(): number {
		return ++this.idSeq;
	}

	issueCode(scopes: string[], advertiserIds: number[], now: number): RedbookCode {
		const code: RedbookCode = { code: randomBytes(12).toString('hex'), scopes, advertiserIds, expiresAt: now + this.config.codeTtl * 1000, used: false };
		this.codes.set(code.code, code);
		this.issued.code++;
		return code;
	}

	/** a new grant with its first token pair */
	newGrant(scopes: string[], advertiserIds: number[], now: number): RedbookGrant {
		const grant: RedbookGrant = { id: ++this.grantSeq, scopes, advertiserIds, createdAt: now, accessToken: '', refreshToken: '' };
		this.issuePair(grant, now);
		return grant;
	}

	/** issues a fresh access/refresh pair for the grant and invalidates the previous pair (JuGuang rotation) */
	issuePair(grant: RedbookGrant, now: number): void {
		for (const old of [this.accessTokens.get(grant.accessToken), this.refreshTokens.get(grant.refreshToken)]) if (old) old.invalid = true;
		const access: RedbookToken = { token: randomToken('rb_at_'), grant, expiresAt: now + this.config.accessTokenTtl * 1000, invalid: false };
		const refresh: RedbookToken = { token: randomToken('rb_rt_'), grant, expiresAt: now + this.config.refreshTokenTtl * 1000, invalid: false };
		this.accessTokens.set(access.token, access);
		this.refreshTokens.set(refresh.token, refresh);
		grant.accessToken = access.token;
		grant.refreshToken = refresh.token;
	}

	/** the token data block of the exchange / refresh reply */
	tokenData(grant: RedbookGrant, now: number): Record<string, unknown> {
		const access = this.accessTokens.get(grant.accessToken)!;
		const refresh = this.refreshTokens.get(grant.refreshToken)!;
		const advertisers = SIM_REDBOOK_ADVERTISERS.filter((a) => grant.advertiserIds.includes(a.advertiser_id));
		return {
			access_token: access.token,
			access_token_expires_in: Math.max(0, Math.floor((access.expiresAt - now) / 1000)),
			refresh_token: refresh.token,
			refresh_token_expires_in: Math.max(0, Math.floor((refresh.expiresAt - now) / 1000)),
			user_id: SIM_REDBOOK_USER_ID,
			app_id: SIM_REDBOOK_APP_ID,
			advertiser_id: advertisers[0]?.advertiser_id ?? 0,
			approval_role_type: 4,
			role_type: 1,
			platform_type: 1,
			approval_advertisers: advertisers.map((a) => ({ ...a })),
			scope: JSON.stringify(grant.scopes),
			corporation_name: 'MediaX 模拟科技有限公司',
			create_time: grant.createdAt,
			update_time: now,
		};
	}

	private seed(): void {
		for (const adv of SIM_REDBOOK_ADVERTISERS) {
			const a = adv.advertiser_id;
			this.balances.set(a, {
				total_balance: seeded(`bal${a}`, 5_000_000, 9_000_000),
				cash_balance: seeded(`cash${a}`, 3_000_000, 4_000_000),
				return_balance: seeded(`ret${a}`, 100_000, 900_000),
				freeze_balance: seeded(`frz${a}`, 0, 200_000),
				compensate_return_balance: 0,
				today_spend: seeded(`spend${a}`, 10_000, 300_000),
			});
			for (let i = 1; i <= SEED_CAMPAIGNS_PER_ADVERTISER; i++) {
				const campaignId = a * 100 + i;
				this.campaigns.push({
					campaign_id: campaignId,
					advertiser_id: a,
					campaign_name: `模拟计划 ${String(i).padStart(2, '0')}`,
					marketing_target: [4, 9, 16][i % 3],
					placement: (i % 2) + 1,
					promotion_target: 1,
					status: i % 7 === 0 ? 2 : 1,
					enable: i % 7 === 0 ? 0 : 1,
					time_type: 0,
					start_time: '2025-01-01',
					expire_time: '',
					bidding_strategy: [2, 3, 7][i % 3],
					limit_day_budget: 1,
					campaign_day_budget: seeded(`budget${campaignId}`, 100, 5000) * 100,
					optimize_target: 0,
					pacing_mode: 1,
					create_time: SEED_TIME + i * 3_600_000,
				});
				// two units per campaign for the first ten, one creative per unit
				if (i <= 10) {
					for (let u = 1; u <= 2; u++) {
						const unitId = campaignId * 10 + u;
						this.units.push({
							unit_id: unitId,
							campaign_id: campaignId,
							advertiser_id: a,
							unit_name: `模拟单元 ${i}-${u}`,
							status: 1,
							event_bid: seeded(`bid${unitId}`, 30, 300) * 10,
							target_config: { target_gender: 'all' },
							keyword_with_bid: [],
							create_time: SEED_TIME + i * 3_600_000 + u * 60_000,
						});
						this.creatives.push({
							creativity_id: unitId * 10 + 1,
							unit_id: unitId,
							campaign_id: campaignId,
							advertiser_id: a,
							creativity_name: `模拟创意 ${i}-${u}`,
							note_id: `64sim${a}${String(i * 10 + u).padStart(6, '0')}`,
							status: 8,
							click_urls: [],
							expo_urls: [],
							create_time: SEED_TIME + i * 3_600_000 + u * 120_000,
						});
					}
				}
			}
			for (let n = 1; n <= 12; n++) {
				this.notes.push({
					note_id: `64sim${a}${String(n).padStart(6, '0')}`,
					advertiser_id: a,
					title: `模拟笔记 ${n}`,
					desc: `这是第 ${n} 篇模拟笔记`,
					image: `https://sns-img-sim.xhscdn.com/${a}/${n}.jpg`,
					note_content_type: n % 3 === 0 ? 2 : 1,
					note_type: n % 4 === 0 ? 2 : 1,
					create_time: SEED_TIME + n * 86_400_000,
					author: '模拟作者',
				});
			}
		}
	}
}
