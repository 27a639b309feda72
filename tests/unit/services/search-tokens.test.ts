import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToPlainText, indexTokens, normalizeForSearch, searchTerms } from '../../../src/lib/search-tokens.js';

describe('search tokens', () => {
  it('index CJK runs as overlapping bigrams followed by the single characters', () => {
    assert.equal(indexTokens('法院判决'), '法院 院判 判决 法 院 判 决');
    assert.equal(indexTokens('法'), '法');
    assert.equal(indexTokens('法院'), '法院 法 院');
  });

  it('cut runs at punctuation and spaces, so bigrams never span them', () => {
    assert.equal(indexTokens('法院，判决'), '法院 法 院 判决 判 决');
    assert.equal(indexTokens('法院 判决'), '法院 法 院 判决 判 决');
    assert.equal(indexTokens('“法”'), '法');
  });

  it('index Latin and digit runs as lower-cased words, NFKC first', () => {
    assert.equal(indexTokens('Hello, WORLD! 2024'), 'hello world 2024');
    assert.equal(indexTokens('ＡＢＣ１２３ ｄｅｆ'), 'abc123 def', 'full-width letters and digits');
    assert.equal(indexTokens('Café naïve'), 'café naïve', 'accents kept (composed by NFKC)');
    assert.equal(indexTokens('Cafe\u0301'), 'café', 'a combining accent is composed');
    assert.equal(indexTokens('e-mail C++ a_b 100%'), 'e mail c a b 100');
  });

  it('split mixed Chinese and Latin text into runs of each kind', () => {
    assert.equal(indexTokens('iPhone16手机维修'), 'iphone16 手机 机维 维修 手 机 维 修');
    assert.equal(indexTokens('2024年GDP增长'), '2024 年 gdp 增长 增 长');
  });

  it('treat Japanese kana, Korean and rare Han characters (outside the BMP) as CJK', () => {
    assert.equal(indexTokens('カード'), 'カー ード カ ー ド');
    assert.equal(indexTokens('법원'), '법원 법 원');
    assert.equal(indexTokens('𠮷野家'), '𠮷野 野家 𠮷 野 家');
  });

  it('map compatibility forms to the usual characters', () => {
    assert.equal(normalizeForSearch('㈱ＡＢ'), '(株)ab');
    assert.equal(indexTokens('⾦'), '金', 'a Kangxi radical is the ideograph');
    assert.equal(indexTokens('葛\u{e0100}城'), '葛城 葛 城', 'variation selectors are dropped');
  });

  it('turn a query into terms: one character, a phrase of bigrams, or a word', () => {
    assert.deepEqual(searchTerms('法'), [{ kind: 'cjk', text: '法', tokens: ['法'] }]);
    assert.deepEqual(searchTerms('法院'), [{ kind: 'cjk', text: '法院', tokens: ['法院'] }]);
    assert.deepEqual(searchTerms('劳动争'), [{ kind: 'cjk', text: '劳动争', tokens: ['劳动', '动争'] }]);
    assert.deepEqual(searchTerms('法院判决'), [{ kind: 'cjk', text: '法院判决', tokens: ['法院', '院判', '判决'] }]);
    assert.deepEqual(searchTerms('  iPhone手机 '), [
      { kind: 'word', text: 'iphone', tokens: ['iphone'] },
      { kind: 'cjk', text: '手机', tokens: ['手机'] },
    ]);
  });

  it('read FTS syntax, quotes and wildcards in a query as separators only', () => {
    for (const query of ['"法院"', '法院*', '(法院)', '^法院', '-法院', '法院:', "'法院'", '%法院%', '_法院_', '{法院}']) {
      assert.deepEqual(searchTerms(query), searchTerms('法院'), query);
    }
    assert.deepEqual(
      searchTerms('NEAR(法院 判决) OR title:x AND NOT y').map((t) => t.text),
      ['near', '法院', '判决', 'or', 'title', 'x', 'and', 'not', 'y'],
    );
    assert.deepEqual(searchTerms('"*%_:^-()'), []);
    assert.deepEqual(searchTerms(''), []);
    for (const term of searchTerms('a"b\'c*d')) assert.match(term.tokens.join(''), /^[\p{L}\p{N}]+$/u);
  });

  it('list a repeated term once', () => {
    assert.deepEqual(
      searchTerms('法院 法院 LAW law').map((t) => t.text),
      ['法院', 'law'],
    );
  });

  it('make the same tokens for a query as for the text it appears in', () => {
    const text = '某区法院判决：ＡＢＣ公司赔偿 iPhone 用户';
    const stored = new Set(indexTokens(text).split(' '));
    for (const query of ['法院判决', 'abc公司', 'IPHONE', '赔偿']) {
      for (const term of searchTerms(query)) for (const token of term.tokens) assert.ok(stored.has(token), `${query}: ${token}`);
    }
  });

  it('take the plain text of article HTML: tags out, entities decoded, blocks apart', () => {
    assert.equal(htmlToPlainText('<p>法院<strong>判决</strong>了</p><p>第二段</p>'), '法院判决了 第二段');
    assert.equal(htmlToPlainText('<h2>标题</h2>正文<br>换行'), '标题 正文 换行');
    assert.equal(
      htmlToPlainText('<p>&lt;b&gt;不是标签&lt;/b&gt; &amp; &quot;引号&quot; &#21776; &#x5510; &nbsp;x</p>'),
      '<b>不是标签</b> & "引号" 唐 唐 x',
    );
    assert.equal(htmlToPlainText('<a href="x" title="a > b">链接</a>文字'), '链接文字');
    assert.equal(htmlToPlainText('<p>a</p><!-- note --><script>var x = "<p>";</script><p>b</p>'), 'a b');
    assert.equal(htmlToPlainText('&unknown; &#0; &#xD800;'), '&unknown; \ufffd \ufffd');
    assert.equal(htmlToPlainText('1 < 2 and 3 > 2'), '1 < 2 and 3 > 2');
  });
});
