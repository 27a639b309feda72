// Editor and admin accounts in PostgreSQL.
import type { User } from '../../domain/types.js';
import type { LoginState, UserSummary, UserChanges, UserRepository, UserRow } from '../../repositories/user-repository.js';
import { toUser, toUserSummary, type UserSummaryRow } from '../../repositories/user-repository.js';
import type { Sql } from './sql.js';

export class PostgresUserRepository implements UserRepository {
  constructor(private readonly sql: Sql) {}

  async findByUsername(username: string): Promise<(User & LoginState) | undefined> {
    const row = await this.sql.row<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    return row && { ...toUser(row), failedLogins: row.failed_logins, lockedUntil: row.locked_until };
  }

  async findById(id: number): Promise<User | undefined> {
    const row = await this.sql.row<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return row && toUser(row);
  }

  async listAll(): Promise<User[]> {
    return (await this.sql.rows<UserRow>('SELECT * FROM users ORDER BY id')).map(toUser);
  }

  async count(): Promise<number> {
    return (await this.sql.value<number>('SELECT COUNT(*) FROM users')) ?? 0;
  }

  async create(user: Omit<User, 'id'>, now: number): Promise<number> {
    // A taken user name is no domain error here (as in SQLite): the failed statement ends the transaction.
    const id = await this.sql.value<number>(
      `INSERT INTO users (username, display_name, password_hash, role, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [user.username, user.displayName, user.passwordHash, user.role, now],
    );
    return id!;
  }

  async update(id: number, changes: UserChanges): Promise<boolean> {
    // One statement; a new password (a non-empty hash, as in SQLite) also clears the failed log-ins and the lock.
    const updated = await this.sql.run(
      `UPDATE users SET display_name = $2, role = $3,
         password_hash = coalesce($4::text, password_hash),
         failed_logins = CASE WHEN $4::text IS NULL THEN failed_logins ELSE 0 END,
         locked_until = CASE WHEN $4::text IS NULL THEN locked_until ELSE NULL END
       WHERE id = $1`,
      [id, changes.displayName, changes.role, changes.passwordHash || null],
    );
    return updated > 0;
  }

  async setPassword(id: number, passwordHash: string): Promise<boolean> {
    const updated = await this.sql.run('UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE id = $1', [
      id,
      passwordHash,
    ]);
    return updated > 0;
  }

  async delete(id: number): Promise<boolean> {
    return (await this.sql.run('DELETE FROM users WHERE id = $1', [id])) > 0;
  }

  async listSummaries(): Promise<UserSummary[]> {
    const rows = await this.sql.rows<UserSummaryRow>(
      'SELECT id, username, display_name, role, created_at, locked_until FROM users ORDER BY id',
    );
    return rows.map(toUserSummary);
  }

  async createIfUsernameFree(user: Omit<User, 'id'>, now: number): Promise<number | undefined> {
    // DO NOTHING returns no row for a taken name, and leaves the transaction usable.
    return this.sql.value<number>(
      `INSERT INTO users (username, display_name, password_hash, role, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.username, user.displayName, user.passwordHash, user.role, now],
    );
  }

  async countAdmins(): Promise<number> {
    return (await this.sql.value<number>("SELECT COUNT(*) FROM users WHERE role = 'admin'")) ?? 0;
  }

  async recordFailedLogin(id: number, lockAfter: number, lockUntil: number): Promise<void> {
    // SET expressions see the row as it was, so failed_logins + 1 is the new count in both places.
    await this.sql.run(
      `UPDATE users SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::bigint ELSE locked_until END
       WHERE id = $1`,
      [id, lockAfter, lockUntil],
    );
  }

  async recordSuccessfulLogin(id: number): Promise<void> {
    await this.sql.run('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
  }
}
