import { DeliveryCache, deliveryCacheFor } from '../../nodes/shared/events/deliveryCache';
import { isTimestampFresh } from '../../nodes/shared/events/replayWindow';

describe('DeliveryCache', () => {
	it('reports the first delivery of a key and drops repeats within the time to live', () => {
		const cache = new DeliveryCache(10, 1000);
		expect(cache.firstSeen('m1', 0)).toBe(true);
		expect(cache.firstSeen('m1', 500)).toBe(false);
		expect(cache.firstSeen('m2', 500)).toBe(true);
		expect(cache.firstSeen('m1', 1000)).toBe(true);
	});

	it('stays within its size bound, forgetting the oldest keys first', () => {
		const cache = new DeliveryCache(3, 60_000);
		for (const k of ['a', 'b', 'c', 'd']) cache.firstSeen(k, 1);
		expect(cache.size).toBe(3);
		expect(cache.has('a', 2)).toBe(false);
		expect(cache.has('d', 2)).toBe(true);
		expect(cache.firstSeen('b', 2)).toBe(false);
	});

	it('evicts expired keys as time passes', () => {
		const cache = new DeliveryCache(100, 10);
		for (let i = 0; i < 50; i++) cache.firstSeen(`k${i}`, i);
		cache.firstSeen('late', 100);
		expect(cache.size).toBe(1);
	});

	it('keeps one cache per scope', () => {
		expect(deliveryCacheFor('scope-a')).toBe(deliveryCacheFor('scope-a'));
		expect(deliveryCacheFor('scope-a')).not.toBe(deliveryCacheFor('scope-b'));
	});
});

describe('isTimestampFresh', () => {
	it('accepts timestamps within the tolerance and rejects older, newer, or malformed ones', () => {
		const now = 1_700_000_000_000;
		expect(isTimestampFresh('1700000000', now, 300)).toBe(true);
		expect(isTimestampFresh('1699999700', now, 300)).toBe(true);
		expect(isTimestampFresh('1699999699', now, 300)).toBe(false);
		expect(isTimestampFresh('1700000301', now, 300)).toBe(false);
		expect(isTimestampFresh('17e8', now, 300)).toBe(false);
		expect(isTimestampFresh(undefined, now, 300)).toBe(false);
		expect(isTimestampFresh('1', now, 0)).toBe(true);
	});
});
