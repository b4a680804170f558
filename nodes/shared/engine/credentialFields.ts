import type { INodeProperties } from 'n8n-workflow';

/**
 * The Environment switch every MediaX credential has: the platform's own hosts, or one custom base URL for a relay
 * with a fixed IP, a regional host, a proxy or the simulator.
 */
export function environmentFields(o: { production: string; custom: string; hint: string; placeholder?: string; baseUrlLabel?: string }): INodeProperties[] {
	return [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: o.production, value: 'production' },
				{ name: o.custom, value: 'custom' },
			],
			default: 'production',
		},
		{
			displayName: o.baseUrlLabel ?? 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			...(o.placeholder ? { placeholder: o.placeholder } : {}),
			hint: o.hint,
			displayOptions: { show: { environment: ['custom'] } },
		},
	];
}
