// Tags as typed in the article form: separators, cleaning, merging, and the limits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTagNames } from '../../../src/web/forms/tag-names.js';

describe('tag names', () => {
  it('splits on commas, 、, ；and lines; trims; removes control characters; merges repeats in order', () => {
    assert.deepEqual(parseTagNames(' 湿地 ,候鸟、湿地；\n iPhone ,IPHONE，生态\u0007环境\u202e'), {
      names: ['湿地', '候鸟', 'iPhone', '生态环境'],
    });
    assert.deepEqual(parseTagNames('ＡＢＣ, abc'), { names: ['ABC'] }, 'full-width folded (NFKC), case merged');
    assert.deepEqual(parseTagNames('  ,、 '), { names: [] });
  });

  it('refuses a tag over 20 characters and more than 10 tags', () => {
    assert.deepEqual(parseTagNames('一二三四五六七八九十一二三四五六七八九十'), { names: ['一二三四五六七八九十一二三四五六七八九十'] });
    assert.deepEqual(parseTagNames('一二三四五六七八九十一二三四五六七八九十一'), {
      error: 'too-long',
      name: '一二三四五六七八九十一二三四五六七八九十一',
    });
    assert.deepEqual(parseTagNames('1,2,3,4,5,6,7,8,9,10'), { names: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] });
    assert.deepEqual(parseTagNames('1,2,3,4,5,6,7,8,9,10,11'), { error: 'too-many', count: 11 });
    assert.deepEqual(
      parseTagNames('1,1,1,2,3,4,5,6,7,8,9,10'),
      { names: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] },
      'after merging',
    );
  });
});
