import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { paginationFields } from '../../../shared/node/pagination';
import { noContentField, offsetPages } from '../common';

export const list: OperationModule = {
	token: 'app',
	description: [...paginationFields('draft', 'list'), noContentField('draft', 'list')],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const noContent = this.getNodeParameter('noContent', i, false) as boolean;
		return offsetPages(this, i, call, '/cgi-bin/draft/batchget', { no_content: noContent ? 1 : 0 });
	},
};
