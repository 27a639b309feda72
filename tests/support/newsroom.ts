// The newsroom's moves in HTTP tests: write an article through the editor form, take a review
// step with the version the reviewer sees, read the stored article and the state the editor shows.
import assert from 'node:assert/strict';
import type { ReaderSession } from './browser-session.js';
import { multipart } from './multipart.js';
import { textOf, type Page, type TestApp } from './test-app.js';

export function newsroomDesk(app: () => TestApp) {
  const article = async (id: number) => (await app().portal.repositories.articles.findById(id))!;

  const fields = (who: ReaderSession, categoryId: number, overrides: Record<string, string> = {}) => ({
    _csrf: who.csrfToken,
    title: `送审稿件 ${Math.random().toString(36).slice(2, 8)}`,
    categoryId: String(categoryId),
    author: '记者甲',
    source: '本网',
    summary: '摘要',
    bodyHtml: '<p>正文</p>',
    status: 'draft',
    publishAt: '',
    version: '0',
    ...overrides,
  });

  async function write(who: ReaderSession, categoryId: number, overrides: Record<string, string> = {}): Promise<number> {
    const response = await who.postMultipart('/admin/articles', multipart(fields(who, categoryId, overrides)));
    assert.equal(response.status, 303, textOf(response.$, '.notice, main'));
    return Number(/\/admin\/articles\/(\d+)\/edit/.exec(response.headers.get('location')!)![1]);
  }

  async function step(who: ReaderSession, id: number, name: string, extra: Record<string, string> = {}): Promise<Page> {
    await who.get(`/admin/articles/${id}/edit`); // a fresh token
    const version = String((await article(id)).version);
    return who.post(`/admin/articles/${id}/workflow`, { _csrf: who.csrfToken, step: name, version, ...extra });
  }

  const stateShown = async (who: ReaderSession, id: number) =>
    textOf((await who.get(`/admin/articles/${id}/edit`)).$, '.workflow-state-name');

  return { article, fields, write, step, stateShown };
}
