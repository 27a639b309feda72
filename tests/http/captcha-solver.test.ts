// The captcha must not be readable from what the server sends: an outline-matching solver
// reads raw svg-captcha output completely, and must fail on what /captcha serves.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomCaptchaText } from '../../src/services/captcha.js';
import { ReaderSession } from '../support/browser-session.js';
import { drawSvgCaptcha, solveSvgCaptcha } from '../support/captcha-solver.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

describe('captcha against an outline-matching solver', () => {
  let t: TestApp;
  let lastText = '';
  before(async () => {
    t = await makeTestApp({
      captchaText: () => {
        lastText = randomCaptchaText();
        return lastText;
      },
    });
  });
  after(() => t.close());

  it('the solver is real: it reads raw svg-captcha SVGs with our options', () => {
    for (let i = 0; i < 30; i += 1) {
      const text = randomCaptchaText();
      const svg = drawSvgCaptcha(text, { width: 150, height: 50, fontSize: 50, noise: 3, color: false });
      assert.equal(solveSvgCaptcha(svg), text);
    }
  });

  it('reads nothing from the served captcha', async () => {
    const reader = new ReaderSession(t);
    for (let i = 0; i < 20; i += 1) {
      const response = await reader.captcha();
      const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
      assert.ok(lastText.length >= 4);
      assert.notEqual(solveSvgCaptcha(body), lastText);
      assert.ok(!body.includes(lastText), 'the answer is not in the response');
    }
  });

  it('draws 4-5 characters without look-alikes', () => {
    for (let i = 0; i < 500; i += 1) {
      const text = randomCaptchaText();
      assert.match(text, /^[A-HJKMNP-Z2-9]{4,5}$/);
    }
  });
});
