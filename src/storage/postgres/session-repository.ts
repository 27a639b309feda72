// Login and form sessions in PostgreSQL (table sessions).
import type { SessionRepository } from '../../repositories/session-repository.js';
import type { Sql } from './sql.js';

export class PostgresSessionRepository implements SessionRepository {
  constructor(private readonly sql: Sql) {}

  async find(sid: string, now: number): Promise<string | undefined> {
    return this.sql.value<string>('SELECT data FROM sessions WHERE sid = $1 AND expires_at > $2', [sid, now]);
  }

  async save(sid: string, data: string, expiresAt: number, userId: number | null): Promise<void> {
    // Written on every admin request: one upsert statement.
    await this.sql.run(
      `INSERT INTO sessions (sid, data, expires_at, user_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at, user_id = excluded.user_id`,
      [sid, data, expiresAt, userId],
    );
  }

  async touch(sid: string, expiresAt: number): Promise<void> {
    await this.sql.run('UPDATE sessions SET expires_at = $2 WHERE sid = $1', [sid, expiresAt]);
  }

  async destroy(sid: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE sid = $1', [sid]);
  }

  async deleteExpired(now: number): Promise<number> {
    return this.sql.run('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  }

  async deleteForUser(userId: number, exceptSid = ''): Promise<number> {
    return this.sql.run('DELETE FROM sessions WHERE user_id = $1 AND sid <> $2', [userId, exceptSid]);
  }
}
