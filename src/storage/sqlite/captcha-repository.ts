// Captcha challenges in SQLite: one per session and purpose, taken by the first attempt.
import type { Db } from './database.js';
import type { CaptchaChallenge, CaptchaRepository } from '../../repositories/captcha-repository.js';

export class SqliteCaptchaRepository implements CaptchaRepository {
  private readonly upsert;
  private readonly takeOne;
  private readonly removeExpired;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO captcha_challenges (session_id, purpose, answer, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, purpose) DO UPDATE SET answer = excluded.answer, expires_at = excluded.expires_at`,
    );
    this.takeOne = db.prepare<[string, string], { answer: string; expires_at: number }>(
      'DELETE FROM captcha_challenges WHERE session_id = ? AND purpose = ? RETURNING answer, expires_at',
    );
    this.removeExpired = db.prepare('DELETE FROM captcha_challenges WHERE expires_at <= ?');
  }

  async save(sessionId: string, purpose: string, challenge: CaptchaChallenge): Promise<void> {
    this.upsert.run(sessionId, purpose, challenge.answer, challenge.expiresAt);
  }

  async take(sessionId: string, purpose: string): Promise<CaptchaChallenge | undefined> {
    const row = this.takeOne.get(sessionId, purpose);
    return row && { answer: row.answer, expiresAt: row.expires_at };
  }

  async deleteExpired(now: number): Promise<number> {
    return this.removeExpired.run(now).changes;
  }
}
