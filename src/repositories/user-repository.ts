// Editor and admin accounts: the only place with their SQL.
import type { Db } from '../db/database.js';
import type { Role, User } from '../domain/types.js';

export interface LoginState {
  failedLogins: number;
  lockedUntil: number | null;
}

export interface UserRepository {
  findByUsername(username: string): Promise<(User & LoginState) | undefined>;
  findById(id: number): Promise<User | undefined>;
  listAll(): Promise<User[]>;
  count(): Promise<number>;
  create(user: Omit<User, 'id'>, now: number): Promise<number>;
  update(id: number, changes: { displayName: string; role: Role; passwordHash?: string }): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  /** Counts a failed login and locks the account once the count reaches lockAfter. */
  recordFailedLogin(id: number, lockAfter: number, lockUntil: number): Promise<void>;
  recordSuccessfulLogin(id: number): Promise<void>;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  failed_logins: number;
  locked_until: number | null;
}

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

  async update(id: number, changes: { displayName: string; role: Role; passwordHash?: string }): Promise<boolean> {
    const updated = this.updateProfile.run(changes.displayName, changes.role, id).changes > 0;
    if (updated && changes.passwordHash) this.updatePassword.run(changes.passwordHash, id);
    return updated;
  }

  async delete(id: number): Promise<boolean> {
    return this.remove.run(id).changes > 0;
  }

  async recordFailedLogin(id: number, lockAfter: number, lockUntil: number): Promise<void> {
    this.failed.run({ id, lockAfter, lockUntil });
  }

  async recordSuccessfulLogin(id: number): Promise<void> {
    this.succeeded.run(id);
  }
}

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name, passwordHash: row.password_hash, role: row.role };
}
