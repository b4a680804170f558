import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { authorizationStatus, type UserAuthorizationAdapter } from '../engine/authorizationStatus';
import type { OperationModule, ResourceOperations } from './operation';
import { show } from './fields';

/**
 * "Get Authorization Status" for a node's user-authorization credential: the account, expiry times, renewals left,
 * state and the steps to reconnect, read from the stored credential alone (it sends nothing to the platform).
 */
export function authorizationStatusOperation(adapter: UserAuthorizationAdapter, resource: string): OperationModule {
	const description: INodeProperties[] = [
		{
			displayName: 'Warn Days Before',
			name: 'warnDaysBefore',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 7,
			description: 'The state is "expiring" when a person must authorize again within this many days',
			displayOptions: show(resource, 'getAuthorizationStatus'),
		},
	];
	return {
		token: 'user',
		description,
		async execute(this: IExecuteFunctions, i: number) {
			const credentials = await this.getCredentials(adapter.credentialType, i);
			const credentialName = this.getNode().credentials?.[adapter.credentialType]?.name ?? '';
			return authorizationStatus(adapter, credentials, { credentialName, warnDays: Number(this.getNodeParameter('warnDaysBefore', i, 7)) });
		},
	};
}

/** An "Authorization" resource whose only operation is Get Authorization Status (Douyin, Bilibili, YouTube, Blogger). */
export function authorizationStatusResource(getAuthorizationStatus: OperationModule): { operations: ResourceOperations; description: INodeProperties[] } {
	return {
		operations: { getAuthorizationStatus },
		description: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['authorization'] } },
				options: [
					{ name: 'Get Authorization Status', value: 'getAuthorizationStatus', action: 'Get the authorization status', description: 'When the account must authorize again, renewals left and how to reconnect; reads the credential only' },
				],
				default: 'getAuthorizationStatus',
			},
			...getAuthorizationStatus.description,
		],
	};
}
