// An express-session store on the session repository, so sessions live in the portal's own
// database (never MemoryStore), whichever it is. Reads from the storage's read connection,
// writes each in a transaction of their own.
import session from 'express-session';
import type { Clock } from '../../services/clock.js';
import type { StorageAccess } from '../../services/storage-access.js';
import '../session-data.js';

const DEFAULT_TTL_MS = 24 * 60 * 60_000;

type Callback = (err?: unknown) => void;

export class RepositorySessionStore extends session.Store {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.storage.repositories.sessions
      .find(sid, this.clock())
      .then((data) => callback(null, data === undefined ? null : (JSON.parse(data) as session.SessionData)))
      .catch((err: unknown) => callback(err));
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.storage
      .transaction((tx) => tx.sessions.save(sid, JSON.stringify(data), this.expiresAt(data), data.userId ?? null))
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    this.storage
      .transaction((tx) => tx.sessions.touch(sid, this.expiresAt(data)))
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.storage
      .transaction((tx) => tx.sessions.destroy(sid))
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  /** Removes expired sessions; the server calls it now and then. */
  async prune(): Promise<number> {
    return this.storage.transaction((tx) => tx.sessions.deleteExpired(this.clock()));
  }

  private expiresAt(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    if (expires) return new Date(expires).getTime();
    return this.clock() + DEFAULT_TTL_MS;
  }
}
