import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has working defaults for local use', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databasePath, 'data/portal.db');
    assert.equal(config.sessionSecret, undefined);
    assert.equal(config.adminPassword, undefined);
    assert.equal(config.isProduction, false);
    assert.equal(config.trustProxy, false);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_PATH: '/srv/portal/site.db',
      SESSION_SECRET: 'x'.repeat(40),
      ADMIN_PASSWORD: 'correct horse battery',
      NODE_ENV: 'production',
      TRUST_PROXY: 'loopback',
      PAGE_CACHE: 'off',
      PAGE_CACHE_MB: '16',
      PAGE_CACHE_MAX_AGE: '30',
      WORKERS: '2',
    });
    assert.deepEqual(
      { ...config },
      {
        port: 8080,
        host: '0.0.0.0',
        databasePath: '/srv/portal/site.db',
        databaseUrl: undefined,
        uploadsDir: undefined,
        sessionSecret: 'x'.repeat(40),
        adminPassword: 'correct horse battery',
        nodeEnv: 'production',
        isProduction: true,
        trustProxy: 'loopback',
        logLevel: 'info',
        pageCache: { enabled: false, maxBytes: 16 * 1024 * 1024, maxAgeMs: 30_000 },
        workers: 2,
      },
    );
  });

  it('selects PostgreSQL with DATABASE_URL, which requires SESSION_SECRET, and refuses other URLs', () => {
    const secret = 'y'.repeat(40);
    assert.equal(
      loadConfig({ DATABASE_URL: 'postgres://portal:pw@db:5432/portal', SESSION_SECRET: secret }).databaseUrl,
      'postgres://portal:pw@db:5432/portal',
    );
    assert.equal(loadConfig({}).databaseUrl, undefined, 'SQLite by default');
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://portal:pw@db/portal' }), /SESSION_SECRET is required with DATABASE_URL/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://db/portal', SESSION_SECRET: secret }), /DATABASE_URL must be a PostgreSQL URL/);
    assert.equal(loadConfig({ UPLOADS_DIR: '/srv/shared/uploads' }).uploadsDir, '/srv/shared/uploads');
  });

  it('has the page cache on by default, and refuses nonsense for its settings', () => {
    assert.deepEqual(loadConfig({}).pageCache, { enabled: true, maxBytes: 96 * 1024 * 1024, maxAgeMs: 60_000 });
    assert.equal(loadConfig({}).workers, 1);
    assert.throws(() => loadConfig({ PAGE_CACHE: 'maybe' }), /PAGE_CACHE must be on or off/);
    assert.throws(() => loadConfig({ PAGE_CACHE_MB: '0' }), /PAGE_CACHE_MB/);
    assert.throws(() => loadConfig({ PAGE_CACHE_MAX_AGE: '-5' }), /PAGE_CACHE_MAX_AGE/);
    assert.throws(() => loadConfig({ WORKERS: '1000' }), /WORKERS/);
  });

  it('parses TRUST_PROXY as Express expects it', () => {
    assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.1, loopback' }).trustProxy, '10.0.0.1, loopback');
  });

  it('refuses production without a session secret', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), ConfigError);
  });

  it('refuses short secrets and passwords, and bad ports', () => {
    assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /at least 32/);
    assert.throws(() => loadConfig({ ADMIN_PASSWORD: 'admin' }), /at least 10/);
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => loadConfig({ PORT: '70000' }), /PORT/);
    assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ PORT: '', SESSION_SECRET: '  ', DATABASE_PATH: '' });
    assert.equal(config.port, 3000);
    assert.equal(config.sessionSecret, undefined);
    assert.equal(config.databasePath, 'data/portal.db');
  });
});
