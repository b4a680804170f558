import type { IDataObject } from 'n8n-workflow';
import { MediaXAuthorizationWatch } from '../../nodes/MediaXAuthorizationWatch/MediaXAuthorizationWatch.node';
import { dueStatuses } from '../../nodes/MediaXAuthorizationWatch/conditions';
import { tokenMark } from '../../nodes/shared/engine/authorizationRecord';
import { authorizationStatus } from '../../nodes/shared/engine/authorizationStatus';
import { redbookUserAdapter } from '../../nodes/shared/platforms/redbook';

const DAY = 86400_000;

/** A poll context as n8n gives it: the node's credentials, parameters, mode and the node's workflow static data. */
function pollContext(credentials: Record<string, { id: string; name: string; data: IDataObject }>, mode: 'trigger' | 'manual', staticData: IDataObject, parameters: IDataObject = {}) {
	return {
		getNode: () => ({ name: 'Watch', credentials: Object.fromEntries(Object.entries(credentials).map(([type, c]) => [type, { id: c.id, name: c.name }])) }),
		getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async (type: string) => JSON.parse(JSON.stringify(credentials[type].data)),
		getMode: () => mode,
		getWorkflowStaticData: (kind: string) => (kind === 'node' ? staticData : {}),
	} as never;
}

const redbook = (refreshIn: number, extra: IDataObject = {}) => ({ refreshToken: 'r', expiresAt: Date.now() + 3600_000, refreshExpiresAt: Date.now() + refreshIn, userId: 'U1', ...extra });
const douyin = (book: IDataObject) => ({
	oauthTokenData: { data: { access_token: 'a', refresh_token: 'rt', open_id: 'OPEN1' }, mediax: { ...book, for: tokenMark('rt') } },
});

describe('MediaX Authorization Watch', () => {
	const node = new MediaXAuthorizationWatch();

	it('is a polling trigger with every user-authorization credential optional and Warn Days Before 7', () => {
		expect(node.description.polling).toBe(true);
		expect(node.description.inputs).toEqual([]);
		expect(node.description.credentials!.map((c) => [c.name, c.required])).toEqual([
			['mediaXDouyinOAuth2Api', false],
			['mediaXBilibiliOAuth2Api', false],
			['mediaXRedBookOAuth2Api', false],
			['mediaXWeChatOAuth2Api', false],
			['mediaXGoogleOAuth2Api', false],
		]);
		expect(node.description.properties.find((p) => p.name === 'warnDaysBefore')?.default).toBe(7);
	});

	it('emits each condition once: an expiring authorization, then nothing, then again after reconnect and a new expiry', async () => {
		const memory: IDataObject = {};
		const creds = { mediaXRedBookOAuth2Api: { id: '7', name: 'JG', data: redbook(3 * DAY) } };
		const first = await node.poll.call(pollContext(creds, 'trigger', memory));
		expect(first![0].map((i) => i.json)).toEqual([expect.objectContaining({ platform: 'redbook', credentialName: 'JG', state: 'expiring', daysLeft: 3, account: { userId: 'U1' } })]);
		expect(await node.poll.call(pollContext(creds, 'trigger', memory))).toBeNull();
		expect(await node.poll.call(pollContext(creds, 'trigger', memory))).toBeNull();

		// reconnected: 30 days left, nothing due, the memory forgets the credential
		creds.mediaXRedBookOAuth2Api.data = redbook(30 * DAY);
		expect(await node.poll.call(pollContext(creds, 'trigger', memory))).toBeNull();
		expect(memory.emitted).toEqual({});
		// ... and expiring again later: a new condition
		creds.mediaXRedBookOAuth2Api.data = redbook(2 * DAY);
		expect((await node.poll.call(pollContext(creds, 'trigger', memory)))![0]).toHaveLength(1);
	});

	it('a changed condition of the same credential is emitted: expiring, then refused', async () => {
		const memory: IDataObject = {};
		const creds = { mediaXRedBookOAuth2Api: { id: '7', name: 'JG', data: redbook(3 * DAY) } };
		await node.poll.call(pollContext(creds, 'trigger', memory));
		creds.mediaXRedBookOAuth2Api.data = redbook(3 * DAY, { authorizationRefusal: JSON.stringify({ code: 40004, message: 'refused', at: Date.now() }) });
		const out = await node.poll.call(pollContext(creds, 'trigger', memory));
		expect(out![0].map((i) => i.json.state)).toEqual(['refused']);
		expect(await node.poll.call(pollContext(creds, 'trigger', memory))).toBeNull();
	});

	it('reports only due credentials, with Warn Days Before; renewals used up count as a condition', async () => {
		const memory: IDataObject = {};
		const creds = {
			mediaXDouyinOAuth2Api: { id: '1', name: 'DY', data: douyin({ expires_at: Date.now() + DAY, refresh_expires_at: Date.now() + 20 * DAY, renew_count: 5 }) },
			mediaXRedBookOAuth2Api: { id: '2', name: 'JG', data: redbook(10 * DAY) },
		};
		const out = await node.poll.call(pollContext(creds, 'trigger', memory, { warnDaysBefore: 3 }));
		expect(out![0].map((i) => [i.json.credentialName, i.json.state])).toEqual([['DY', 'renewals_exhausted']]);
		const wider = await node.poll.call(pollContext(creds, 'trigger', memory, { warnDaysBefore: 14 }));
		expect(wider![0].map((i) => [i.json.credentialName, i.json.state])).toEqual([['JG', 'expiring']]);
	});

	it('"Fetch Test Event" (manual) returns every watched credential\'s status, due or not, and leaves the memory alone', async () => {
		const memory: IDataObject = {};
		const creds = { mediaXRedBookOAuth2Api: { id: '7', name: 'JG', data: redbook(30 * DAY) } };
		const out = await node.poll.call(pollContext(creds, 'manual', memory));
		expect(out![0].map((i) => i.json.state)).toEqual(['ok']);
		expect(memory).toEqual({});
	});

	it('says which credentials to attach when none is', async () => {
		await expect(node.poll.call(pollContext({}, 'trigger', {}))).rejects.toThrow(/No account credential is attached/);
	});

	it('memory is per credential: two credentials of one condition each emit once', () => {
		const memory: IDataObject = {};
		const status = authorizationStatus(redbookUserAdapter, redbook(2 * DAY));
		expect(dueStatuses([{ key: 'a', status }, { key: 'b', status }], memory)).toHaveLength(2);
		expect(dueStatuses([{ key: 'a', status }, { key: 'b', status }], memory)).toHaveLength(0);
	});
});
