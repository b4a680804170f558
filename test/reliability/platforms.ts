/**
 * One connected setup per platform for the reliability matrices: the node, its credentials pointed at the simulator,
 * a read and a write operation, and (where the platform has one) a part upload. Shared by faults.test.ts and
 * inputs.test.ts.
 */
import type { ICredentialType, INodeExecutionData, INodeType } from 'n8n-workflow';
import { MediaXBilibiliOAuth2Api } from '../../credentials/MediaXBilibiliOAuth2Api.credentials';
import { MediaXDouyinClientCredentialsApi } from '../../credentials/MediaXDouyinClientCredentialsApi.credentials';
import { MediaXDouyinOAuth2Api } from '../../credentials/MediaXDouyinOAuth2Api.credentials';
import { MediaXGoogleApiKeyApi } from '../../credentials/MediaXGoogleApiKeyApi.credentials';
import { MediaXGoogleOAuth2Api } from '../../credentials/MediaXGoogleOAuth2Api.credentials';
import { MediaXGoogleServiceAccountApi } from '../../credentials/MediaXGoogleServiceAccountApi.credentials';
import { MediaXRedBookOAuth2Api } from '../../credentials/MediaXRedBookOAuth2Api.credentials';
import { MediaXWeChatOAuth2Api } from '../../credentials/MediaXWeChatOAuth2Api.credentials';
import { MediaXWeChatOfficialAccountApi } from '../../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { MediaXBilibili } from '../../nodes/MediaXBilibili/MediaXBilibili.node';
import { MediaXBlogger } from '../../nodes/MediaXBlogger/MediaXBlogger.node';
import { MediaXDouyin } from '../../nodes/MediaXDouyin/MediaXDouyin.node';
import { MediaXRedBook } from '../../nodes/MediaXRedBook/MediaXRedBook.node';
import { MediaXWeChatOfficialAccount } from '../../nodes/MediaXWeChatOfficialAccount/MediaXWeChatOfficialAccount.node';
import { MediaXYouTube } from '../../nodes/MediaXYouTube/MediaXYouTube.node';
import { CredentialStore } from '../helpers/fakeN8n';
import { admin, type RunningSimulator } from '../helpers/simulator';

export const MB = 1024 * 1024;

export const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	mediaXDouyinOAuth2Api: new MediaXDouyinOAuth2Api(),
	mediaXDouyinClientCredentialsApi: new MediaXDouyinClientCredentialsApi(),
	mediaXWeChatOfficialAccountApi: new MediaXWeChatOfficialAccountApi(),
	mediaXWeChatOAuth2Api: new MediaXWeChatOAuth2Api(),
	mediaXGoogleOAuth2Api: new MediaXGoogleOAuth2Api(),
	mediaXGoogleServiceAccountApi: new MediaXGoogleServiceAccountApi(),
	mediaXGoogleApiKeyApi: new MediaXGoogleApiKeyApi(),
	mediaXRedBookOAuth2Api: new MediaXRedBookOAuth2Api(),
	mediaXBilibiliOAuth2Api: new MediaXBilibiliOAuth2Api(),
};

export interface Connected {
	store: CredentialStore;
	/** credential type → stored id attached to the node */
	attached: Record<string, string>;
	/** every secret the setup holds: none may appear in an error */
	secrets: string[];
}

export interface Operation {
	parameters: Record<string, unknown>;
	/** simulator path (after the platform prefix) the operation's API call goes to */
	path: string;
	/** input items (binary data) the operation reads */
	items?: () => INodeExecutionData[];
}

export interface PlatformCase {
	/** row label, e.g. 'douyin' */
	name: string;
	/** simulator module */
	sim: string;
	node: () => INodeType;
	connect(sim: RunningSimulator): Promise<Connected>;
	read: Operation;
	write: Operation;
	/** the platform's own rate-limit code, as the error shows it */
	rateLimitCode: string;
	/** a part upload: parameters, the input item, and the path of one part request */
	upload?: { parameters: Record<string, unknown>; items: () => INodeExecutionData[]; partPath: string; prepare?: (sim: RunningSimulator) => Promise<void> };
	/** makes the stored refresh token useless (revoked/expired) and the access token rejected */
	revokeRefresh?: (sim: RunningSimulator) => Promise<void>;
	/** makes the next call need a token request, and the regex (on the simulator path) of that token endpoint */
	tokenEndpoint: { match: string; needToken: (sim: RunningSimulator, c: Connected) => Promise<void> };
}

/** 1×1 PNG */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const binaryItem = (bytes: Buffer, fileName: string, mimeType: string): INodeExecutionData => ({ json: {}, binary: { data: { data: bytes.toString('base64'), fileName, mimeType } } });
const bytes = (size: number) => {
	const b = Buffer.alloc(size);
	for (let i = 0; i + 4 <= size; i += 4) b.writeUInt32LE((i ^ 0x9e3779b9) >>> 0, i);
	return b;
};

const secretsOf = (data: unknown): string[] => {
	const out: string[] = [];
	const walk = (v: unknown, key = '') => {
		if (typeof v === 'string' && v.length >= 8 && /secret|token|key|password/i.test(key) && !/url|type|uri/i.test(key)) out.push(v);
		else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
	};
	walk(data);
	return out;
};

function finish(store: CredentialStore, attached: Record<string, string>, sim: RunningSimulator): Connected {
	sim.log.length = 0;
	return { store, attached, secrets: Object.values(attached).flatMap((id) => secretsOf(store.read(id).data)) };
}

export const PLATFORMS: PlatformCase[] = [
	{
		name: 'douyin',
		sim: 'douyin',
		node: () => new MediaXDouyin(),
		async connect(sim) {
			const base = `${sim.baseUrl}/douyin`;
			const store = new CredentialStore(CREDENTIAL_TYPES);
			store.add({ id: 'app1', name: 'Douyin app', type: 'mediaXDouyinClientCredentialsApi', data: { environment: 'custom', baseUrl: base, clientKey: 'sim_douyin_key', clientSecret: 'sim_douyin_secret' } });
			const issued = await admin(sim, '/douyin/issue-user-token', {});
			store.add({
				id: 'user1',
				name: 'Douyin account',
				type: 'mediaXDouyinOAuth2Api',
				data: { environment: 'custom', baseUrl: base, clientId: 'sim_douyin_key', clientSecret: 'sim_douyin_secret', oauthTokenData: { data: { ...issued, error_code: 0, description: '' }, message: 'success' } },
			});
			return finish(store, { mediaXDouyinClientCredentialsApi: 'app1', mediaXDouyinOAuth2Api: 'user1' }, sim);
		},
		read: { parameters: { resource: 'user', operation: 'getInfo' }, path: '/oauth/userinfo' },
		write: {
			parameters: { resource: 'imageText', operation: 'uploadImage', binaryPropertyName: 'data' },
			path: '/api/douyin/v1/video/upload_image',
			items: () => [binaryItem(PNG, 'cover.png', 'image/png')],
		},
		rateLimitCode: '28003018',
		upload: {
			parameters: { resource: 'video', operation: 'upload', binaryPropertyName: 'data', options: { mode: 'chunked', partSizeMb: 5 } },
			items: () => [binaryItem(bytes(12 * MB), 'big.mp4', 'video/mp4')],
			partPath: '/api/douyin/v1/video/upload_video_part',
			prepare: async (sim) => void (await admin(sim, '/douyin/config', { minPartSize: 5 * MB })),
		},
		async revokeRefresh(sim) {
			await admin(sim, '/douyin/revoke', { kind: 'user' });
			await admin(sim, '/douyin/expire', { kind: 'refresh' });
		},
		tokenEndpoint: {
			match: '^/oauth/(client_token|refresh_token)',
			async needToken(sim) {
				await admin(sim, '/douyin/expire', { kind: 'user' });
			},
		},
	},
	{
		name: 'wechat',
		sim: 'wechat',
		node: () => new MediaXWeChatOfficialAccount(),
		async connect(sim) {
			const store = new CredentialStore(CREDENTIAL_TYPES);
			store.add({ id: 'wx1', name: 'Official account', type: 'mediaXWeChatOfficialAccountApi', data: { environment: 'custom', baseUrl: `${sim.baseUrl}/wechat`, appId: 'wxsim0000000001', appSecret: 'sim_wechat_secret' } });
			return finish(store, { mediaXWeChatOfficialAccountApi: 'wx1' }, sim);
		},
		read: { parameters: { resource: 'draft', operation: 'count' }, path: '/cgi-bin/draft/count' },
		write: { parameters: { resource: 'draft', operation: 'delete', mediaId: 'wxsim_draft_0002' }, path: '/cgi-bin/draft/delete' },
		rateLimitCode: '45011',
		tokenEndpoint: {
			match: '^/cgi-bin/stable_token',
			async needToken(sim) {
				await admin(sim, '/wechat/expire', {});
			},
		},
	},
	{
		name: 'youtube',
		sim: 'google',
		node: () => new MediaXYouTube(),
		async connect(sim) {
			const store = new CredentialStore(CREDENTIAL_TYPES);
			const tokens = await admin(sim, '/google/issue-user-token', { offline: true });
			store.add({
				id: 'g1',
				name: 'Google account',
				type: 'mediaXGoogleOAuth2Api',
				data: { environment: 'custom', baseUrl: `${sim.baseUrl}/google`, clientId: 'sim-google-client.apps.googleusercontent.com', clientSecret: 'sim_google_secret', oauthTokenData: { ...tokens } },
			});
			return finish(store, { mediaXGoogleOAuth2Api: 'g1' }, sim);
		},
		read: { parameters: { resource: 'video', operation: 'get', videoId: 'simVid00002' }, path: '/youtube/v3/videos' },
		write: { parameters: { resource: 'video', operation: 'rate', videoId: 'simVid00002', rating: 'like' }, path: '/youtube/v3/videos/rate' },
		rateLimitCode: 'rateLimitExceeded',
		upload: {
			parameters: { resource: 'video', operation: 'upload', binaryPropertyName: 'data', title: 'Faults', categoryId: '22', privacyStatus: 'private', options: { chunkSizeMb: 1 } },
			items: () => [binaryItem(bytes(Math.floor(2.5 * MB)), 'clip.mp4', 'video/mp4')],
			partPath: '/upload/youtube/v3/videos',
		},
		async revokeRefresh(sim) {
			await admin(sim, '/google/revoke', { kind: 'user' });
		},
		tokenEndpoint: {
			match: '^/token',
			async needToken(sim) {
				await admin(sim, '/google/revoke', { kind: 'access' });
			},
		},
	},
	{
		name: 'blogger',
		sim: 'google',
		node: () => new MediaXBlogger(),
		async connect(sim) {
			return PLATFORMS[2].connect(sim);
		},
		read: { parameters: { resource: 'blog', operation: 'listMine', options: {} }, path: '/blogger/v3/users/self/blogs' },
		write: { parameters: { resource: 'post', operation: 'create', blogId: '1000000000000000001', title: 'x', content: '<p>x</p>', additionalFields: {} }, path: '/blogger/v3/blogs' },
		rateLimitCode: 'rateLimitExceeded',
		async revokeRefresh(sim) {
			await admin(sim, '/google/revoke', { kind: 'user' });
		},
		tokenEndpoint: {
			match: '^/token',
			async needToken(sim) {
				await admin(sim, '/google/revoke', { kind: 'access' });
			},
		},
	},
	{
		name: 'redbook',
		sim: 'redbook',
		node: () => new MediaXRedBook(),
		async connect(sim) {
			const store = new CredentialStore(CREDENTIAL_TYPES);
			const t = await admin(sim, '/redbook/issue-user-token', {});
			store.add({
				id: 'rb1',
				name: 'JuGuang',
				type: 'mediaXRedBookOAuth2Api',
				data: {
					environment: 'custom',
					baseUrl: `${sim.baseUrl}/redbook`,
					appId: '4000001',
					secret: 'sim_redbook_secret',
					redirectUri: 'https://example.com/juguang/callback',
					requestedScopes: ['report_service', 'ad_query', 'ad_manage', 'account_manage'],
					accessToken: t.access_token,
					expiresAt: Date.now() + t.access_token_expires_in * 1000,
					tokenFor: `${sim.baseUrl}/redbook|4000001`,
					refreshToken: t.refresh_token,
					refreshExpiresAt: Date.now() + t.refresh_token_expires_in * 1000,
					advertisers: JSON.stringify(t.approval_advertisers),
					userId: t.user_id,
					grantedScope: t.scope,
				},
			});
			return finish(store, { mediaXRedBookOAuth2Api: 'rb1' }, sim);
		},
		read: { parameters: { resource: 'account', operation: 'getBalance', advertiserId: '1234567' }, path: '/api/open/jg/account/balance' },
		write: { parameters: { resource: 'campaign', operation: 'changeStatus', advertiserId: '1234567', campaignIds: '123456701', statusAction: 2 }, path: '/api/open/jg/campaign/status/update' },
		rateLimitCode: '42901',
		async revokeRefresh(sim) {
			await admin(sim, '/redbook/revoke', { kind: 'all' });
		},
		tokenEndpoint: {
			match: '^/api/open/oauth2/',
			async needToken(sim) {
				await admin(sim, '/redbook/revoke', { kind: 'access' });
			},
		},
	},
	{
		name: 'bilibili',
		sim: 'bilibili',
		node: () => new MediaXBilibili(),
		async connect(sim) {
			const store = new CredentialStore(CREDENTIAL_TYPES);
			const issued = await admin(sim, '/bilibili/issue-user-token', {});
			store.add({
				id: 'bili1',
				name: 'Bilibili account',
				type: 'mediaXBilibiliOAuth2Api',
				data: {
					environment: 'custom',
					baseUrl: `${sim.baseUrl}/bilibili`,
					clientId: 'sim_bili_client',
					clientSecret: 'sim_bili_secret',
					redirectUrl: 'http://127.0.0.1:5678/rest/oauth2-credential/callback',
					oauthTokenData: { code: 0, message: '0', ttl: 1, data: issued },
				},
			});
			return finish(store, { mediaXBilibiliOAuth2Api: 'bili1' }, sim);
		},
		read: { parameters: { resource: 'user', operation: 'getInfo' }, path: '/arcopen/fn/user/account/info' },
		write: {
			parameters: { resource: 'article', operation: 'publish', title: 'ok', category: 41, template_id: 4, content: `<p>${'专栏正文'.repeat(60)}</p>`, additionalFields: { banner_url: 'https://i0.hdslb.com/b.jpg' } },
			path: '/arcopen/fn/article/add',
		},
		rateLimitCode: '127009',
		upload: {
			parameters: { resource: 'video', operation: 'upload', binaryPropertyName: 'data', uploadOptions: { partSizeMb: 1 } },
			items: () => [binaryItem(bytes(Math.floor(2.5 * MB)), 'clip.mp4', 'video/mp4')],
			partPath: '/upos/video/v2/part/upload',
		},
		async revokeRefresh(sim) {
			await admin(sim, '/bilibili/revoke', { kind: 'all' });
		},
		tokenEndpoint: {
			match: '^/(api/)?x/account-oauth2/',
			async needToken(sim) {
				await admin(sim, '/bilibili/revoke', { kind: 'access' });
			},
		},
	},
];
