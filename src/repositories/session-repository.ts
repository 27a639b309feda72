// Login and form sessions, stored in the portal's own database (table sessions).

export interface SessionRepository {
  /** the stored JSON of a session that has not expired */
  find(sid: string, now: number): Promise<string | undefined>;
  save(sid: string, data: string, expiresAt: number, userId: number | null): Promise<void>;
  touch(sid: string, expiresAt: number): Promise<void>;
  destroy(sid: string): Promise<void>;
  deleteExpired(now: number): Promise<number>;
  /** Ends every session of the user except the one given (the editor making the change). */
  deleteForUser(userId: number, exceptSid?: string): Promise<number>;
}
