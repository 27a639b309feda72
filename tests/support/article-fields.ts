// The fields of a plain published article, for fixtures in every suite (it imports no backend).
import type { NewArticle } from '../../src/domain/types.js';

/** A published article of the category, out since a minute before `now`; overrides win. */
export function articleFields(categoryId: number, now: number, overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    categoryId,
    title: '测试文章',
    author: '记者',
    source: '本网',
    summary: '摘要',
    bodyHtml: '<p>正文</p>',
    coverImage: null,
    isFeatured: false,
    status: 'published',
    publishedAt: now - 60_000,
    ...overrides,
  };
}
