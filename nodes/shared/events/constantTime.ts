import { timingSafeEqual } from 'crypto';

/** Compares a received signature with the expected one without leaking, through timing, how many characters match. */
export function signaturesEqual(received: string, expected: string): boolean {
	const a = Buffer.from(received.toLowerCase(), 'utf8');
	const b = Buffer.from(expected.toLowerCase(), 'utf8');
	// timingSafeEqual needs equal lengths; a length mismatch is a mismatch, and the length of a hex SHA-1 is public
	return a.length === b.length && timingSafeEqual(a, b);
}
