import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/node/operation';
import { checkToken } from './checkToken.operation';
import { getAuthorizationStatus } from './getAuthorizationStatus.operation';
import { getAuthorizationUrl } from './getAuthorizationUrl.operation';
import { getUserInfo } from './getUserInfo.operation';

export const webAuthorizationOperations: ResourceOperations = { getAuthorizationUrl, getAuthorizationStatus, getUserInfo, checkToken };

export const webAuthorizationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webAuthorization'] } },
		options: [
			{ name: 'Check Token', value: 'checkToken', action: 'Check the web token of the person', description: 'Whether WeChat accepts the authorized person\'s token (user token)' },
			{ name: 'Get Authorization Status', value: 'getAuthorizationStatus', action: 'Get the authorization status', description: 'When the account must authorize again, renewals left and how to reconnect; reads the credential only' },
			{ name: 'Get Authorization URL', value: 'getAuthorizationUrl', action: 'Get the web authorization URL', description: 'The consent link for the MediaX WeChat OAuth2 credential; calls nothing' },
			{ name: 'Get User Info', value: 'getUserInfo', action: 'Get the profile of the authorized person', description: 'The openid, unionid, nickname and avatar of the person who authorized (user token)' },
		],
		default: 'getUserInfo',
	},
	...getUserInfo.description,
	...getAuthorizationStatus.description,
];
