// RateLimitRepository: hits per key in a fixed window, counted by one statement (concurrent
// hits each get their own number); an ended window starts again; a hit can be taken back while
// its window runs; keys can be reset and ended windows removed.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBackend } from './backends.js';
import { freshStorage, MINUTE, NOW } from './support.js';

forEachBackend('rate limit repository', (open) => {
  const s = freshStorage(open);
  const hit = (key: string, now = NOW, windowMs = MINUTE) => s.write((tx) => tx.rateLimits.hit(key, windowMs, now));

  it('counts hits within a window, which keeps the end its first hit gave it', async () => {
    assert.deepEqual(await hit('login:203.0.113.9'), { hits: 1, resetAt: NOW + MINUTE });
    assert.deepEqual(await hit('login:203.0.113.9', NOW + 1000), { hits: 2, resetAt: NOW + MINUTE });
    assert.deepEqual(await hit('login:203.0.113.9', NOW + MINUTE - 1), { hits: 3, resetAt: NOW + MINUTE });
  });

  it('starts a new window at 1 once the old one has ended', async () => {
    await hit('staff:203.0.113.9');
    await hit('staff:203.0.113.9');
    assert.deepEqual(await hit('staff:203.0.113.9', NOW + MINUTE), { hits: 1, resetAt: NOW + 2 * MINUTE }, 'ended at the instant');
    assert.deepEqual(await hit('staff:203.0.113.9', NOW + MINUTE + 5, 10 * MINUTE), { hits: 2, resetAt: NOW + 2 * MINUTE });
    assert.deepEqual(await hit('staff:203.0.113.9', NOW + 5 * MINUTE, 10 * MINUTE), { hits: 1, resetAt: NOW + 15 * MINUTE });
  });

  it('takes a hit back while the window runs, never below zero, not after it ended', async () => {
    await hit('login:a');
    await hit('login:a');
    await s.write((tx) => tx.rateLimits.undo('login:a', NOW + 1));
    assert.equal((await hit('login:a', NOW + 2)).hits, 2);
    for (let i = 0; i < 3; i += 1) await s.write((tx) => tx.rateLimits.undo('login:a', NOW + 3));
    assert.deepEqual(await hit('login:a', NOW + 4), { hits: 1, resetAt: NOW + MINUTE }, 'not below zero, same window');
    await s.write((tx) => tx.rateLimits.undo('login:a', NOW + MINUTE));
    assert.deepEqual(await hit('login:a', NOW + MINUTE), { hits: 1, resetAt: NOW + 2 * MINUTE }, 'an ended window starts again at 1');
    await s.write((tx) => tx.rateLimits.undo('login:never-hit', NOW));
    assert.deepEqual(await hit('login:never-hit'), { hits: 1, resetAt: NOW + MINUTE }, 'undo makes no key');
  });

  it('resets a key: its next hit starts a new window', async () => {
    await hit('captcha:a');
    await hit('captcha:a');
    await hit('captcha:b');
    await s.write((tx) => tx.rateLimits.reset('captcha:a'));
    assert.deepEqual(await hit('captcha:a', NOW + 1000), { hits: 1, resetAt: NOW + 1000 + MINUTE });
    assert.equal((await hit('captcha:b', NOW + 1000)).hits, 2, 'other keys keep their hits');
    await s.write((tx) => tx.rateLimits.reset('captcha:unknown'));
  });

  it('deletes the keys whose window has ended at the instant, counting them', async () => {
    await hit('a', NOW - 2 * MINUTE); // ended at NOW - MINUTE
    await hit('b', NOW - MINUTE); // ends at NOW
    await hit('c', NOW - MINUTE + 1); // ends at NOW + 1
    assert.equal(await s.write((tx) => tx.rateLimits.deleteExpired(NOW)), 2, 'ending at the instant is ended');
    assert.equal((await hit('c', NOW)).hits, 2, 'the running window is kept');
    assert.equal(await s.write((tx) => tx.rateLimits.deleteExpired(NOW)), 0);
  });

  it('counts keys independently', async () => {
    await hit('login:203.0.113.9');
    await hit('login:203.0.113.9');
    assert.equal((await hit('staff:203.0.113.9')).hits, 1, 'another limiter, same address');
    assert.equal((await hit('login:198.51.100.7')).hits, 1, 'same limiter, another address');
    assert.equal((await hit('login:203.0.113.9')).hits, 3);
  });

  it('gives two concurrent hits on one key the numbers 1 and 2', async () => {
    const counts = await Promise.all([hit('captcha:203.0.113.9'), hit('captcha:203.0.113.9')]);
    assert.deepEqual(counts.map((count) => count.hits).sort(), [1, 2]);
    assert.deepEqual(
      counts.map((count) => count.resetAt),
      [NOW + MINUTE, NOW + MINUTE],
    );
  });
});
