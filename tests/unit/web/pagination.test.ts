import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paginate } from '../../../src/web/pagination.js';

const pages = (p: ReturnType<typeof paginate>) => p.links.map((l) => (l === null ? '…' : l.page));

describe('paginate', () => {
  it('has one page for an empty list', () => {
    const p = paginate(1, 0, 20, '/category/law');
    assert.equal(p.totalPages, 1);
    assert.deepEqual(pages(p), [1]);
    assert.equal(p.previous, undefined);
    assert.equal(p.next, undefined);
  });

  it('links first, last and two on each side, with gaps', () => {
    const p = paginate(10, 500, 20, '/category/law');
    assert.equal(p.totalPages, 25);
    assert.deepEqual(pages(p), [1, '…', 8, 9, 10, 11, 12, '…', 25]);
    assert.equal(p.previous?.href, '/category/law?page=9');
    assert.equal(p.next?.href, '/category/law?page=11');
    assert.equal(p.links[0]?.href, '/category/law');
  });

  it('keeps the base query', () => {
    const p = paginate(1, 45, 20, '/article/3/comments?order=newest');
    assert.equal(p.next?.href, '/article/3/comments?order=newest&page=2');
  });

  it("gives the page's own address and the rows it shows", () => {
    assert.equal(paginate(1, 45, 20, '/search?q=法院').href, '/search?q=法院');
    const third = paginate(3, 45, 20, '/search?q=法院');
    assert.equal(third.href, '/search?q=法院&page=3');
    assert.deepEqual(third.slice, { limit: 20, offset: 40 });
  });
});
