// Login and form sessions in SQLite (table sessions).
import type { Db } from './database.js';
import type { SessionRepository } from '../../repositories/session-repository.js';

export class SqliteSessionRepository implements SessionRepository {
  private readonly select;
  private readonly upsert;
  private readonly updateExpiry;
  private readonly remove;
  private readonly removeExpired;
  private readonly removeForUser;

  constructor(db: Db) {
    this.select = db.prepare<[string, number], { data: string }>('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?');
    this.upsert = db.prepare(
      `INSERT INTO sessions (sid, data, expires_at, user_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at, user_id = excluded.user_id`,
    );
    this.updateExpiry = db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?');
    this.remove = db.prepare('DELETE FROM sessions WHERE sid = ?');
    this.removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
    this.removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ? AND sid <> ?');
  }

  async find(sid: string, now: number): Promise<string | undefined> {
    return this.select.get(sid, now)?.data;
  }

  async save(sid: string, data: string, expiresAt: number, userId: number | null): Promise<void> {
    this.upsert.run(sid, data, expiresAt, userId);
  }

  async touch(sid: string, expiresAt: number): Promise<void> {
    this.updateExpiry.run(expiresAt, sid);
  }

  async destroy(sid: string): Promise<void> {
    this.remove.run(sid);
  }

  async deleteExpired(now: number): Promise<number> {
    return this.removeExpired.run(now).changes;
  }

  async deleteForUser(userId: number, exceptSid = ''): Promise<number> {
    return this.removeForUser.run(userId, exceptSid).changes;
  }
}
