// Typed configuration from environment variables: pure, with working local defaults.
// Refuses configurations that would be unsafe in production.

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** DATABASE_URL=postgres://...: PostgreSQL instead of SQLite at databasePath */
  databaseUrl: string | undefined;
  /** UPLOADS_DIR: where uploaded images are kept (a shared folder when several machines serve) */
  uploadsDir: string | undefined;
  /** undefined when not given: server.ts then keeps a generated one in the data folder (not in production) */
  sessionSecret: string | undefined;
  /** initial admin password on first start; undefined -> a random one is printed once */
  adminPassword: string | undefined;
  nodeEnv: string;
  isProduction: boolean;
  /** pino level of the request log: info (default), warn, error, silent ... */
  logLevel: string;
  /** Express's `trust proxy` value: false (default), a hop count, or a list of names/addresses */
  trustProxy: boolean | number | string;
  /** the full-page cache for anonymous reader pages (PAGE_CACHE=off turns it off) */
  pageCache: PageCacheConfig;
  /** worker processes sharing the port and the database (WORKERS, default 1: no cluster) */
  workers: number;
}

export interface PageCacheConfig {
  enabled: boolean;
  /** PAGE_CACHE_MB: compressed bytes kept at most */
  maxBytes: number;
  /** PAGE_CACHE_MAX_AGE: seconds a page is served before it is rendered again (counters on it age) */
  maxAgeMs: number;
}

export class ConfigError extends Error {}

const MIN_SECRET_LENGTH = 32;

export function loadConfig(env: Record<string, string | undefined>): Config {
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const isProduction = nodeEnv === 'production';
  const port = parsePort(env.PORT);
  const sessionSecret = nonEmpty(env.SESSION_SECRET);
  if (sessionSecret !== undefined && sessionSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
  }
  if (isProduction && sessionSecret === undefined) {
    throw new ConfigError('SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters).');
  }
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
  if (databaseUrl !== undefined && sessionSecret === undefined) {
    throw new ConfigError(
      'SESSION_SECRET is required with DATABASE_URL (PostgreSQL): every app process must sign sessions alike (at least 32 random characters).',
    );
  }
  const adminPassword = nonEmpty(env.ADMIN_PASSWORD);
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 10 characters long.');
  }
  return {
    port,
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    databasePath: nonEmpty(env.DATABASE_PATH) ?? 'data/portal.db',
    databaseUrl,
    uploadsDir: nonEmpty(env.UPLOADS_DIR),
    sessionSecret,
    adminPassword,
    nodeEnv,
    isProduction,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    pageCache: {
      enabled: parseSwitch('PAGE_CACHE', env.PAGE_CACHE, true),
      maxBytes: parseWholeNumber('PAGE_CACHE_MB', env.PAGE_CACHE_MB, 96, 1, 256) * 1024 * 1024,
      maxAgeMs: parseWholeNumber('PAGE_CACHE_MAX_AGE', env.PAGE_CACHE_MAX_AGE, 60, 1, 3600) * 1000,
    },
    workers: parseWholeNumber('WORKERS', env.WORKERS, 1, 1, 64),
  };
}

function parseSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be on or off, got "${value}".`);
}

function parseWholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  if (!/^\d{1,5}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  }
  return Number(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new ConfigError(
      'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database); leave it unset for SQLite.',
    );
  }
  return value;
}

function parsePort(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return 3000;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(`PORT must be a number from 0 to 65535, got "${value}".`);
  }
  return Number(value);
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const value = nonEmpty(raw);
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // e.g. "loopback" or "10.0.0.1, uniquelocal": Express parses the list
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseLogLevel(raw: string | undefined): string {
  const value = nonEmpty(raw)?.toLowerCase() ?? 'info';
  if (!LOG_LEVELS.includes(value)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}".`);
  return value;
}
