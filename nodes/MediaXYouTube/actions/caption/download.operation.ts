import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { ApiResponse } from '../../../shared/engine/types';
import type { OperationModule, PlatformCall } from '../../../shared/node/operation';
import { show, YT } from '../common';

const MIME: Record<string, string> = { sbv: 'text/plain', scc: 'text/plain', srt: 'application/x-subrip', ttml: 'application/ttml+xml', vtt: 'text/vtt' };

export const download: OperationModule = {
	token: 'user',
	description: [
		{
			displayName: 'Caption ID',
			name: 'captionId',
			type: 'string',
			required: true,
			default: '',
			description: 'As returned by Caption → List',
			displayOptions: show('caption', 'download'),
		},
		{
			displayName: 'Format',
			name: 'tfmt',
			type: 'options',
			options: [
				{ name: 'Original Format', value: '' },
				{ name: 'SBV (YouTube)', value: 'sbv' },
				{ name: 'SCC', value: 'scc' },
				{ name: 'SRT (SubRip)', value: 'srt' },
				{ name: 'TTML', value: 'ttml' },
				{ name: 'VTT (WebVTT)', value: 'vtt' },
			],
			default: 'srt',
			displayOptions: show('caption', 'download'),
		},
		{
			displayName: 'Translate To',
			name: 'tlang',
			type: 'string',
			default: '',
			placeholder: 'de',
			description: 'Machine-translate the track into this language (ISO 639-1); empty keeps the original',
			displayOptions: show('caption', 'download'),
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the output binary field to put the caption file in',
			displayOptions: show('caption', 'download'),
		},
	],
	async execute(this: IExecuteFunctions, i: number, call: PlatformCall): Promise<INodeExecutionData[]> {
		const id = String(this.getNodeParameter('captionId', i)).trim();
		const tfmt = this.getNodeParameter('tfmt', i, 'srt') as string;
		const tlang = this.getNodeParameter('tlang', i, '') as string;
		const property = this.getNodeParameter('binaryPropertyName', i, 'data') as string;
		const response = await call<ApiResponse>({
			method: 'GET',
			path: `${YT}/captions/${encodeURIComponent(id)}`,
			qs: { ...(tfmt ? { tfmt } : {}), ...(tlang ? { tlang } : {}) },
			binaryResponse: true,
			idempotent: true,
		});
		const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from(typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
		const mimeType = String(response.headers?.['content-type'] ?? MIME[tfmt] ?? 'text/plain').split(';')[0].trim();
		const extension = tfmt || 'txt';
		const binary = await this.helpers.prepareBinaryData(data, `caption-${id}${tlang ? `.${tlang}` : ''}.${extension}`, mimeType);
		return [{ json: { captionId: id, format: tfmt || 'original', language: tlang || undefined, size: data.length }, binary: { [property]: binary } }];
	},
};
