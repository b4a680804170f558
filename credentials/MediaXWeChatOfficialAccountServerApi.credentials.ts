import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The official account's server configuration (服务器配置): the Token and EncodingAESKey WeChat uses to sign and
 * encrypt its pushes to the MediaX WeChat Official Account Trigger. Nothing here calls WeChat: the credential Test,
 * run by the trigger node (testedBy), checks the fields' shape, the only thing that can be checked without a push.
 */
export class MediaXWeChatOfficialAccountServerApi implements ICredentialType {
	name = 'mediaXWeChatOfficialAccountServerApi';

	displayName = 'MediaX WeChat Official Account Server API';

	icon = 'file:icons/wechat.svg' as const;

	documentationUrl = 'https://github.com/ArtisanCloud/n8n-nodes-mediax#mediax-wechat-official-account-trigger';

	properties: INodeProperties[] = [
		{
			displayName:
				'Copy these from the WeChat Official Accounts Platform under Settings and Development → Basic Configuration → Server Configuration (服务器配置), where you also paste the trigger\'s URL.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{ displayName: 'AppID', name: 'appId', type: 'string', default: '', required: true, placeholder: 'wx0123456789abcdef', hint: 'Safe mode checks that every decrypted message carries this AppID' },
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: '3 to 32 letters or digits, the same as in the server configuration',
		},
		{
			displayName: 'EncodingAESKey',
			name: 'encodingAesSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			hint: '43 characters; needed for the compatible and safe message modes, empty for plain mode',
		},
	];
}
