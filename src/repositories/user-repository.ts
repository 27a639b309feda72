// Editor and admin accounts: the only place with their SQL.
import type { Db } from '../db/database.js';
import type { Role, User } from '../domain/types.js';

export interface LoginState {
  failedLogins: number;
  lockedUntil: number | null;
}

/** What the account list shows: never the password hash. */
export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  createdAt: number;
  lockedUntil: number | null;
}

export interface UserChanges {
  displayName: string;
  role: Role;
  passwordHash?: string;
}

/** Changes that would leave the site without an admin are refused as 'last-admin'. */
export type GuardedOutcome = 'done' | 'not-found' | 'last-admin';

export interface UserRepository {
  findByUsername(username: string): Promise<(User & LoginState) | undefined>;
  findById(id: number): Promise<User | undefined>;
  listAll(): Promise<User[]>;
  count(): Promise<number>;
  create(user: Omit<User, 'id'>, now: number): Promise<number>;
  update(id: number, changes: UserChanges): Promise<boolean>;
  /** Sets a new password hash (and clears failed log-ins); false when there is no such user. */
  setPassword(id: number, passwordHash: string): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  listSummaries(): Promise<UserSummary[]>;
  /** Creates the account unless the user name is taken; the new id, or undefined when taken. */
  createIfUsernameFree(user: Omit<User, 'id'>, now: number): Promise<number | undefined>;
  /** Updates the account unless that would demote the last admin (checked in the same transaction). */
  updateKeepingAnAdmin(id: number, changes: UserChanges): Promise<GuardedOutcome>;
  /** Deletes the account unless it is the last admin (checked in the same transaction). */
  deleteKeepingAnAdmin(id: number): Promise<GuardedOutcome>;
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
  private readonly summaries;
  private readonly insertIfFree;
  private readonly countAdmins;
  private readonly updateGuarded;
  private readonly deleteGuarded;

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
    this.summaries = db.prepare<[], Omit<UserRow, 'password_hash' | 'failed_logins'> & { created_at: number }>(
      'SELECT id, username, display_name, role, created_at, locked_until FROM users ORDER BY id',
    );
    this.insertIfFree = db.prepare<{ username: string; displayName: string; passwordHash: string; role: Role; now: number }, { id: number }>(
      `INSERT INTO users (username, display_name, password_hash, role, created_at)
       VALUES (@username, @displayName, @passwordHash, @role, @now)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
    );
    this.countAdmins = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'");
    // Would the change remove the last admin? Asked and acted on in one IMMEDIATE transaction,
    // so two admins demoting each other at once cannot both succeed.
    const removesLastAdmin = (row: UserRow, newRole: Role | undefined) =>
      row.role === 'admin' && newRole !== 'admin' && (this.countAdmins.get()?.n ?? 0) <= 1;
    this.updateGuarded = db.transaction((id: number, changes: UserChanges): GuardedOutcome => {
      const row = this.byId.get(id);
      if (!row) return 'not-found';
      if (removesLastAdmin(row, changes.role)) return 'last-admin';
      this.updateProfile.run(changes.displayName, changes.role, id);
      if (changes.passwordHash) this.updatePassword.run(changes.passwordHash, id);
      return 'done';
    });
    this.deleteGuarded = db.transaction((id: number): GuardedOutcome => {
      const row = this.byId.get(id);
      if (!row) return 'not-found';
      if (removesLastAdmin(row, undefined)) return 'last-admin';
      this.remove.run(id);
      return 'done';
    });
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
    return this.summaries.all().map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      createdAt: row.created_at,
      lockedUntil: row.locked_until,
    }));
  }

  async createIfUsernameFree(user: Omit<User, 'id'>, now: number): Promise<number | undefined> {
    return this.insertIfFree.get({ ...user, now })?.id;
  }

  async updateKeepingAnAdmin(id: number, changes: UserChanges): Promise<GuardedOutcome> {
    return this.updateGuarded.immediate(id, changes);
  }

  async deleteKeepingAnAdmin(id: number): Promise<GuardedOutcome> {
    return this.deleteGuarded.immediate(id);
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
