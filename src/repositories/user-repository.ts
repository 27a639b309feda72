// Editor and admin accounts: the only place with their SQL.
import type { Db } from '../db/database.js';
import type { Role, User } from '../domain/types.js';

export interface UserRepository {
  findByUsername(username: string): Promise<User | undefined>;
  count(): Promise<number>;
  create(user: Omit<User, 'id'>, now: number): Promise<number>;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
}

export class SqliteUserRepository implements UserRepository {
  private readonly byUsername;
  private readonly countRows;
  private readonly insert;

  constructor(db: Db) {
    this.byUsername = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
    this.countRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
    this.insert = db.prepare(
      `INSERT INTO users (username, display_name, password_hash, role, created_at)
       VALUES (@username, @displayName, @passwordHash, @role, @now)`,
    );
  }

  async findByUsername(username: string): Promise<User | undefined> {
    const row = this.byUsername.get(username);
    return (
      row && {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        passwordHash: row.password_hash,
        role: row.role,
      }
    );
  }

  async count(): Promise<number> {
    return this.countRows.get()?.n ?? 0;
  }

  async create(user: Omit<User, 'id'>, now: number): Promise<number> {
    return Number(this.insert.run({ ...user, now }).lastInsertRowid);
  }
}
