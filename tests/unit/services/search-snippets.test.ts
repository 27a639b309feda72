import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerpt, hasHit, highlight, type Segment } from '../../../src/services/search-snippets.js';
import { htmlToPlainText, searchTerms } from '../../../src/lib/search-tokens.js';

/** Segments as a string with hits in [brackets], for readable assertions. */
function show(segments: Segment[]): string {
  return segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');
}

describe('search snippets', () => {
  it('mark every occurrence of each term in the original text', () => {
    assert.equal(show(highlight('法院判决后，法院又发布了判决书', searchTerms('法院'))), '[法院]判决后，[法院]又发布了判决书');
    assert.equal(show(highlight('法院判决后，法院又发布了判决书', searchTerms('法院 判决'))), '[法院判决]后，[法院]又发布了[判决]书');
    assert.equal(show(highlight('法院判决', searchTerms('法'))), '[法]院判决');
  });

  it('mark nothing for characters that only appear apart', () => {
    const segments = highlight('法院今天开庭并当庭作出判决', searchTerms('法院判决'));
    assert.equal(hasHit(segments), false);
    assert.equal(show(segments), '法院今天开庭并当庭作出判决');
  });

  it('match words whole and without regard to case or width, keeping the original text', () => {
    assert.equal(show(highlight('Law and lawyers: LAW', searchTerms('law'))), '[Law] and lawyers: [LAW]');
    assert.equal(show(highlight('ＡＢＣ公司与abc', searchTerms('abc'))), '[ＡＢＣ]公司与[abc]');
    assert.equal(show(highlight('新款iPhone手机', searchTerms('iphone 手机'))), '新款[iPhone手机]', 'neighbouring hits are one mark');
    assert.equal(show(highlight('iphone16', searchTerms('iphone'))), 'iphone16', 'not part of a longer word');
  });

  it('keep characters outside the BMP and combining marks whole', () => {
    assert.equal(show(highlight('到𠮷野家吃饭', searchTerms('𠮷野'))), '到[𠮷野]家吃饭');
    assert.equal(show(highlight('un cafe\u0301 noir', searchTerms('café'))), 'un [cafe\u0301] noir');
    assert.equal(show(highlight('👍法院👍', searchTerms('法院'))), '👍[法院]👍');
  });

  it('return plain text segments that join back to the original, HTML and all', () => {
    const text = '<b>法院</b> & <script>alert(1)</script>';
    const segments = highlight(text, searchTerms('法院 script'));
    assert.equal(segments.map((s) => s.text).join(''), text);
    assert.deepEqual(
      segments.filter((s) => s.hit).map((s) => s.text),
      ['法院', 'script', 'script'],
    );
  });

  it('cut a window around the first hit with … at the cuts', () => {
    const text = `${'甲'.repeat(200)}法院判决${'乙'.repeat(200)}`;
    const segments = excerpt(text, searchTerms('法院判决'), 40);
    const shown = show(segments);
    assert.ok(shown.startsWith('…') && shown.endsWith('…'), shown);
    assert.match(shown, /\[法院判决\]/);
    assert.equal(Array.from(shown.replace(/[[\]…]/g, '')).length, 40);
  });

  it('start from the beginning when there is no hit, and keep short texts whole', () => {
    assert.equal(show(excerpt('短文本', searchTerms('法院'), 40)), '短文本');
    const long = excerpt('字'.repeat(100), searchTerms('法院'), 10);
    assert.equal(show(long), `${'字'.repeat(10)}…`);
    assert.equal(show(excerpt(`${'字'.repeat(20)}法院`, searchTerms('法院'), 10)), '…字字字字字字字字[法院]');
  });

  it('excerpts join Chinese paragraphs without a stray space, and keep spaces beside Latin words', () => {
    const body = htmlToPlainText(
      '<h2>不刷脸就进不了门</h2><p>去年，物业在公告中称“为提升安全管理水平”。</p><p>法院审理认为，Chrome 浏览器 也可以。</p>',
    );
    assert.equal(
      body,
      '不刷脸就进不了门 去年，物业在公告中称“为提升安全管理水平”。 法院审理认为，Chrome 浏览器 也可以。',
      'the index keeps paragraphs apart',
    );
    assert.equal(
      show(excerpt(body, searchTerms('法院'), 200)),
      '不刷脸就进不了门去年，物业在公告中称“为提升安全管理水平”。[法院]审理认为，Chrome 浏览器也可以。',
    );
  });
});
