import { randomBytes } from 'crypto';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type ICredentialTestFunctions,
	type ICredentialsDecrypted,
	type IDataObject,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { deliveryCacheFor } from '../shared/events/deliveryCache';
import { isTimestampFresh } from '../shared/events/replayWindow';
import { answerDelivery, rawRequestBody, rejectDelivery } from '../shared/events/webhookReply';
import { aesKeyFromEncodingAesKey, decryptWeChatMessage, encryptWeChatMessage, WeChatCryptoError } from '../shared/events/wechatCrypto';
import { isWeChatSignatureValid, wechatSignature } from '../shared/events/wechatSignature';
import { buildWeChatXml, parseWeChatXml, WeChatXmlError, type WeChatXmlObject } from '../shared/events/wechatXml';
import { passiveReplyXml, replyProblem, type ReplyKind, type ReplyParameters } from './reply';
import { serverConfigFrom, serverConfigProblem, type WeChatServerConfig } from './serverConfig';
import { deliveryKey, isWanted, WECHAT_UPDATES } from './updates';

const CREDENTIAL = 'mediaXWeChatOfficialAccountServerApi';
/** WeChat retries a push 3 times, 5 s apart (research events-and-publishing.md §2): 15 minutes covers them with room. */
const DUPLICATE_WINDOW_MS = 15 * 60 * 1000;

function query(ctx: IWebhookFunctions): Record<string, string> {
	const q = ctx.getQueryData() as Record<string, unknown>;
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(q)) out[k] = Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '');
	return out;
}

function text(message: WeChatXmlObject, name: string): string {
	const v = message[name];
	return typeof v === 'string' ? v : '';
}

function randomNonce(): string {
	return String(randomBytes(4).readUInt32BE(0));
}

/** The safe-mode reply envelope: the reply encrypted, signed with our own timestamp and nonce (doc "消息加解密说明"). */
function encryptedReply(config: WeChatServerConfig, key: Buffer, replyXml: string, nowSeconds: number): string {
	const encrypted = encryptWeChatMessage(key, replyXml, config.appId);
	const timeStamp = String(nowSeconds);
	const nonce = randomNonce();
	return buildWeChatXml({ Encrypt: encrypted, MsgSignature: wechatSignature([config.token, timeStamp, nonce, encrypted]), TimeStamp: nowSeconds, Nonce: nonce });
}

const serverUrlLifecycle = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return false;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		const problem = serverConfigProblem(await this.getCredentials(CREDENTIAL));
		if (problem) throw new NodeOperationError(this.getNode(), `Credential: ${problem}`, { description: 'Fix the MediaX WeChat Official Account Server credential, then activate again' });
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};

export class MediaXWeChatOfficialAccountTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX WeChat Official Account Trigger',
		name: 'mediaXWeChatOfficialAccountTrigger',
		icon: { light: 'file:wechat.svg', dark: 'file:wechat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["updates"] || ["*"]).join(", ")}}',
		description: 'Starts the workflow when a WeChat Official Account (微信公众号) receives a message or event',
		defaults: { name: 'MediaX WeChat Official Account Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mediaXWeChatOfficialAccountServerApi', required: true, testedBy: 'mediaXWeChatServerConfigShape' }],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'Activate the workflow, then paste its Production URL as the Server URL (服务器地址) in the WeChat Official Accounts Platform under Settings and Development → Basic Configuration → Server Configuration, with the Token, EncodingAESKey and message mode of the credential. WeChat checks the URL with a GET the node answers.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Trigger On',
				name: 'updates',
				type: 'multiOptions',
				options: WECHAT_UPDATES,
				default: ['*'],
				description: 'Which messages and events start the workflow; others are answered "success" and dropped',
			},
			{
				displayName: 'Reply',
				name: 'reply',
				type: 'options',
				options: [
					{ name: 'Acknowledge Only (Success)', value: 'success', description: 'Answer "success": WeChat shows nothing to the user' },
					{ name: 'Image', value: 'image', description: 'Reply with an image by its media_id' },
					{ name: 'News', value: 'news', description: 'Reply with article cards' },
					{ name: 'Text', value: 'text', description: 'Reply with a text message' },
				],
				default: 'success',
				description: 'The passive reply WeChat shows to the sender (encrypted and signed in safe mode)',
			},
			{
				displayName: 'Reply Text',
				name: 'replyText',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				displayOptions: { show: { reply: ['text'] } },
			},
			{
				displayName: 'Reply Media ID',
				name: 'replyMediaId',
				type: 'string',
				default: '',
				description: 'The media_id of an uploaded image (material or temporary media)',
				displayOptions: { show: { reply: ['image'] } },
			},
			{
				displayName: 'Reply Articles',
				name: 'replyArticles',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Article',
				displayOptions: { show: { reply: ['news'] } },
				options: [
					{
						displayName: 'Article',
						name: 'article',
						values: [
							{ displayName: 'Title', name: 'title', type: 'string', default: '' },
							{ displayName: 'Description', name: 'description', type: 'string', default: '' },
							{ displayName: 'Picture URL', name: 'picUrl', type: 'string', default: '' },
							{ displayName: 'URL', name: 'url', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Require Encryption',
						name: 'requireEncryption',
						type: 'boolean',
						default: false,
						description: 'Whether to reject pushes that are not encrypted (for accounts set to safe mode)',
					},
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'timestampToleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 300,
						description: 'Reject pushes whose signed timestamp is further than this from now (0 = no check); with the nonce cache this stops replays',
					},
				],
			},
		],
	};

	/*
	 * WeChat has no API to register a server URL: it is pasted in the console. Activation checks the credential
	 * instead, so a wrong Token or EncodingAESKey fails there, naming the field, rather than on every push.
	 */
	webhookMethods = {
		setup: serverUrlLifecycle,
		default: serverUrlLifecycle,
	};

	methods = {
		credentialTest: {
			async mediaXWeChatServerConfigShape(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const problem = serverConfigProblem(credential.data ?? {});
				return problem ? { status: 'Error', message: problem } : { status: 'OK', message: 'Token and EncodingAESKey have the shape WeChat requires' };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials(CREDENTIAL);
		const problem = serverConfigProblem(credentials);
		if (problem) return rejectDelivery(this, 500, `The ${CREDENTIAL} credential is not usable: ${problem}`);
		const config = serverConfigFrom(credentials);
		const q = query(this);
		const now = Date.now();
		const nowSeconds = Math.floor(now / 1000);

		if (this.getWebhookName() === 'setup') {
			// server-URL check: echo echostr only for a correct signature (doc "接入指南")
			if (!q.signature || !q.timestamp || !q.nonce || q.echostr === undefined) return rejectDelivery(this, 400, 'The URL check needs signature, timestamp, nonce and echostr');
			if (!isWeChatSignatureValid([config.token, q.timestamp, q.nonce], q.signature)) return rejectDelivery(this, 403, 'signature does not match: the Token in the credential differs from the server configuration');
			return answerDelivery(this, q.echostr, 'text/plain');
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const tolerance = Number(options.timestampToleranceSeconds ?? 300);
		const encrypted = q.encrypt_type === 'aes';
		if (!q.timestamp || !q.nonce) return rejectDelivery(this, 400, 'A WeChat push carries timestamp and nonce in the query');
		if (!encrypted && options.requireEncryption === true) return rejectDelivery(this, 403, 'Unencrypted push rejected (Require Encryption is on)');
		// a plain push is signed over the query only: check it before reading anything else
		if (!encrypted && !isWeChatSignatureValid([config.token, q.timestamp, q.nonce], q.signature)) return rejectDelivery(this, 403, 'signature does not match: check the Token in the credential');
		const raw = rawRequestBody(this);
		if (!raw || raw.length === 0) return rejectDelivery(this, 400, 'Empty body: a WeChat push is an XML body');
		let outer: WeChatXmlObject;
		try {
			outer = parseWeChatXml(raw.toString('utf8'));
		} catch (error) {
			return rejectDelivery(this, 400, `The body is not WeChat XML: ${error instanceof WeChatXmlError ? error.message : 'unreadable'}`);
		}

		let key: Buffer | undefined;
		let message = outer;
		if (encrypted) {
			const encrypt = text(outer, 'Encrypt');
			if (!encrypt) return rejectDelivery(this, 400, 'encrypt_type=aes but the body has no <Encrypt>');
			if (!isWeChatSignatureValid([config.token, q.timestamp, q.nonce, encrypt], q.msg_signature)) return rejectDelivery(this, 403, 'msg_signature does not match: check the Token in the credential');
			if (!config.encodingAesKey) return rejectDelivery(this, 500, 'The push is encrypted but the credential has no EncodingAESKey');
			try {
				key = aesKeyFromEncodingAesKey(config.encodingAesKey);
				const plain = decryptWeChatMessage(key, encrypt);
				if (plain.appId !== config.appId) return rejectDelivery(this, 403, 'The decrypted message is for another AppID than the credential\'s');
				message = parseWeChatXml(plain.message);
			} catch (error) {
				const reason = error instanceof WeChatCryptoError || error instanceof WeChatXmlError ? error.message : 'unreadable';
				return rejectDelivery(this, 400, `Encrypt could not be read: ${reason} (check the EncodingAESKey)`);
			}
		}
		if (!isTimestampFresh(q.timestamp, now, tolerance)) return rejectDelivery(this, 403, `timestamp is more than ${tolerance} s from now: replayed or the server clock is off`);
		if (!text(message, 'MsgType')) return rejectDelivery(this, 400, 'The push has no MsgType');

		const node = this.getNode();
		const scope = `wechat:${this.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
		// a retry of a push already taken: acknowledge, run nothing
		if (!deliveryCacheFor(`${scope}:delivery`, 2000, DUPLICATE_WINDOW_MS).firstSeen(deliveryKey(message), now)) return answerDelivery(this, 'success', 'text/plain');
		// a signed query used again for a different push: a replay
		const nonceWindow = Math.max(tolerance, 300) * 2 * 1000;
		if (!deliveryCacheFor(`${scope}:nonce`, 5000, nonceWindow).firstSeen(`${q.timestamp}:${q.nonce}`, now)) return rejectDelivery(this, 403, 'timestamp and nonce were already used: replay rejected');

		const wanted = this.getNodeParameter('updates', ['*']) as string[];
		if (!isWanted(message, wanted ?? ['*'])) return answerDelivery(this, 'success', 'text/plain');

		const reply: ReplyParameters = { kind: this.getNodeParameter('reply', 'success') as ReplyKind };
		if (reply.kind === 'text') reply.text = this.getNodeParameter('replyText', '') as string;
		if (reply.kind === 'image') reply.mediaId = this.getNodeParameter('replyMediaId', '') as string;
		if (reply.kind === 'news') reply.articles = ((this.getNodeParameter('replyArticles', {}) as IDataObject).article as IDataObject[] | undefined) ?? [];
		const items = [{ json: message as unknown as IDataObject }];
		const badReply = replyProblem(reply);
		// a broken reply setting must not lose the push: acknowledge it and run, the user sees the problem in the item
		if (badReply) return answerDelivery(this, 'success', 'text/plain', [{ json: { ...(message as unknown as IDataObject), replyProblem: badReply } }]);
		const replyXml = passiveReplyXml(message, reply, nowSeconds);
		if (!replyXml) return answerDelivery(this, 'success', 'text/plain', items);
		return answerDelivery(this, key ? encryptedReply(config, key, replyXml, nowSeconds) : replyXml, 'text/xml', items);
	}
}
