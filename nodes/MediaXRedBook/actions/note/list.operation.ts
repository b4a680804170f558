import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { paginationFields } from '../../../shared/node/pagination';
import { advertiserIdOf, jg, numberedPages, show } from '../common';

/** the note list allows at most 100 per page */
const PAGE_SIZE = 100;

const s = show('note', 'list');

export const list: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Note Type',
			name: 'noteType',
			type: 'options',
			options: [
				{ name: 'Authorized Notes (授权笔记)', value: 11 },
				{ name: 'Collaboration Notes (合作笔记)', value: 2 },
				{ name: 'Employee Notes (员工笔记)', value: 6 },
				{ name: 'Material Notes (素材笔记)', value: 12 },
				{ name: 'My Notes (我的笔记)', value: 1 },
				{ name: 'Owner Notes (主理人笔记)', value: 4 },
			],
			default: 1,
			displayOptions: s,
		},
		{ displayName: 'Keyword', name: 'keyword', type: 'string', default: '', description: 'Only notes whose title or text contains this', displayOptions: s },
		{
			displayName: 'Content Type',
			name: 'noteContentType',
			type: 'options',
			options: [
				{ name: 'All', value: 0 },
				{ name: 'Image and Text (图文)', value: 1 },
				{ name: 'Video (视频)', value: 2 },
			],
			default: 0,
			displayOptions: s,
		},
		...paginationFields('note', 'list'),
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall) {
		const advertiserId = advertiserIdOf(this, i);
		const filter: IDataObject = { note_type: Number(this.getNodeParameter('noteType', i, 1)) };
		const keyword = String(this.getNodeParameter('keyword', i, '') ?? '').trim();
		const contentType = Number(this.getNodeParameter('noteContentType', i, 0));
		if (keyword) filter.keyword = keyword;
		if (contentType) filter.note_content_type = contentType;
		return numberedPages(this, i, PAGE_SIZE, async (page, size) => {
			const data = await jg(call, advertiserId, '/note/list', { ...filter, page, page_size: size }, true);
			return { rows: (data.notes ?? []) as IDataObject[], total: Number(data.total ?? data.total_count ?? 0) };
		});
	},
};
