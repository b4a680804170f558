import { NodeOperationError, sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show } from '../common';

/** freepublish/get publish_status values. */
export const PUBLISH_STATUS: Record<number, string> = {
	0: 'published',
	1: 'publishing',
	2: 'failed: original-content declaration check failed',
	3: 'failed: WeChat gave no reason',
	4: 'failed: rejected by platform review',
	5: 'published, then all articles were deleted',
	6: 'published, then all articles were banned by the platform',
};

const FAILED = new Set([2, 3, 4]);

export const getStatus: OperationModule = {
	token: 'app',
	description: [
		{
			displayName: 'Publish ID',
			name: 'publishId',
			type: 'string',
			required: true,
			default: '',
			description: 'The publish_id returned by Publication → Submit',
			displayOptions: show('publication', 'getStatus'),
		},
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: false,
			description: 'Whether to keep asking until the task has finished (status other than "publishing") or Max Wait runs out',
			displayOptions: show('publication', 'getStatus'),
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 300 },
			default: 10,
			description: 'Time between two status requests; each one counts against the daily API quota',
			displayOptions: show('publication', 'getStatus', { waitForCompletion: [true] }),
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3600 },
			default: 300,
			description: 'Stop waiting after this long and output the task as still publishing (completed: false)',
			displayOptions: show('publication', 'getStatus', { waitForCompletion: [true] }),
		},
		{
			displayName: 'On Publish Failure',
			name: 'onFailure',
			type: 'options',
			options: [
				{ name: 'Output the Status', value: 'output', description: 'Output an item with failed: true and the reason' },
				{ name: 'Stop With an Error', value: 'error', description: 'Fail the item (honours "Continue On Fail")' },
			],
			default: 'error',
			description: 'What to do when WeChat reports the publish failed (status 2, 3 or 4)',
			displayOptions: show('publication', 'getStatus'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const publishId = String(this.getNodeParameter('publishId', i) ?? '').trim();
		if (!publishId) throw new NodeOperationError(this.getNode(), 'Field "Publish ID" is empty', { itemIndex: i });
		const wait = this.getNodeParameter('waitForCompletion', i, false) as boolean;
		const intervalMs = Math.max(1, Number(this.getNodeParameter('pollIntervalSeconds', i, 10))) * 1000;
		const maxWaitMs = Math.max(1, Number(this.getNodeParameter('maxWaitSeconds', i, 300))) * 1000;
		const onFailure = this.getNodeParameter('onFailure', i, 'error') as string;

		const started = Date.now();
		let polls = 0;
		let reply: IDataObject;
		for (;;) {
			reply = await call({ method: 'POST', path: '/cgi-bin/freepublish/get', body: { publish_id: publishId }, idempotent: true });
			polls++;
			if (!wait || Number(reply.publish_status) !== 1) break;
			if (Date.now() - started + intervalMs > maxWaitMs) break;
			if (this.getExecutionCancelSignal?.()?.aborted) throw new NodeOperationError(this.getNode(), 'Execution cancelled', { itemIndex: i });
			await sleep(intervalMs);
		}

		const status = Number(reply.publish_status);
		const detail = (reply.article_detail ?? {}) as IDataObject;
		const articleUrls = ((detail.item ?? []) as IDataObject[]).map((item) => String(item.article_url ?? '')).filter(Boolean);
		const failIdx = (reply.fail_idx ?? []) as number[];
		const out: IDataObject = {
			publish_id: String(reply.publish_id ?? publishId),
			publish_status: status,
			status: PUBLISH_STATUS[status] ?? `unknown status ${status}`,
			completed: status !== 1,
			failed: FAILED.has(status),
			article_id: reply.article_id,
			article_url: articleUrls[0],
			article_urls: articleUrls,
			fail_idx: failIdx,
			polls,
		};
		if (FAILED.has(status) && onFailure === 'error') {
			throw new NodeOperationError(this.getNode(), `Publishing ${out.publish_id} failed (publish_status ${status}): ${PUBLISH_STATUS[status].replace(/^failed: /, '')}`, {
				itemIndex: i,
				description: `Failed articles (1-based): ${failIdx.join(', ') || 'all'}. The draft is back in the draft box; fix it (Draft → Update) and submit again, or check the message in the WeChat console.`,
			});
		}
		return out;
	},
};
