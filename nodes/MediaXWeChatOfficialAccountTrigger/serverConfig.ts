import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { isEncodingAesKeyShape } from '../shared/events/wechatCrypto';

export interface WeChatServerConfig {
	appId: string;
	token: string;
	encodingAesKey: string;
}

/** WeChat's console rules for the server configuration (服务器配置): Token 3–32 letters or digits, EncodingAESKey 43 characters. */
export function serverConfigProblem(credentials: ICredentialDataDecryptedObject): string | undefined {
	const token = String(credentials.token ?? '');
	const key = String(credentials.encodingAesSecretKey ?? '');
	const appId = String(credentials.appId ?? '');
	if (!appId.trim()) return 'AppID is empty: copy it from Settings and Development → Basic Configuration';
	if (!/^[A-Za-z0-9]{3,32}$/.test(token)) return `Token must be 3 to 32 letters or digits (it has ${token.length} characters${/[^A-Za-z0-9]/.test(token) ? ', some of them not letters or digits' : ''})`;
	if (key !== '' && !isEncodingAesKeyShape(key)) return `EncodingAESKey must be 43 letters, digits, + or / (it has ${key.length} characters); leave it empty for plain mode`;
	return undefined;
}

export function serverConfigFrom(credentials: ICredentialDataDecryptedObject): WeChatServerConfig {
	return { appId: String(credentials.appId ?? '').trim(), token: String(credentials.token ?? ''), encodingAesKey: String(credentials.encodingAesSecretKey ?? '') };
}
