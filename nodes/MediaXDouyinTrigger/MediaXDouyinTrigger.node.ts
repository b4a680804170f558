import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { deliveryCacheFor } from '../shared/events/deliveryCache';
import { isDouyinSignatureValid } from '../shared/events/douyinSignature';
import { answerDelivery, headerValue, rawRequestBody, rejectDelivery } from '../shared/events/webhookReply';
import { DOUYIN_EVENTS, VERIFY_WEBHOOK_EVENT } from './events';

/** Douyin retries a push up to 3 times after 5 s each (webhooks overview, "重试机制"): 15 minutes covers them with room. */
const DUPLICATE_WINDOW_MS = 15 * 60 * 1000;

function parseJsonObject(text: string): IDataObject | undefined {
	try {
		const value = JSON.parse(text) as unknown;
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

/** `content` is documented as a JSON string (and shown as an object in the URL check): decode the string form. */
function decodeContent(content: unknown): unknown {
	if (typeof content !== 'string') return content ?? {};
	try {
		return JSON.parse(content) as unknown;
	} catch {
		return content;
	}
}

/*
 * Douyin has no API to register the webhook URL (it is set in the console, one per app). Activation checks that the
 * credential can verify pushes, so a missing Client Secret fails there rather than rejecting every push.
 */
const consoleUrlLifecycle = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return false;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		const credentials = await this.getCredentials('mediaXDouyinClientCredentialsApi');
		if (!String(credentials.clientSecret ?? '')) throw new NodeOperationError(this.getNode(), 'Credential: Client Secret is empty; it verifies X-Douyin-Signature', { description: 'Copy the Client Secret from the Douyin console into the credential, then activate again' });
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};

export class MediaXDouyinTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaX Douyin Trigger',
		name: 'mediaXDouyinTrigger',
		icon: { light: 'file:douyin.svg', dark: 'file:douyin.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || ["*"]).join(", ")}}',
		description: 'Starts the workflow when Douyin (抖音) pushes a webhook event',
		defaults: { name: 'MediaX Douyin Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mediaXDouyinClientCredentialsApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Activate the workflow, then paste its Production URL into the Douyin console under Settings → Development → Webhooks (one URL per app). The credential\'s Client Secret verifies every push.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: DOUYIN_EVENTS,
				default: ['*'],
				description: 'Which events start the workflow; others are acknowledged and dropped. Subscribe to the same events in the Douyin console.',
			},
		],
	};

	webhookMethods = { default: consoleUrlLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('mediaXDouyinClientCredentialsApi');
		const raw = rawRequestBody(this);
		if (!raw || raw.length === 0) return rejectDelivery(this, 400, 'Empty body: a Douyin push is a JSON body');
		const signature = headerValue(this, 'x-douyin-signature');
		if (!signature) return rejectDelivery(this, 401, 'Missing X-Douyin-Signature header');
		if (!isDouyinSignatureValid(String(credentials.clientSecret ?? ''), raw, signature)) {
			return rejectDelivery(this, 401, 'X-Douyin-Signature does not match the body: check that the credential\'s Client Secret belongs to the app whose console sends these pushes');
		}
		const body = parseJsonObject(raw.toString('utf8'));
		if (!body || typeof body.event !== 'string' || body.event === '') return rejectDelivery(this, 400, 'The body is not a Douyin event (a JSON object with an "event" field)');

		const content = decodeContent(body.content);
		if (body.event === VERIFY_WEBHOOK_EVENT) {
			// the console's URL check: answer {"challenge": N} in the body, run nothing (webhooks overview, "回调地址校验")
			const challenge = (content as IDataObject | undefined)?.challenge;
			if (challenge === undefined) return rejectDelivery(this, 400, 'verify_webhook without content.challenge');
			return answerDelivery(this, JSON.stringify({ challenge }), 'application/json');
		}

		const msgId = headerValue(this, 'msg-id');
		const node = this.getNode();
		const cache = deliveryCacheFor(`douyin:${this.getWorkflow().id ?? ''}:${node.id ?? node.name}`, 2000, DUPLICATE_WINDOW_MS);
		if (msgId && !cache.firstSeen(msgId, Date.now())) return answerDelivery(this, '', 'text/plain');

		const wanted = (this.getNodeParameter('events', ['*']) as string[]) ?? ['*'];
		if (wanted.length > 0 && !wanted.includes('*') && !wanted.includes(body.event)) return answerDelivery(this, '', 'text/plain');

		const item: IDataObject = {
			event: body.event,
			client_key: body.client_key ?? '',
			from_user_id: body.from_user_id ?? '',
			to_user_id: body.to_user_id ?? '',
			log_id: body.log_id ?? '',
			msg_id: msgId ?? '',
			content: content as IDataObject,
		};
		return answerDelivery(this, '', 'text/plain', [{ json: item }]);
	}
}
