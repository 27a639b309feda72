import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayKey, formatDateTime, isValidTimeZone } from '../../../src/services/site-time.js';

describe('site time', () => {
  it('cuts days in the site zone, not in UTC', () => {
    const lateUtc = Date.UTC(2026, 10, 27, 17, 30); // 01:30 on the 28th in Shanghai
    assert.equal(dayKey(lateUtc, 'Asia/Shanghai'), '2026-11-28');
    assert.equal(dayKey(lateUtc, 'UTC'), '2026-11-27');
  });

  it('formats dates for meta lines', () => {
    assert.equal(formatDateTime(Date.UTC(2026, 0, 2, 3, 4), 'Asia/Shanghai'), '2026-01-02 11:04');
  });

  it('knows valid zones', () => {
    assert.equal(isValidTimeZone('Asia/Shanghai'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
  });
});
