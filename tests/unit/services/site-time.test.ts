import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayKey, formatDateTime, isValidTimeZone, parseLocalInputValue, toLocalInputValue } from '../../../src/services/site-time.js';

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

describe('datetime-local values in the site zone', () => {
  it('round-trips wall-clock times', () => {
    const instant = Date.UTC(2026, 10, 27, 1, 30); // 09:30 in Shanghai
    assert.equal(toLocalInputValue(instant, 'Asia/Shanghai'), '2026-11-27T09:30');
    assert.equal(parseLocalInputValue('2026-11-27T09:30', 'Asia/Shanghai'), instant);
    assert.equal(parseLocalInputValue('2026-07-01T12:00', 'Europe/Berlin'), Date.UTC(2026, 6, 1, 10, 0));
    assert.equal(parseLocalInputValue('2026-01-01T12:00', 'Europe/Berlin'), Date.UTC(2026, 0, 1, 11, 0));
  });

  it('refuses malformed values', () => {
    for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-11-27 09:30', '2026-11-27T24:00', '2026-11-27T09:60']) {
      assert.equal(parseLocalInputValue(bad, 'Asia/Shanghai'), undefined, bad);
    }
  });
});

describe('formatting by offset arithmetic', () => {
  it('agrees with Intl for every zone kind: DST, half and quarter hours, across changes', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Asia/Kolkata', 'UTC'];
    const start = Date.UTC(2026, 0, 1);
    for (const zone of zones) {
      const reference = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      // every 7 minutes 13 seconds through a year: crosses every change of these zones
      for (let instant = start; instant < start + 366 * 86_400_000; instant += 433_000 * 37) {
        const p = Object.fromEntries(reference.formatToParts(instant).map((part) => [part.type, part.value]));
        assert.equal(
          formatDateTime(instant, zone),
          `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`,
          `${zone} ${new Date(instant).toISOString()}`,
        );
      }
    }
  });

  it('agrees with Intl minute by minute around every change of a DST zone', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe']) {
      const reference = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      const expected = (instant: number) => {
        const p = Object.fromEntries(reference.formatToParts(instant).map((part) => [part.type, part.value]));
        return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
      };
      const utcHourOf = (instant: number) => Number(expected(instant).slice(11, 13));
      let changes = 0;
      for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
        // the local hour moves by other than 24 h over a UTC day only where the offset changes
        if (
          (utcHourOf(day + 86_400_000) - utcHourOf(day) + 24) % 24 === 0 &&
          expected(day).slice(14) === expected(day + 86_400_000).slice(14)
        )
          continue;
        changes += 1;
        for (let instant = day - 86_400_000; instant < day + 2 * 86_400_000; instant += 60_000) {
          assert.equal(formatDateTime(instant, zone), expected(instant), `${zone} ${new Date(instant).toISOString()}`);
        }
      }
      assert.equal(changes, 2, `${zone}: two changes a year`);
    }
  });
});
