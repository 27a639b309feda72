// CaptchaRepository: one challenge per session and purpose; a new one replaces the old; take()
// removes and returns it, so only one attempt ever gets it; expired ones are cleared.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBackend } from './backends.js';
import { freshStorage, MINUTE, NOW } from './support.js';

forEachBackend('captcha repository', (open) => {
  const s = freshStorage(open);
  const take = (sessionId: string, purpose: string) => s.write((tx) => tx.captchas.take(sessionId, purpose));

  it('saves a challenge and gives it to the first take only', async () => {
    await s.write((tx) => tx.captchas.save('sid-1', 'comment', { answer: 'ABCD', expiresAt: NOW + MINUTE }));
    assert.deepEqual(await take('sid-1', 'comment'), { answer: 'ABCD', expiresAt: NOW + MINUTE });
    assert.equal(await take('sid-1', 'comment'), undefined, 'taken already');
  });

  it('keeps one challenge per session and purpose, a new one voiding the old', async () => {
    await s.write(async (tx) => {
      await tx.captchas.save('sid-1', 'comment', { answer: 'OLD1', expiresAt: NOW + MINUTE });
      await tx.captchas.save('sid-1', 'comment', { answer: 'NEW1', expiresAt: NOW + 2 * MINUTE });
      await tx.captchas.save('sid-1', 'submission', { answer: 'SUB1', expiresAt: NOW + MINUTE });
      await tx.captchas.save('sid-2', 'comment', { answer: 'TWO2', expiresAt: NOW + MINUTE });
    });
    assert.deepEqual(await take('sid-1', 'comment'), { answer: 'NEW1', expiresAt: NOW + 2 * MINUTE });
    assert.equal(await take('sid-1', 'comment'), undefined, 'the old one went with the replacement');
    assert.equal((await take('sid-1', 'submission'))?.answer, 'SUB1');
    assert.equal((await take('sid-2', 'comment'))?.answer, 'TWO2');
    assert.equal(await take('sid-3', 'comment'), undefined);
  });

  it('gives a challenge to exactly one of two concurrent attempts', async () => {
    await s.write((tx) => tx.captchas.save('sid-1', 'comment', { answer: 'ONCE', expiresAt: NOW + MINUTE }));
    const attempts = await Promise.all([take('sid-1', 'comment'), take('sid-1', 'comment')]);
    assert.deepEqual(
      attempts.map((a) => a?.answer),
      ['ONCE', undefined],
    );
  });

  it('deletes the challenges expired at the instant, counting them', async () => {
    await s.write(async (tx) => {
      await tx.captchas.save('a', 'comment', { answer: 'A', expiresAt: NOW - 1 });
      await tx.captchas.save('b', 'comment', { answer: 'B', expiresAt: NOW });
      await tx.captchas.save('c', 'comment', { answer: 'C', expiresAt: NOW + 1 });
    });
    assert.equal(await s.write((tx) => tx.captchas.deleteExpired(NOW)), 2, 'expiring at the instant is expired');
    assert.equal(await take('a', 'comment'), undefined);
    assert.equal(await take('b', 'comment'), undefined);
    assert.equal((await take('c', 'comment'))?.answer, 'C');
    assert.equal(await s.write((tx) => tx.captchas.deleteExpired(NOW)), 0);
  });
});
