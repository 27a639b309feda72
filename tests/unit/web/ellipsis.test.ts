import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ellipsis } from '../../../src/web/middleware/site-locals.js';

describe('ellipsis', () => {
  it('keeps short text and cuts long text by characters', () => {
    assert.equal(ellipsis('法治要闻', 10), '法治要闻');
    assert.equal(ellipsis('一二三四五六七八九十', 5), '一二三四…');
  });

  it('never splits an emoji', () => {
    assert.equal(ellipsis('😀😀😀😀', 3), '😀😀…');
  });
});
