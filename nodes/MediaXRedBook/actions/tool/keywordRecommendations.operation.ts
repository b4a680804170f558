import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { advertiserIdOf, jg, show, withYuan } from '../common';

const s = show('tool', 'keywordRecommendations');

/** One item per recommended keyword; recommended bids in fen and yuan. */
export const keywordRecommendations: OperationModule = {
	token: 'user',
	description: [
		{ displayName: 'Keyword', name: 'keyword', type: 'string', default: '', description: 'A seed word; industry hot words when empty', displayOptions: s },
		{
			displayName: 'Request Type',
			name: 'requestType',
			type: 'number',
			default: 0,
			description: 'JuGuang\'s request_type for the recommendation source; 0 leaves it out',
			displayOptions: s,
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const body: IDataObject = {};
		const keyword = String(this.getNodeParameter('keyword', i, '') ?? '').trim();
		const requestType = Number(this.getNodeParameter('requestType', i, 0));
		if (keyword) body.keyword = keyword;
		if (requestType) body.request_type = requestType;
		const data = await jg(call, advertiserId, '/keyword/common/recommend', body, true);
		const words = (data.word_list ?? data.keyword_list ?? data.list ?? []) as IDataObject[];
		return words.map((w) => withYuan(w, ['recommend_bid']));
	},
};
