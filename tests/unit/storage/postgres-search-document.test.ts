// The PostgreSQL search document: the TypeScript tokens as a tsvector literal with positions
// and weights, the field gap that keeps phrases inside one field, and the "long" articles whose
// phrases are confirmed on plain text because tsvector positions run out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchTerms } from '../../../src/lib/search-tokens.js';
import { allTokensQuery, MAX_POSITION, phraseQuery, phraseTexts, searchDocument } from '../../../src/storage/postgres/search-document.js';

describe('PostgreSQL search document', () => {
  it('gives each token its positions and its field weight: title A, summary B, body C', () => {
    const { vector, plainText } = searchDocument({ title: '法院', summary: 'iPhone', body: '判决' });
    assert.equal(vector, "'法院':1A '法':2A '院':3A 'iphone':6B '判决':9C '判':10C '决':11C");
    assert.equal(plainText, null, 'a short article keeps no plain text');
  });

  it('leaves a gap between fields, so no phrase runs from one field into the next', () => {
    const { vector } = searchDocument({ title: '中国', summary: '人民', body: '' });
    const position = (token: string) => Number(new RegExp(`'${token}':(\\d+)`).exec(vector)?.[1]);
    assert.ok(position('人民') - position('国') > 1);
  });

  it('marks an article long when positions run out, keeping every token and the plain text', () => {
    const body = '公共服务'.repeat(MAX_POSITION / 4) + '。尾声';
    const { vector, plainText } = searchDocument({ title: '长', summary: '', body });
    assert.ok(plainText?.endsWith('。尾声'), 'the normalised text is kept');
    assert.match(vector, /'尾声'(?!:)/, 'a token past the last position is kept without a position');
    const serviceBigram = /'服务':([\d,A-D]+)/.exec(vector)![1]!.split(',');
    assert.equal(serviceBigram.length, 256, 'at most 256 positions per lexeme');
  });

  it('builds the phrase query, the all-tokens query and the phrases to confirm from the terms', () => {
    const terms = searchTerms('司法救助 法 iPhone');
    assert.equal(phraseQuery(terms), "('司法' <-> '法救' <-> '救助') & ('法') & ('iphone')");
    assert.equal(allTokensQuery(terms), "'司法' & '法救' & '救助' & '法' & 'iphone'");
    assert.deepEqual(phraseTexts(terms), ['司法救助']);
  });

  it('quotes what would be tsquery syntax as plain lexemes', () => {
    assert.equal(phraseQuery([{ kind: 'word', text: "a'b", tokens: ["a'b", '\\'] }]), "('a''b' <-> '\\\\')");
  });
});
