// Editor and admin accounts in SQLite.
import type { Db } from './database.js';
import type { Role, User } from '../../domain/types.js';
import type { LoginState, UserSummary, UserChanges, UserRepository, UserRow } from '../../repositories/user-repository.js';
import { toUser, toUserSummary, type UserSummaryRow } from '../../repositories/user-repository.js';

export class SqliteUserRepository implements UserRepository {
  private readonly byUsername;
  private readonly byId;
  private readonly all;
  private readonly countRows;
  private readonly insert;
  private readonly updateProfile;
  private readonly updatePassword;
  private readonly remove;
  private readonly failed;
  private readonly succeeded;
  private readonly summaries;
  private readonly insertIfFree;
  private readonly admins;

  constructor(db: Db) {
    this.byUsername = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
    this.byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
    this.all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY id');
    this.countRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
    this.insert = db.prepare(
      `INSERT INTO users (username, display_name, password_hash, role, created_at)
       VALUES (@username, @displayName, @passwordHash, @role, @now)`,
    );
    this.updateProfile = db.prepare('UPDATE users SET display_name = ?, role = ? WHERE id = ?');
    this.updatePassword = db.prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?');
    this.remove = db.prepare('DELETE FROM users WHERE id = ?');
    this.failed = db.prepare(
      `UPDATE users SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= @lockAfter THEN @lockUntil ELSE locked_until END
       WHERE id = @id`,
    );
    this.succeeded = db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?');
    this.summaries = db.prepare<[], UserSummaryRow>(
      'SELECT id, username, display_name, role, created_at, locked_until FROM users ORDER BY id',
    );
    this.insertIfFree = db.prepare<
      { username: string; displayName: string; passwordHash: string; role: Role; now: number },
      { id: number }
    >(
      `INSERT INTO users (username, display_name, password_hash, role, created_at)
       VALUES (@username, @displayName, @passwordHash, @role, @now)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
    );
    this.admins = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'");
  }

  async findByUsername(username: string): Promise<(User & LoginState) | undefined> {
    const row = this.byUsername.get(username);
    return row && { ...toUser(row), failedLogins: row.failed_logins, lockedUntil: row.locked_until };
  }

  async findById(id: number): Promise<User | undefined> {
    const row = this.byId.get(id);
    return row && toUser(row);
  }

  async listAll(): Promise<User[]> {
    return this.all.all().map(toUser);
  }

  async count(): Promise<number> {
    return this.countRows.get()?.n ?? 0;
  }

  async create(user: Omit<User, 'id'>, now: number): Promise<number> {
    return Number(this.insert.run({ ...user, now }).lastInsertRowid);
  }

  async update(id: number, changes: UserChanges): Promise<boolean> {
    const updated = this.updateProfile.run(changes.displayName, changes.role, id).changes > 0;
    if (updated && changes.passwordHash) this.updatePassword.run(changes.passwordHash, id);
    return updated;
  }

  async setPassword(id: number, passwordHash: string): Promise<boolean> {
    return this.updatePassword.run(passwordHash, id).changes > 0;
  }

  async delete(id: number): Promise<boolean> {
    return this.remove.run(id).changes > 0;
  }

  async listSummaries(): Promise<UserSummary[]> {
    return this.summaries.all().map(toUserSummary);
  }

  async createIfUsernameFree(user: Omit<User, 'id'>, now: number): Promise<number | undefined> {
    return this.insertIfFree.get({ ...user, now })?.id;
  }

  async countAdmins(): Promise<number> {
    return this.admins.get()?.n ?? 0;
  }

  async recordFailedLogin(id: number, lockAfter: number, lockUntil: number): Promise<void> {
    this.failed.run({ id, lockAfter, lockUntil });
  }

  async recordSuccessfulLogin(id: number): Promise<void> {
    this.succeeded.run(id);
  }
}
