// 相关阅读's pure parts: the key terms of a headline, and how hits are weighed and ordered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hitsLimit, keyTerms, rankRelated, RELATED_MAX } from '../../../src/services/related-reading.js';
import { draw, fromStored, shareCodeFor, toStored } from '../../../src/services/share-code.js';

const hit = (id: number, categoryId = 1, publishedAt = id) => ({ id, categoryId, publishedAt });

describe('related reading', () => {
  it('key terms: bigrams and words of title (weighing more) and summary, boilerplate left out', () => {
    const terms = keyTerms('湿地保护 iPhone 记者调查', '湿地候鸟');
    const weights = Object.fromEntries(terms.map(({ term, weight }) => [term.text, weight]));
    assert.equal(weights['湿地'], 4, 'title 3 + summary 1');
    assert.equal(weights['iphone'], 3);
    assert.equal(weights['候鸟'], 1);
    assert.equal(weights['记者'], undefined, 'boilerplate is never a key term');
    assert.equal(weights['湿'], undefined, 'single characters say too little');
    assert.ok(terms.length <= 24);
  });

  it('an article sharing enough rare terms is related; one shared word, a too common term or itself is not', () => {
    const self = { id: 1, categoryId: 1 };
    const looked = [
      { weight: 3, hits: [hit(1), hit(2), hit(3)] }, // rare: 2 and 3
      { weight: 3, hits: [hit(1), hit(2)] }, // rare: 2 only
      { weight: 1, hits: [hit(1), hit(4)] }, // one shared term: 4 is not related
      { weight: 3, hits: Array.from({ length: 30 }, (_, i) => hit(i + 1)) }, // too common: dropped
    ];
    assert.deepEqual(rankRelated(self, looked, 100, 25), [2]);
    assert.equal(hitsLimit(12), 3);
    assert.equal(hitsLimit(100_000), 200);
  });

  it('orders the same category first, then the better match, then the newer; at most six', () => {
    const self = { id: 1, categoryId: 1 };
    const many = Array.from({ length: 10 }, (_, i) => hit(i + 2, i === 9 ? 1 : 2, 100 + i));
    const looked = [
      { weight: 3, hits: [hit(1), ...many] },
      { weight: 3, hits: [hit(1), ...many] },
    ];
    const ranked = rankRelated(self, looked, 1000, 200);
    assert.equal(ranked.length, RELATED_MAX);
    assert.deepEqual(ranked.slice(0, 3), [11, 10, 9], 'its own category first, then the newest among equals');
  });

  it('share codes: the QR modules as one path; the stored one is used only for its own address', () => {
    const url = 'https://shfz.example.cn/article/1';
    const code = draw(url);
    assert.match(code.path, /^(M\d+ \d+\.5h\d+(m\d+ 0h\d+)*)+$/);
    assert.ok(code.size >= 25, 'version 2 or more, with its quiet zone');
    assert.deepEqual(fromStored(toStored(code)), code, 'stored and read back');
    assert.deepEqual(shareCodeFor(url, { url, drawing: toStored(code) }), code, 'the stored drawing');
    const drawnNow = shareCodeFor(url, null);
    assert.deepEqual(drawnNow, code, 'none stored: drawn now');
    assert.equal(shareCodeFor(url, null), drawnNow, 'and kept');
    const moved = shareCodeFor('https://new.example.cn/article/1', { url, drawing: toStored(code) });
    assert.notEqual(moved.path, code.path, 'a code drawn for another domain is not used');
    for (const broken of [
      'broken',
      '29:/jH7/BBCUG6srLt1QMXbq3euwWO',
      `${code.size}:M2 2.5h7"/><script>`,
      `9:${code.path}`,
      `${code.size}:`,
    ]) {
      assert.equal(fromStored(broken), undefined, broken);
      assert.deepEqual(shareCodeFor(url, { url, drawing: broken }), code, 'a drawing that is not one is redrawn');
    }
  });
});
