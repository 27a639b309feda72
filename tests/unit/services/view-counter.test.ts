import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ViewBatch, ViewStatsRepository } from '../../../src/repositories/view-stats-repository.js';
import { ViewCounter } from '../../../src/services/view-counter.js';
import { makeClock } from '../../support/test-app.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const MINUTE = 60_000;

class RecordingRepository implements ViewStatsRepository {
  batches: ViewBatch[] = [];
  failNext = false;
  async applyBatch(batch: ViewBatch): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database is locked');
    }
    this.batches.push(batch);
  }
  async siteTraffic() {
    return { totalPageViews: 0, todayPageViews: 0 };
  }
  async pageViewsByDay() {
    return new Map<string, number>();
  }
}

function setup(options: { flushIntervalMs?: number; onFlushError?: (err: unknown) => void } = {}) {
  const clock = makeClock(Date.UTC(2026, 10, 20, 4, 0));
  const repository = new RecordingRepository();
  const counter = new ViewCounter({
    save: (batch) => repository.applyBatch(batch),
    clock,
    timeZone: () => 'Asia/Shanghai',
    onFlushError: options.onFlushError ?? ((err) => assert.fail(`unexpected flush error: ${String(err)}`)),
    flushIntervalMs: options.flushIntervalMs,
  });
  return { clock, repository, counter };
}

describe('view counter', () => {
  it('counts one read per reader per article per 30 minutes', () => {
    const { clock, counter } = setup();
    const reader = { ip: '203.0.113.5', userAgent: BROWSER };
    assert.equal(counter.recordArticleRead(1, reader), true);
    assert.equal(counter.recordArticleRead(1, reader), false);
    clock.advance(29 * MINUTE);
    assert.equal(counter.recordArticleRead(1, reader), false);
    assert.equal(counter.recordArticleRead(2, reader), true, 'another article counts');
    assert.equal(counter.recordArticleRead(1, { ...reader, ip: '203.0.113.6' }), true, 'another reader counts');
    clock.advance(2 * MINUTE);
    assert.equal(counter.recordArticleRead(1, reader), true, 'after 30 minutes it counts again');
    assert.equal(counter.pendingArticleReads(1), 3);
    assert.equal(counter.pendingArticleReads(2), 1);
  });

  it('remembers at most maxRememberedReads readers: the oldest is forgotten and counts again', () => {
    const clock = makeClock(Date.UTC(2026, 10, 20, 4, 0));
    const recording = new RecordingRepository();
    const counter = new ViewCounter({
      save: (batch) => recording.applyBatch(batch),
      clock,
      timeZone: () => 'Asia/Shanghai',
      onFlushError: () => undefined,
      maxRememberedReads: 2,
    });
    const reader = (n: number) => ({ ip: `203.0.113.${n}`, userAgent: BROWSER });
    assert.equal(counter.recordArticleRead(1, reader(1)), true);
    assert.equal(counter.recordArticleRead(1, reader(2)), true);
    assert.equal(counter.recordArticleRead(1, reader(2)), false, 'still remembered');
    assert.equal(counter.recordArticleRead(1, reader(3)), true);
    assert.equal(counter.recordArticleRead(1, reader(1)), true, 'the oldest was forgotten');
    assert.equal(counter.recordArticleRead(1, reader(3)), false, 'the newest is still remembered');
  });

  it('does not count crawlers or empty user agents', () => {
    const { counter } = setup();
    for (const userAgent of [
      'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
      'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/50.0.2661.102 Safari/537.36; 360Spider',
      'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
      '',
    ]) {
      assert.equal(counter.recordArticleRead(1, { ip: '198.51.100.1', userAgent }), false, userAgent);
      counter.recordPageView(userAgent);
    }
    assert.equal(counter.pendingArticleReads(1), 0);
    assert.deepEqual(counter.pendingPageViews(), { today: 0, total: 0 });
  });

  it('writes nothing until a flush, then one batch with daily buckets in the site zone', async () => {
    const { clock, counter, repository } = setup();
    clock.set(Date.UTC(2026, 10, 20, 15, 50)); // 23:50 in Shanghai
    counter.recordArticleRead(7, { ip: 'a', userAgent: BROWSER });
    counter.recordPageView(BROWSER);
    clock.advance(20 * MINUTE); // 00:10 the next day in Shanghai
    counter.recordArticleRead(7, { ip: 'b', userAgent: BROWSER });
    counter.recordPageView(BROWSER);
    counter.recordPageView(BROWSER);
    assert.equal(repository.batches.length, 0);
    assert.deepEqual(counter.pendingPageViews(), { today: 2, total: 3 });
    await counter.flush();
    assert.equal(repository.batches.length, 1);
    const batch = repository.batches[0]!;
    assert.deepEqual(
      [...batch.articleViews.entries()].map(([d, m]) => [d, [...m]]),
      [
        ['2026-11-20', [[7, 1]]],
        ['2026-11-21', [[7, 1]]],
      ],
    );
    assert.deepEqual(
      [...batch.pageViews],
      [
        ['2026-11-20', 1],
        ['2026-11-21', 2],
      ],
    );
    assert.equal(counter.pendingArticleReads(7), 0);
    await counter.flush();
    assert.equal(repository.batches.length, 1, 'an empty flush writes nothing');
  });

  it('keeps counts when a flush fails and writes them next time', async () => {
    const { counter, repository } = setup();
    counter.recordArticleRead(3, { ip: 'a', userAgent: BROWSER });
    repository.failNext = true;
    await assert.rejects(counter.flush(), /locked/);
    counter.recordArticleRead(3, { ip: 'b', userAgent: BROWSER });
    assert.equal(counter.pendingArticleReads(3), 2);
    await counter.flush();
    assert.equal(repository.batches.length, 1);
    assert.equal(repository.batches[0]!.articleViews.get('2026-11-20')?.get(3), 2);
  });

  it('reports a failed timed flush to onFlushError and keeps the counts', async () => {
    let reported!: (err: unknown) => void;
    const failure = new Promise<unknown>((resolve) => (reported = resolve));
    const { counter, repository } = setup({ flushIntervalMs: 5, onFlushError: (err) => reported(err) });
    counter.recordArticleRead(4, { ip: 'a', userAgent: BROWSER });
    repository.failNext = true;
    counter.start();
    // The flush timer does not keep a process alive (unref'd): without this the test runner may
    // find nothing left to wait for and cancel the test before the timer fires.
    const keepAlive = setInterval(() => undefined, 1000);
    const err = await failure.finally(() => clearInterval(keepAlive));
    assert.match(String(err), /locked/);
    await counter.stop();
    assert.equal(repository.batches.length, 1, 'the kept count is written on stop');
    assert.equal(repository.batches[0]!.articleViews.get('2026-11-20')?.get(4), 1);
  });

  it('flushes what is pending on stop', async () => {
    const { counter, repository } = setup();
    counter.start();
    counter.recordPageView(BROWSER);
    await counter.stop();
    assert.equal(repository.batches.length, 1);
  });
});
