import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyShowsCover } from '../../../src/services/cover-image.js';

describe('bodyShowsCover', () => {
  const base = '202612-0123456789abcdef01234567';
  it('an uploaded cover: the same stored base name in the body, in either size', () => {
    assert.equal(bodyShowsCover(`/uploads/${base}-cover.webp`, `<p><img src="/uploads/${base}.webp" alt=""></p>`), true);
    assert.equal(bodyShowsCover(`/uploads/${base}-cover.webp`, `<p><img src="/uploads/${base}-cover.webp"></p>`), true);
    assert.equal(bodyShowsCover(`/uploads/${base}-cover.webp`, '<p><img src="/uploads/202612-ffffffffffffffffffffffff.webp"></p>'), false);
    assert.equal(bodyShowsCover(`/uploads/${base}-cover.webp`, `<p>文字里提到 ${base} 不算</p>`), false);
  });
  it('any other cover: the same URL as an image in the body', () => {
    assert.equal(bodyShowsCover('/images/demo/cover-court.jpg', '<p><img src="/images/demo/cover-court.jpg"></p>'), true);
    assert.equal(bodyShowsCover('/images/demo/cover-court.jpg', '<p>没有图片</p>'), false);
  });
});
