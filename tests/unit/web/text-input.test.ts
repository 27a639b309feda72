// Text cleaning shared by every form: one line or several, controls and bidi marks removed,
// NFC, invisible edges trimmed, length counted in graphemes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanLine, cleanText, visibleLength } from '../../../src/web/forms/text-input.js';

describe('visibleLength', () => {
  it('counts what a reader sees as one character as one', () => {
    assert.equal(visibleLength(''), 0);
    assert.equal(visibleLength('法治新闻'), 4);
    assert.equal(visibleLength('abc'), 3);
    assert.equal(visibleLength('😀'), 1, 'an emoji outside the BMP (two UTF-16 units)');
    assert.equal(visibleLength('👨‍👩‍👧'), 1, 'a ZWJ family');
    assert.equal(visibleLength('🇨🇳'), 1, 'a flag (two regional indicators)');
    assert.equal(visibleLength('e\u0301'), 1, 'a letter with a combining accent');
    assert.equal(visibleLength('𠀀𠀁'), 2, 'CJK extension B');
  });
});

describe('cleanLine', () => {
  it('normalises to NFC', () => {
    assert.equal(cleanLine('e\u0301'), '\u00e9');
    assert.equal(cleanLine('\u212b'), '\u00c5', 'the angstrom sign becomes Å');
  });

  it('turns tabs, CR and LF into spaces, one each', () => {
    assert.equal(cleanLine('a\tb'), 'a b');
    assert.equal(cleanLine('a\r\nb'), 'a  b');
    assert.equal(cleanLine('a\nb\rc'), 'a b c');
  });

  it('removes C0 and C1 controls', () => {
    assert.equal(cleanLine('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg'), 'abcdefg');
    assert.equal(cleanLine('\u000b\u000cx'), 'x');
  });

  it('removes bidi marks, embeddings, overrides and isolates', () => {
    for (const mark of [
      '\u061c',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      assert.equal(cleanLine(`ab${mark}cd`), 'abcd', `U+${mark.codePointAt(0)!.toString(16).toUpperCase()}`);
    }
    assert.equal(cleanLine('user\u202Egnp.exe'), 'usergnp.exe');
  });

  it('trims whitespace, zero-width spaces and BOMs at the edges only', () => {
    assert.equal(cleanLine('  \u3000王丽\u00a0 '), '王丽', 'ASCII, ideographic and no-break spaces');
    assert.equal(cleanLine('\ufeff\u200b名字\u200b\ufeff'), '名字');
    assert.equal(cleanLine('王 丽'), '王 丽', 'inner spaces stay');
    assert.equal(cleanLine('a\u200bb'), 'a\u200bb', 'an inner zero-width space stays');
    assert.equal(cleanLine(' \t\r\n'), '');
  });

  it('keeps ordinary text, emoji and joiners as they are', () => {
    assert.equal(cleanLine('云泽读者 😀 👨‍👩‍👧 <b>&amp;</b>'), '云泽读者 😀 👨‍👩‍👧 <b>&amp;</b>');
  });
});

describe('cleanText', () => {
  it('keeps line breaks, as \\n', () => {
    assert.equal(cleanText('第一行\r\n第二行\r第三行\n第四行'), '第一行\n第二行\n第三行\n第四行');
  });

  it('keeps at most one empty line in a row', () => {
    assert.equal(cleanText('a\n\n\n\n\nb'), 'a\n\nb');
    assert.equal(cleanText('a\r\n\r\n\r\nb'), 'a\n\nb');
    assert.equal(cleanText('a\n\nb'), 'a\n\nb');
  });

  it('turns tabs into spaces and removes controls and bidi marks', () => {
    assert.equal(cleanText('a\tb'), 'a b');
    assert.equal(cleanText('a\u0000\u0008b\u009b\u202ec\u2066d'), 'abcd');
  });

  it('normalises to NFC and trims the edges of the whole text', () => {
    assert.equal(cleanText('\ufeff\n  Cafe\u0301\n\u200b'), 'Caf\u00e9');
    assert.equal(cleanText('  一\n  二  '), '一\n  二', 'indentation inside stays');
  });
});
