// Captchas bound to a session and a purpose: text from crypto.randomInt without look-alike
// characters, drawn by svg-captcha and served as a PNG (rendered with sharp) so the answer
// cannot be read from markup or path data. An answer is consumed by the first attempt,
// right or wrong, and expires after a few minutes.
import { randomInt } from 'node:crypto';
import { loadSharp } from './load-sharp.js';
import svgCaptcha from 'svg-captcha';
import type { Clock } from './clock.js';
import type { StorageAccess } from './storage-access.js';

export const CAPTCHA_PURPOSES = ['comment', 'poll', 'submission', 'report', 'appeal'] as const;
export type CaptchaPurpose = (typeof CAPTCHA_PURPOSES)[number];

/** No 0/O/o, 1/I/i/l/L: nothing a reader could confuse. Compared in upper case. */
export const CAPTCHA_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CAPTCHA_TTL_MS = 5 * 60_000;
export const CAPTCHA_WIDTH = 150;
export const CAPTCHA_HEIGHT = 50;

export type CaptchaTextSource = () => string;

// The package's main export draws a given text, but its type declarations omit it.
type DrawCaptcha = (text: string, options: Parameters<typeof svgCaptcha.create>[0]) => string;
const drawCaptcha = svgCaptcha as unknown as DrawCaptcha;

export const randomCaptchaText: CaptchaTextSource = () => {
  const length = randomInt(4, 6); // 4 or 5 characters
  let text = '';
  for (let i = 0; i < length; i += 1) text += CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)];
  return text;
};

export type CaptchaVerdict = 'correct' | 'wrong' | 'missing' | 'expired';

export function isCaptchaPurpose(value: unknown): value is CaptchaPurpose {
  return typeof value === 'string' && (CAPTCHA_PURPOSES as readonly string[]).includes(value);
}

export class CaptchaService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
    private readonly textSource: CaptchaTextSource = randomCaptchaText,
  ) {}

  /** A new challenge for the session and purpose (voiding the previous one), as a PNG. */
  async issue(sessionId: string, purpose: CaptchaPurpose): Promise<Buffer> {
    const text = this.textSource();
    const challenge = { answer: text.toUpperCase(), expiresAt: this.clock() + CAPTCHA_TTL_MS };
    await this.storage.transaction((tx) => tx.captchas.save(sessionId, purpose, challenge));
    const svg = drawCaptcha(text, {
      width: CAPTCHA_WIDTH,
      height: CAPTCHA_HEIGHT,
      fontSize: 50,
      noise: 3,
      color: false, // dark grey glyphs: readable for people, whatever the palette
    });
    const sharp = await loadSharp();
    return sharp(Buffer.from(svg)).flatten({ background: '#f4f1ea' }).png({ compressionLevel: 6 }).toBuffer();
  }

  /** Consumes the session's challenge for the purpose and judges the answer. */
  async verify(sessionId: string, purpose: CaptchaPurpose, answer: string): Promise<CaptchaVerdict> {
    const challenge = await this.storage.transaction((tx) => tx.captchas.take(sessionId, purpose));
    if (!challenge) return 'missing';
    if (challenge.expiresAt <= this.clock()) return 'expired';
    return answer.trim().toUpperCase() === challenge.answer ? 'correct' : 'wrong';
  }

  async deleteExpired(): Promise<number> {
    return this.storage.transaction((tx) => tx.captchas.deleteExpired(this.clock()));
  }
}
