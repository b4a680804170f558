import { createHash } from 'node:crypto';
import { douyinSignature, isDouyinSignatureValid } from '../../nodes/shared/events/douyinSignature';
import { aesKeyFromEncodingAesKey, decryptWeChatMessage, encryptWeChatMessage, WeChatCryptoError } from '../../nodes/shared/events/wechatCrypto';
import { isWeChatSignatureValid, wechatSignature } from '../../nodes/shared/events/wechatSignature';
import { signaturesEqual } from '../../nodes/shared/events/constantTime';

// WeChat's own sample (WXBizMsgCryptTest in the official encryption sample code, "消息加解密" download)
const SAMPLE = {
	encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
	token: 'pamtest',
	timestamp: '1409304348',
	nonce: 'xxxxxx',
	appId: 'wxb11529c136998cb6',
	random: 'aaaabbbbccccdddd',
	replyMsg: '我是中文abcd123',
	afterAesEncrypt: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
	replyMsg2:
		'<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>',
	afterAesEncrypt2:
		'jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb',
};

describe('Douyin webhook signature', () => {
	it('is hex SHA-1 of client_secret followed by the raw body (FIPS 180 vector: sha1("abc"))', () => {
		expect(douyinSignature('a', 'bc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
		expect(douyinSignature('a', Buffer.from('bc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
	});

	it('accepts the matching header in any hex case and rejects forged, missing, or other-body headers', () => {
		const body = '{"event":"verify_webhook","client_key":"abc","content":{"challenge":12345}}';
		const good = createHash('sha1').update(`s3cret${body}`).digest('hex');
		expect(isDouyinSignatureValid('s3cret', body, good)).toBe(true);
		expect(isDouyinSignatureValid('s3cret', body, good.toUpperCase())).toBe(true);
		expect(isDouyinSignatureValid('s3cret', body, undefined)).toBe(false);
		expect(isDouyinSignatureValid('s3cret', body, '')).toBe(false);
		expect(isDouyinSignatureValid('s3cret', `${body} `, good)).toBe(false);
		expect(isDouyinSignatureValid('other', body, good)).toBe(false);
		expect(isDouyinSignatureValid('', body, createHash('sha1').update(body).digest('hex'))).toBe(false);
		expect(isDouyinSignatureValid('s3cret', body, good.slice(0, 39))).toBe(false);
	});

	it('compares signatures of different lengths without throwing', () => {
		expect(signaturesEqual('abc', 'abcd')).toBe(false);
		expect(signaturesEqual('ABCD', 'abcd')).toBe(true);
	});
});

describe('WeChat signatures', () => {
	it('is SHA-1 of the sorted parts, whatever order they come in', () => {
		const expected = createHash('sha1').update(['1409304348', 'pamtest', 'xxxxxx'].join('')).digest('hex');
		expect(wechatSignature([SAMPLE.token, SAMPLE.timestamp, SAMPLE.nonce])).toBe(expected);
		expect(wechatSignature([SAMPLE.nonce, SAMPLE.token, SAMPLE.timestamp])).toBe(expected);
		expect(isWeChatSignatureValid([SAMPLE.token, SAMPLE.timestamp, SAMPLE.nonce], expected)).toBe(true);
		expect(isWeChatSignatureValid([SAMPLE.token, SAMPLE.timestamp, 'yyyyyy'], expected)).toBe(false);
		expect(isWeChatSignatureValid([SAMPLE.token, SAMPLE.timestamp, SAMPLE.nonce], undefined)).toBe(false);
	});
});

describe('WeChat message encryption', () => {
	const key = aesKeyFromEncodingAesKey(SAMPLE.encodingAesKey);

	it('derives a 32-byte key from the 43-character EncodingAESKey and rejects other shapes', () => {
		expect(key.length).toBe(32);
		expect(() => aesKeyFromEncodingAesKey(SAMPLE.encodingAesKey.slice(0, 42))).toThrow(WeChatCryptoError);
		expect(() => aesKeyFromEncodingAesKey(`${SAMPLE.encodingAesKey.slice(0, 42)}!`)).toThrow(WeChatCryptoError);
	});

	it('encrypts WeChat\'s sample messages to the sample ciphertexts', () => {
		const random = Buffer.from(SAMPLE.random, 'utf8');
		expect(encryptWeChatMessage(key, SAMPLE.replyMsg, SAMPLE.appId, random)).toBe(SAMPLE.afterAesEncrypt);
		expect(encryptWeChatMessage(key, SAMPLE.replyMsg2, SAMPLE.appId, random)).toBe(SAMPLE.afterAesEncrypt2);
	});

	it('decrypts the sample ciphertexts back to message and AppID', () => {
		expect(decryptWeChatMessage(key, SAMPLE.afterAesEncrypt)).toEqual({ message: SAMPLE.replyMsg, appId: SAMPLE.appId });
		expect(decryptWeChatMessage(key, SAMPLE.afterAesEncrypt2)).toEqual({ message: SAMPLE.replyMsg2, appId: SAMPLE.appId });
	});

	it('round-trips messages of every length around the 32-byte padding block', () => {
		for (let n = 0; n < 70; n++) {
			const message = 'x'.repeat(n);
			const encrypted = encryptWeChatMessage(key, message, 'wxapp');
			expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
			expect(decryptWeChatMessage(key, encrypted)).toEqual({ message, appId: 'wxapp' });
		}
	});

	it('rejects a ciphertext made with another key, a truncated one, and one that is not whole blocks', () => {
		const other = aesKeyFromEncodingAesKey('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg');
		expect(() => decryptWeChatMessage(other, SAMPLE.afterAesEncrypt2)).toThrow(WeChatCryptoError);
		expect(() => decryptWeChatMessage(key, Buffer.from(SAMPLE.afterAesEncrypt2, 'base64').subarray(0, 17).toString('base64'))).toThrow(WeChatCryptoError);
		expect(() => decryptWeChatMessage(key, '')).toThrow(WeChatCryptoError);
	});
});
