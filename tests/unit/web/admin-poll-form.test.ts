// The poll form: datetime-local values read in the site's time zone (not the server's), and
// the option rules (2-10, no duplicates, voted options cannot be removed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseLocalInputValue as localDateTimeToInstant,
  toLocalInputValue as instantToLocalDateTime,
} from '../../../src/services/site-time.js';
import { pollState } from '../../../src/services/poll-rules.js';
import { parsePollForm } from '../../../src/web/forms/admin-poll-form.js';

describe('datetime-local in the site time zone', () => {
  it('reads wall-clock times in the given zone', () => {
    assert.equal(localDateTimeToInstant('2026-11-20T12:00', 'Asia/Shanghai'), Date.UTC(2026, 10, 20, 4, 0));
    assert.equal(localDateTimeToInstant('2026-01-01T00:00', 'Asia/Shanghai'), Date.UTC(2025, 11, 31, 16, 0));
    assert.equal(localDateTimeToInstant('2026-11-20T12:00', 'UTC'), Date.UTC(2026, 10, 20, 12, 0));
    assert.equal(localDateTimeToInstant('2026-07-01T12:00', 'Europe/Berlin'), Date.UTC(2026, 6, 1, 10, 0));
    assert.equal(localDateTimeToInstant('2026-01-01T12:00', 'Europe/Berlin'), Date.UTC(2026, 0, 1, 11, 0));
    assert.equal(localDateTimeToInstant('2026-11-20T12:00:30', 'Asia/Shanghai'), Date.UTC(2026, 10, 20, 4, 0, 30), 'seconds, if sent');
  });

  it('handles daylight-saving changes: a skipped time moves past the gap, a repeated one is the first', () => {
    // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT
    assert.equal(localDateTimeToInstant('2026-03-08T01:59', 'America/New_York'), Date.UTC(2026, 2, 8, 6, 59));
    assert.equal(localDateTimeToInstant('2026-03-08T02:30', 'America/New_York'), Date.UTC(2026, 2, 8, 7, 30)); // = 03:30 EDT
    assert.equal(localDateTimeToInstant('2026-03-08T03:00', 'America/New_York'), Date.UTC(2026, 2, 8, 7, 0));
    // 2026-11-01: 01:00-02:00 happens twice (EDT, then EST)
    assert.equal(localDateTimeToInstant('2026-11-01T01:30', 'America/New_York'), Date.UTC(2026, 10, 1, 5, 30));
    assert.equal(localDateTimeToInstant('2026-11-01T02:30', 'America/New_York'), Date.UTC(2026, 10, 1, 7, 30));
  });

  it('writes instants back as datetime-local values of the zone (round trip)', () => {
    const instant = Date.UTC(2026, 10, 27, 17, 45);
    assert.equal(instantToLocalDateTime(instant, 'Asia/Shanghai'), '2026-11-28T01:45');
    assert.equal(instantToLocalDateTime(instant, 'UTC'), '2026-11-27T17:45');
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']) {
      assert.equal(localDateTimeToInstant(instantToLocalDateTime(instant, zone), zone), instant, zone);
    }
  });

  it('refuses anything that is not a real date and time', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2026-11-20',
      '2026-11-20 12:00',
      '2026-02-30T10:00',
      '2026-13-01T00:00',
      '2026-00-10T00:00',
      '2026-11-20T24:00',
      '2026-11-20T12:60',
      '2026-11-20T12:00Z',
      '2026-11-20T12:00+08:00',
      '1969-12-31T23:00',
      ' 2026-11-20T12:00',
    ]) {
      assert.equal(localDateTimeToInstant(bad, 'Asia/Shanghai'), undefined, bad);
    }
    assert.equal(localDateTimeToInstant('2028-02-29T10:00', 'Asia/Shanghai'), Date.UTC(2028, 1, 29, 2, 0), 'a leap day is real');
  });
});

describe('poll form', () => {
  const base = { question: '您最关注哪类法治新闻？', choice: 'single', startsAt: '2026-11-20T08:00', endsAt: '' };

  it('parses a new poll: options one a line, blank lines ignored, times in the zone', () => {
    const { errors, poll } = parsePollForm({ ...base, endsAt: '2026-12-01T00:00', options: '民生\r\n\r\n  司法改革 \n' }, 'Asia/Shanghai');
    assert.deepEqual(errors, {});
    assert.deepEqual(poll, {
      question: base.question,
      isMultiple: false,
      startsAt: Date.UTC(2026, 10, 20, 0, 0),
      endsAt: Date.UTC(2026, 10, 30, 16, 0),
      options: [{ label: '民生' }, { label: '司法改革' }],
    });
  });

  it('reports each problem', () => {
    const { errors, poll } = parsePollForm(
      { question: '问', choice: 'both', startsAt: '2026-11-20T08:00', endsAt: '2026-11-20T07:00', options: '甲\n甲' },
      'Asia/Shanghai',
    );
    assert.equal(poll, undefined);
    assert.deepEqual(Object.keys(errors).sort(), ['choice', 'endsAt', 'options', 'question']);
    assert.match(errors.options!, /重复/);
    assert.match(parsePollForm({ ...base, options: '只有一个' }, 'UTC').errors.options!, /2-10/);
    assert.match(
      parsePollForm({ ...base, options: Array.from({ length: 11 }, (_, i) => `选项${i}`).join('\n') }, 'UTC').errors.options!,
      /2-10/,
    );
    assert.match(parsePollForm({ ...base, startsAt: '', options: '甲\n乙' }, 'UTC').errors.startsAt!, /开始时间/);
  });

  it('edits keep options by id, add new ones, and never drop one with votes', () => {
    const existing = [
      { id: 7, label: '赞成', votes: 12 },
      { id: 8, label: '反对', votes: 0 },
      { id: 9, label: '中立', votes: 3 },
    ];
    const edited = parsePollForm({ ...base, 'option-7': '支持', 'option-8': '', newOptions: '说不清' }, 'UTC', existing);
    assert.deepEqual(edited.errors, {});
    assert.deepEqual(
      edited.poll!.options,
      [{ id: 7, label: '支持' }, { id: 9, label: '中立' }, { label: '说不清' }],
      'absent option-9 is kept as is',
    );
    const removing = parsePollForm({ ...base, 'option-9': ' ' }, 'UTC', existing);
    assert.match(removing.errors.options!, /选项“中立”已有 3 票，不能删除/);
    assert.throws(() => parsePollForm({ ...base, 'option-99': '外来' }, 'UTC', existing), { status: 400 });
    assert.throws(() => parsePollForm({ ...base, question: ['甲', '乙'], options: '甲\n乙' }, 'UTC'), { status: 400 });
  });

  it('tells the state from the times', () => {
    assert.equal(pollState({ startsAt: 100, endsAt: null }, 99), 'upcoming');
    assert.equal(pollState({ startsAt: 100, endsAt: null }, 100), 'open');
    assert.equal(pollState({ startsAt: 100, endsAt: 200 }, 199), 'open');
    assert.equal(pollState({ startsAt: 100, endsAt: 200 }, 200), 'closed');
  });
});
