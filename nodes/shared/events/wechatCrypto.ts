import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';

/*
 * WeChat's message encryption (safe and compatible modes). Research events-and-publishing.md §2 and WeChat OA doc
 * "消息加解密说明 / 技术方案": AESKey = Base64_Decode(EncodingAESKey + "="), 32 bytes; AES-256-CBC with IV = the first
 * 16 bytes of the key; PKCS#7 padding to a multiple of 32 bytes; plaintext = 16 random bytes | 4-byte big-endian
 * length of the message | message | AppID; the ciphertext is Base64.
 */

const BLOCK = 32;

export class WeChatCryptoError extends Error {}

const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;

export function isEncodingAesKeyShape(value: string): boolean {
	return ENCODING_AES_KEY.test(value);
}

/** The 32-byte AES key from the 43-character EncodingAESKey. */
export function aesKeyFromEncodingAesKey(encodingAesKey: string): Buffer {
	if (!isEncodingAesKeyShape(encodingAesKey)) throw new WeChatCryptoError('EncodingAESKey must be 43 characters of letters, digits, + or /');
	const key = Buffer.from(`${encodingAesKey}=`, 'base64');
	if (key.length !== 32) throw new WeChatCryptoError('EncodingAESKey does not decode to 32 bytes');
	return key;
}

function pad(data: Buffer): Buffer {
	const n = BLOCK - (data.length % BLOCK);
	return Buffer.concat([data, Buffer.alloc(n, n)]);
}

function unpad(data: Buffer): Buffer {
	const n = data[data.length - 1];
	if (!n || n > BLOCK || n > data.length) throw new WeChatCryptoError('bad PKCS#7 padding');
	for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) throw new WeChatCryptoError('bad PKCS#7 padding');
	return data.subarray(0, data.length - n);
}

/** Encrypts a message for WeChat (a passive reply in safe mode); `random16` only for documented test vectors. */
export function encryptWeChatMessage(key: Buffer, message: string, appId: string, random16: Buffer = randomBytes(16)): string {
	if (random16.length !== 16) throw new WeChatCryptoError('the random prefix must be 16 bytes');
	const body = Buffer.from(message, 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(body.length, 0);
	const plain = pad(Buffer.concat([random16, length, body, Buffer.from(appId, 'utf8')]));
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** Decrypts an Encrypt value; returns the message and the AppID it carries (the caller decides whether that AppID is its own). */
export function decryptWeChatMessage(key: Buffer, encrypted: string): { message: string; appId: string } {
	const data = Buffer.from(encrypted, 'base64');
	if (data.length === 0 || data.length % 16 !== 0) throw new WeChatCryptoError('Encrypt is not a whole number of AES blocks');
	// autopadding off: a whole number of blocks always deciphers, and WeChat's 32-byte padding is checked by unpad
	const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	decipher.setAutoPadding(false);
	const plain = unpad(Buffer.concat([decipher.update(data), decipher.final()]));
	if (plain.length < 20) throw new WeChatCryptoError('decrypted message is too short');
	const length = plain.readUInt32BE(16);
	if (20 + length > plain.length) throw new WeChatCryptoError('decrypted message length is out of range (wrong EncodingAESKey?)');
	return { message: plain.subarray(20, 20 + length).toString('utf8'), appId: plain.subarray(20 + length).toString('utf8') };
}
