import { isoFieldName, withIsoDates } from '../../nodes/shared/node/isoDates';

describe('withIsoDates', () => {
	it('adds <field>_iso next to documented epoch-second fields, at any depth, keeping the epoch value', () => {
		const out = withIsoDates({ list: [{ item_id: 'a', create_time: 1700000000 }], cursor: 1700000000 }, 'douyin');
		expect(out).toEqual({ list: [{ item_id: 'a', create_time: 1700000000, create_time_iso: '2023-11-14T22:13:20.000Z' }], cursor: 1700000000 });
	});
	it('reads the unit from the documentation, not from the size: RedBook create_time is milliseconds, WeChat seconds', () => {
		expect(withIsoDates({ create_time: 1700000000000 }, 'redbook').create_time_iso).toBe('2023-11-14T22:13:20.000Z');
		expect(withIsoDates({ create_time: 1700000000 }, 'wechat').create_time_iso).toBe('2023-11-14T22:13:20.000Z');
		// a small seconds value stays seconds (no magnitude guess)
		expect(withIsoDates({ subscribe_time: 86400 }, 'wechat').subscribe_time_iso).toBe('1970-01-02T00:00:00.000Z');
	});
	it('numeric strings convert; formatted strings, 0 ("not set") and other platforms stay as they are', () => {
		expect(withIsoDates({ ctime: '1700000000', ptime: 0 }, 'bilibili')).toEqual({ ctime: '1700000000', ctime_iso: '2023-11-14T22:13:20.000Z', ptime: 0 });
		expect(withIsoDates({ create_time: '2025-01-01 10:00:00' }, 'redbook')).toEqual({ create_time: '2025-01-01 10:00:00' });
		expect(withIsoDates({ create_time: 1700000000 }, 'google')).toEqual({ create_time: 1700000000 });
		expect(withIsoDates({ create_time: 1700000000 }, undefined)).toEqual({ create_time: 1700000000 });
	});
	it('never overwrites a field the platform already sent', () => {
		expect(withIsoDates({ update_time: 1700000000, update_time_iso: 'x' }, 'wechat').update_time_iso).toBe('x');
		expect(isoFieldName('follow_time')).toBe('follow_time_iso');
	});
});
