import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { formatLogLine, readableLog } from '../../src/readable-log.js';
import { ERROR_IN_LOG, SERVER_ERROR_IN_LOG } from '../support/server-process.js';

describe('readable log (development)', () => {
  it('writes one short line per request, and marks warnings and errors', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, readableLog({ write: (text: string) => lines.push(text) }));
    logger.info({ method: 'GET', path: '/article/3', status: 200, ms: 4.1, net: '127.0.0.0/24' }, 'request');
    logger.error({ method: 'POST', path: '/article/3/comments', status: 500, ms: 12, net: '127.0.0.0/24' }, 'request');
    logger.warn('disk almost full');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^\d{2}:\d{2}:\d{2} GET \/article\/3 200 4\.1 ms\n$/);
    assert.match(lines[1]!, /^\d{2}:\d{2}:\d{2} ERROR POST \/article\/3\/comments 500 12 ms\n$/);
    assert.match(lines[2]!, /^\d{2}:\d{2}:\d{2} WARN disk almost full\n$/);
    assert.doesNotMatch(lines.join(''), /127\.0\.0/, 'the network stays in the JSON log only');
    assert.match(lines[1]!, SERVER_ERROR_IN_LOG, 'the tests’ check for 5xx reads this format too');
    assert.doesNotMatch(lines[0]!, SERVER_ERROR_IN_LOG);
    assert.match(lines[1]!, ERROR_IN_LOG);
    assert.doesNotMatch(lines[0]! + lines[2]!, ERROR_IN_LOG);
  });

  it('shows the stack of a logged error under its line', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, readableLog({ write: (text: string) => lines.push(text) }));
    logger.error({ err: new Error('disk on fire'), method: 'GET', path: '/x' }, 'request failed');
    await new Promise((resolve) => setImmediate(resolve));
    assert.match(lines[0]!, /^\d{2}:\d{2}:\d{2} ERROR request failed\nError: disk on fire\n\s+at /);
    assert.match(lines[0]!, ERROR_IN_LOG);
  });

  it('passes anything that is not JSON through', () => {
    assert.equal(formatLogLine('plain text'), 'plain text');
  });
});
