// Editor and admin accounts: the repository interface (the SQL is in src/storage/<backend>/).
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
  countAdmins(): Promise<number>;
  /** Counts a failed login and locks the account once the count reaches lockAfter. */
  recordFailedLogin(id: number, lockAfter: number, lockUntil: number): Promise<void>;
  recordSuccessfulLogin(id: number): Promise<void>;
}

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  failed_logins: number;
  locked_until: number | null;
}

export type UserSummaryRow = Omit<UserRow, 'password_hash' | 'failed_logins'> & { created_at: number };

export function toUserSummary(row: UserSummaryRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    createdAt: row.created_at,
    lockedUntil: row.locked_until,
  };
}

export function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name, passwordHash: row.password_hash, role: row.role };
}
