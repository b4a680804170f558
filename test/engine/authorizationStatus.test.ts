import type { IDataObject } from 'n8n-workflow';
import { MediaXDouyinOAuth2Api } from '../../credentials/MediaXDouyinOAuth2Api.credentials';
import { MediaXGoogleOAuth2Api } from '../../credentials/MediaXGoogleOAuth2Api.credentials';
import { MediaXRedBookOAuth2Api } from '../../credentials/MediaXRedBookOAuth2Api.credentials';
import { tokenMark } from '../../nodes/shared/engine/authorizationRecord';
import { authorizationStatus } from '../../nodes/shared/engine/authorizationStatus';
import { platformRequest } from '../../nodes/shared/engine/engine';
import { bilibiliUserAdapter } from '../../nodes/shared/platforms/bilibili';
import { douyinUserAdapter } from '../../nodes/shared/platforms/douyin';
import { googleUserAdapter } from '../../nodes/shared/platforms/google';
import { redbookUserAdapter } from '../../nodes/shared/platforms/redbook';
import { wechatWebUserAdapter } from '../../nodes/shared/platforms/wechat';
import { CredentialStore, fakeContext } from '../helpers/fakeN8n';
import { admin, startSimulator, type RunningSimulator } from '../helpers/simulator';

const DAY = 86400_000;
const NOW = Date.UTC(2026, 0, 10, 12);
const iso = (ms: number) => new Date(ms).toISOString();

/** Douyin's token data as n8n's Connect stores it, plus the engine's bookkeeping for the same refresh token. */
function douyinTokenData(book?: IDataObject, refreshToken = 'rft.1'): IDataObject {
	return {
		data: { access_token: 'act.1', refresh_token: refreshToken, open_id: 'OPEN1', expires_in: 1296000, refresh_expires_in: 2592000, error_code: 0 },
		message: 'success',
		...(book ? { mediax: { ...book, for: tokenMark(refreshToken) } } : {}),
	};
}

describe('authorization status from stored data', () => {
	it('Douyin: renewals still left put re-consent one refresh-token lifetime per renewal after the current expiry', () => {
		const s = authorizationStatus(douyinUserAdapter, { oauthTokenData: douyinTokenData({ expires_at: NOW + 10 * DAY, refresh_expires_at: NOW + 20 * DAY, renew_count: 2 }) }, { credentialName: 'My Douyin', now: NOW });
		expect(s).toMatchObject({
			platform: 'douyin',
			credentialName: 'My Douyin',
			account: { open_id: 'OPEN1' },
			state: 'ok',
			accessExpiresAt: iso(NOW + 10 * DAY),
			refreshExpiresAt: iso(NOW + 20 * DAY),
			reconsentNeededAt: iso(NOW + 20 * DAY + 3 * 30 * DAY),
			daysLeft: 110,
			renewalsUsed: 2,
			renewalsLeft: 3,
			refusedRefresh: null,
		});
		expect(s.reconnect).toContain('Open the credential "My Douyin" and click "Connect" or "Reconnect"');
	});

	it('Douyin: used-up renewals are their own state, and turn into expiring within the warning days, then expired', () => {
		const data = (refreshIn: number) => ({ oauthTokenData: douyinTokenData({ expires_at: NOW + DAY, refresh_expires_at: NOW + refreshIn, renew_count: 5 }) });
		expect(authorizationStatus(douyinUserAdapter, data(20 * DAY), { now: NOW })).toMatchObject({ state: 'renewals_exhausted', renewalsLeft: 0, reconsentNeededAt: iso(NOW + 20 * DAY) });
		expect(authorizationStatus(douyinUserAdapter, data(6 * DAY), { now: NOW, warnDays: 7 })).toMatchObject({ state: 'expiring', daysLeft: 6 });
		expect(authorizationStatus(douyinUserAdapter, data(6 * DAY), { now: NOW, warnDays: 3 }).state).toBe('renewals_exhausted');
		expect(authorizationStatus(douyinUserAdapter, data(-DAY), { now: NOW })).toMatchObject({ state: 'expired', daysLeft: -1 });
	});

	it('Douyin: a refresh token that lapsed unrenewed ends the authorization even with renewals left', () => {
		const s = authorizationStatus(douyinUserAdapter, { oauthTokenData: douyinTokenData({ expires_at: NOW - DAY, refresh_expires_at: NOW - 1000, renew_count: 1 }) }, { now: NOW });
		expect(s).toMatchObject({ state: 'expired', reconsentNeededAt: iso(NOW - 1000) });
	});

	it('Douyin: freshly connected (no bookkeeping yet) says the times come with the first run', () => {
		const s = authorizationStatus(douyinUserAdapter, { oauthTokenData: douyinTokenData() }, { now: NOW });
		expect(s).toMatchObject({ state: 'ok', accessExpiresAt: null, reconsentNeededAt: null, renewalsUsed: 0, renewalsLeft: 5 });
		expect(s.notes.join(' ')).toMatch(/first run/);
	});

	it('Douyin: bookkeeping of an earlier authorization (kept by n8n\'s merge on Reconnect) is not taken for the new one', () => {
		const stale = { ...douyinTokenData(undefined, 'rft.new'), mediax: { expires_at: NOW + DAY, refresh_expires_at: NOW + 2 * DAY, renew_count: 5, for: tokenMark('rft.old'), refused: { code: 10010, message: 'old', at: NOW - DAY } } };
		const s = authorizationStatus(douyinUserAdapter, { oauthTokenData: stale }, { now: NOW });
		expect(s).toMatchObject({ state: 'ok', renewalsLeft: 5, refusedRefresh: null, accessExpiresAt: null });
		expect(douyinUserAdapter.readToken(stale)).toMatchObject({ expiresAt: 0, renewCount: 0 });
	});

	it('a recorded refusal wins over every time, with its code, message and moment', () => {
		const s = authorizationStatus(douyinUserAdapter, { oauthTokenData: douyinTokenData({ expires_at: NOW + DAY, refresh_expires_at: NOW + 20 * DAY, renew_count: 0, refused: { code: 10010, message: 'Douyin token refresh failed', at: NOW - 60_000 } }) }, { now: NOW });
		expect(s).toMatchObject({ state: 'refused', refusedRefresh: { code: 10010, message: 'Douyin token refresh failed', at: iso(NOW - 60_000) } });
		expect(s.summary).toContain('10010');
	});

	it('not connected: no token data, or an error envelope the Connect stored', () => {
		expect(authorizationStatus(douyinUserAdapter, {}, { now: NOW }).state).toBe('not_connected');
		const failed = authorizationStatus(douyinUserAdapter, { oauthTokenData: { data: { error_code: 10013, description: 'bad secret' } } }, { now: NOW });
		expect(failed.state).toBe('not_connected');
		expect(failed.notes.join(' ')).toContain('10013');
		expect(authorizationStatus(redbookUserAdapter, { refreshToken: '' }, { now: NOW }).state).toBe('not_connected');
		expect(authorizationStatus(googleUserAdapter, { oauthTokenData: {} }, { now: NOW }).state).toBe('not_connected');
	});

	it('Bilibili: access expiry known, no published refresh-token lifetime, so no re-consent date', () => {
		const oauthTokenData = { data: { access_token: 'bat', refresh_token: 'brt', expires_in: Math.floor((NOW + 30 * DAY) / 1000) }, mediax: { expires_at: NOW + 30 * DAY, for: tokenMark('brt') } };
		const s = authorizationStatus(bilibiliUserAdapter, { oauthTokenData }, { now: NOW });
		expect(s).toMatchObject({ platform: 'bilibili', state: 'ok', accessExpiresAt: iso(NOW + 30 * DAY), reconsentNeededAt: null, daysLeft: null, renewalsLeft: null });
		expect(s.notes.join(' ')).toMatch(/publishes no refresh-token lifetime/);
	});

	it('RedBook and WeChat web (pasted code): the stored refresh expiry is the re-consent date; account from the stored fields', () => {
		const redbook = authorizationStatus(redbookUserAdapter, { refreshToken: 'r', expiresAt: NOW + 3600_000, refreshExpiresAt: NOW + 5 * DAY, userId: 'U1' }, { credentialName: 'JG', now: NOW });
		expect(redbook).toMatchObject({ state: 'expiring', account: { userId: 'U1' }, reconsentNeededAt: iso(NOW + 5 * DAY), daysLeft: 5 });
		expect(redbook.reconnect).toBe('Run "Authorization → Get Authorization URL" in the MediaX RedBook node, open the link and approve; then paste the code from the redirect into the "Authorization Code" field of the credential "JG" and click "Save".');
		const wechat = authorizationStatus(wechatWebUserAdapter, { refreshToken: 'r', expiresAt: NOW + 3600_000, refreshExpiresAt: NOW + 25 * DAY, openid: 'oOPEN', authorizationRefusal: '' }, { now: NOW });
		expect(wechat).toMatchObject({ platform: 'wechat', state: 'ok', account: { openid: 'oOPEN' } });
		const refused = authorizationStatus(wechatWebUserAdapter, { refreshToken: 'r', refreshExpiresAt: NOW + 25 * DAY, authorizationRefusal: JSON.stringify({ code: 42002, message: 'expired', at: NOW }) }, { now: NOW });
		expect(refused).toMatchObject({ state: 'refused', refusedRefresh: { code: 42002 } });
	});

	it('Google: access expiry from n8n 2.x n8n_expires_at, no re-consent date, refusal only for the refresh token it was recorded for', () => {
		const tokenData = { access_token: 'ya29.a', refresh_token: '1//r', expires_in: 3599, n8n_expires_at: String(NOW + 3599_000) };
		expect(authorizationStatus(googleUserAdapter, { oauthTokenData: tokenData }, { now: NOW })).toMatchObject({ state: 'ok', accessExpiresAt: iso(NOW + 3599_000), reconsentNeededAt: null });
		const refused = { ...tokenData, mediax: { for: tokenMark('1//r'), refused: { code: 'invalid_grant', message: 'revoked', at: NOW } } };
		expect(authorizationStatus(googleUserAdapter, { oauthTokenData: refused }, { now: NOW }).state).toBe('refused');
		// Reconnect: n8n merges the new reply over the old data, the recorded refusal stays but describes the old token
		expect(authorizationStatus(googleUserAdapter, { oauthTokenData: { ...refused, refresh_token: '1//new' } }, { now: NOW }).state).toBe('ok');
	});
});

describe('the engine records the facts as it refreshes', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	it('Douyin: the first refresh stores both expiry times and the renewal count for the token it describes; a refused refresh is recorded', async () => {
		sim.reset();
		const USER = 'mediaXDouyinOAuth2Api';
		const store = new CredentialStore({ [USER]: new MediaXDouyinOAuth2Api() });
		const issued = await admin(sim, '/douyin/issue-user-token', {});
		store.add({ id: 'u1', name: 'Douyin account', type: USER, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/douyin`, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret', oauthTokenData: { data: { ...issued, error_code: 0 }, message: 'success' } } });
		const ctx = () => fakeContext({ store, attached: { [USER]: 'u1' } });
		const before = Date.now();
		await platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', identityInQuery: ['open_id'], idempotent: true });
		const stored = store.read('u1').data.oauthTokenData as IDataObject;
		const book = stored.mediax as IDataObject;
		expect(book.for).toBe(tokenMark((stored.data as IDataObject).refresh_token));
		expect(Number(book.expires_at)).toBeGreaterThanOrEqual(before + 15 * DAY - 1000);
		expect(Number(book.refresh_expires_at)).toBeGreaterThanOrEqual(before + 30 * DAY - 1000);
		expect(book.renew_count).toBe(0);
		expect(authorizationStatus(douyinUserAdapter, store.read('u1').data).state).toBe('ok');

		// the authorization ends at Douyin: access and refresh token expired
		await admin(sim, '/douyin/expire', { kind: 'refresh' });
		await admin(sim, '/douyin/expire', { kind: 'user' });
		store.write('u1', { ...store.read('u1').data, oauthTokenData: { ...stored, mediax: { ...book, expires_at: Date.now() - 1000 } } });
		await expect(platformRequest(ctx(), douyinUserAdapter, { method: 'POST', path: '/oauth/userinfo/', idempotent: true })).rejects.toThrow(/10010/);
		const status = authorizationStatus(douyinUserAdapter, store.read('u1').data);
		expect(status).toMatchObject({ state: 'refused', refusedRefresh: { code: 10010 } });
		expect(JSON.stringify(status)).not.toContain(String((stored.data as IDataObject).refresh_token));
	});

	it('RedBook: a refused refresh (40004) is recorded in the credential and a newly pasted code clears it', async () => {
		sim.reset();
		const CRED = 'mediaXRedBookOAuth2Api';
		const store = new CredentialStore({ [CRED]: new MediaXRedBookOAuth2Api() });
		const t = await admin(sim, '/redbook/issue-user-token', {});
		const base = `${sim.baseUrl}/redbook`;
		store.add({ id: 'rb', name: 'JG', type: CRED, data: { environment: 'custom', baseUrl: base, appId: '4000001', secret: 'sim_redbook_secret', redirectUri: 'https://example.com/cb', accessToken: t.access_token, expiresAt: Date.now() - 1000, tokenFor: `${base}|4000001`, refreshToken: t.refresh_token, refreshExpiresAt: Date.now() + 30 * DAY, userId: t.user_id } });
		await admin(sim, '/redbook/revoke', {});
		const ctx = () => fakeContext({ store, attached: { [CRED]: 'rb' } });
		const balance = { method: 'GET' as const, path: '/api/open/jg/account/balance/info', qs: { advertiser_id: JSON.parse(String(store.read('rb').data.advertisers ?? '[]'))[0]?.advertiser_id ?? t.approval_advertisers[0].advertiser_id }, idempotent: true };
		await expect(platformRequest(ctx(), redbookUserAdapter, balance)).rejects.toThrow(/40004|refresh/i);
		expect(authorizationStatus(redbookUserAdapter, await ctx().getCredentials(CRED))).toMatchObject({ state: 'refused', refusedRefresh: { code: 40004 } });

		// the person authorizes again: consent page → redirect with auth_code → pasted into the credential
		const page = await (await fetch(`${base}/auth?appId=4000001&scope=${encodeURIComponent('["report_service","ad_query","ad_manage","account_manage"]')}&redirectUri=${encodeURIComponent('https://example.com/cb')}&state=s`)).text();
		const href = /id="agree" href="([^"]+)"/.exec(page)![1].replace(/&amp;/g, '&');
		const code = new URL((await fetch(`${sim.baseUrl}${href}`, { redirect: 'manual' })).headers.get('location')!).searchParams.get('auth_code')!;
		store.write('rb', { ...store.read('rb').data, authCode: code });
		await platformRequest(ctx(), redbookUserAdapter, balance);
		expect(store.read('rb').data.authorizationRefusal).toBe('');
		expect(authorizationStatus(redbookUserAdapter, await ctx().getCredentials(CRED)).state).toBe('ok');
	});

	it('Google: invalid_grant on n8n\'s refresh is recorded as refused', async () => {
		sim.reset();
		const USER = 'mediaXGoogleOAuth2Api';
		const store = new CredentialStore({ [USER]: new MediaXGoogleOAuth2Api() });
		const tokens = await admin(sim, '/google/issue-user-token', { offline: true });
		store.add({ id: 'g', name: 'Google account', type: USER, data: { environment: 'custom', baseUrl: `${sim.baseUrl}/google`, clientId: 'sim-google-client.apps.googleusercontent.com', clientSecret: 'sim_google_secret', oauthTokenData: { ...tokens } } });
		await admin(sim, '/google/revoke', { kind: 'user' });
		const ctx = fakeContext({ store, attached: { [USER]: 'g' } });
		await expect(platformRequest(ctx, googleUserAdapter, { method: 'GET', path: '/youtube/v3/channels', qs: { part: 'id', mine: true }, idempotent: true })).rejects.toThrow(/invalid_grant/);
		const status = authorizationStatus(googleUserAdapter, store.read('g').data);
		expect(status).toMatchObject({ state: 'refused', refusedRefresh: { code: 'invalid_grant' } });
		expect(status.refusedRefresh?.message).not.toContain('sim_google_secret');
	});
});

describe('Get Authorization Status operation', () => {
	it('is on every node with a user-authorization credential, declares the user token, and reads the credential only', async () => {
		const { MediaXDouyin } = await import('../../nodes/MediaXDouyin/MediaXDouyin.node');
		const nodes = await Promise.all([
			import('../../nodes/MediaXBilibili/actions/router'),
			import('../../nodes/MediaXRedBook/actions/router'),
			import('../../nodes/MediaXYouTube/actions/router'),
			import('../../nodes/MediaXBlogger/actions/router'),
			import('../../nodes/MediaXWeChatOfficialAccount/actions/router'),
			import('../../nodes/MediaXDouyin/actions/router'),
		]);
		for (const { resources } of nodes) {
			const entry = Object.values(resources).find((ops) => ops.getAuthorizationStatus)?.getAuthorizationStatus;
			expect(entry?.token).toBe('user');
		}
		const USER = 'mediaXDouyinOAuth2Api';
		const store = new CredentialStore({ [USER]: new MediaXDouyinOAuth2Api() });
		store.add({ id: 'u1', name: 'My Douyin', type: USER, data: { environment: 'custom', baseUrl: 'http://127.0.0.1:9/douyin', clientId: 'k', clientSecret: 's', oauthTokenData: douyinTokenData({ expires_at: Date.now() + DAY, refresh_expires_at: Date.now() + 3 * DAY, renew_count: 5 }) } });
		const ctx = fakeContext({ store, attached: { [USER]: 'u1' }, parameters: { resource: 'authorization', operation: 'getAuthorizationStatus' } });
		const [[item]] = await new MediaXDouyin().execute.call(ctx);
		expect(ctx.sent).toEqual([]); // port 9 answers nothing: no request was even tried
		expect(item.json).toMatchObject({ platform: 'douyin', credentialName: 'My Douyin', state: 'expiring', renewalsLeft: 0, account: { open_id: 'OPEN1' } });
		expect(JSON.stringify(item.json)).not.toMatch(/act\.1|rft\.1/);
	});
});
