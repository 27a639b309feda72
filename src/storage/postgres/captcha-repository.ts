// Captcha challenges in PostgreSQL: one per session and purpose, taken by the first attempt.
import type { CaptchaChallenge, CaptchaRepository } from '../../repositories/captcha-repository.js';
import type { Sql } from './sql.js';

export class PostgresCaptchaRepository implements CaptchaRepository {
  constructor(private readonly sql: Sql) {}

  async save(sessionId: string, purpose: string, challenge: CaptchaChallenge): Promise<void> {
    await this.sql.run(
      `INSERT INTO captcha_challenges (session_id, purpose, answer, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, purpose) DO UPDATE SET answer = excluded.answer, expires_at = excluded.expires_at`,
      [sessionId, purpose, challenge.answer, challenge.expiresAt],
    );
  }

  async take(sessionId: string, purpose: string): Promise<CaptchaChallenge | undefined> {
    // One statement: of two concurrent attempts, the second finds the row gone (single use).
    const row = await this.sql.row<{ answer: string; expires_at: number }>(
      'DELETE FROM captcha_challenges WHERE session_id = $1 AND purpose = $2 RETURNING answer, expires_at',
      [sessionId, purpose],
    );
    return row && { answer: row.answer, expiresAt: row.expires_at };
  }

  async deleteExpired(now: number): Promise<number> {
    return this.sql.run('DELETE FROM captcha_challenges WHERE expires_at <= $1', [now]);
  }
}
