// The real server (src/run-server.ts, what src/server.ts runs) for tests in a child process.
// The only differences from production are passed through the app factory's injection
// points, read here from variables that only this test entry knows:
//   TEST_CAPTCHA_TEXT            every captcha shows this text (unset: random captchas)
//   TEST_VIEW_FLUSH_MS           how often counted views are written (default: the app's)
//   TEST_CAPTCHA_PER_MINUTE      captcha images one address may fetch per minute
//   TEST_EXIT_WITH_PARENT=1      exit when stdin closes, i.e. when the test process that
//                                started this one is gone (even if it was SIGKILLed)
import { runServer, type ServerOverrides } from '../../src/run-server.js';

function positiveInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return Number(raw);
}

const captchaText = process.env.TEST_CAPTCHA_TEXT;
const overrides: ServerOverrides = {
  captchaText: captchaText ? () => captchaText : undefined,
  viewFlushIntervalMs: positiveInteger('TEST_VIEW_FLUSH_MS'),
  captchaRequestsPerMinute: positiveInteger('TEST_CAPTCHA_PER_MINUTE'),
};

if (process.env.TEST_EXIT_WITH_PARENT === '1') {
  process.stdin.on('end', () => process.exit(1));
  process.stdin.on('error', () => process.exit(1));
  process.stdin.resume();
}

runServer(process.env, overrides);
