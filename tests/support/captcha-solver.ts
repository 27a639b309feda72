// The attack the captcha must resist: svg-captcha draws each character as one filled <path>
// whose command sequence (M, Q, L, Z ...) is that glyph's outline, only jittered a little. So
// a solver that knows each glyph's command sequence reads any svg-captcha SVG completely.
import svgCaptcha from 'svg-captcha';
import { CAPTCHA_ALPHABET } from '../../src/services/captcha.js';

type Draw = (text: string, options?: Record<string, unknown>) => string;
const draw = svgCaptcha as unknown as Draw;

const GLYPH_PATH = /<path fill="[^"]+" d="([^"]+)"\s*\/>/g;

/** A glyph's outline signature: its path commands without coordinates. */
function signature(pathData: string): string {
  return pathData.replace(/[^A-Za-z]/g, '');
}

function firstX(pathData: string): number {
  return Number(/M\s*(-?[\d.]+)/.exec(pathData)?.[1] ?? 0);
}

let glyphs: Map<string, string> | undefined;

function learnGlyphs(): Map<string, string> {
  if (glyphs) return glyphs;
  glyphs = new Map();
  for (const char of CAPTCHA_ALPHABET) {
    const svg = draw(char, { noise: 0 });
    const [match] = svg.matchAll(GLYPH_PATH);
    if (match) glyphs.set(signature(match[1]!), char);
  }
  return glyphs;
}

/** Reads the text of an svg-captcha image from its markup ('' when it finds no glyph paths). */
export function solveSvgCaptcha(markup: string): string {
  const known = learnGlyphs();
  return [...markup.matchAll(GLYPH_PATH)]
    .map((match) => ({ x: firstX(match[1]!), char: known.get(signature(match[1]!)) ?? '?' }))
    .sort((a, b) => a.x - b.x)
    .map((glyph) => glyph.char)
    .join('');
}

export { draw as drawSvgCaptcha };
