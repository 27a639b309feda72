// The comment rules of a licensed news site (issue 16): a fresh site reviews comments before they
// appear (先审后发) and says so; comments can be closed per article (the form replaced by a notice,
// the comments kept or hidden) and by default per category; the review queue shows the longest
// waiting first with how long each has waited. Every change shows on the next request.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { ArticleCommentPolicy, CommentPolicy } from '../../src/domain/types.js';
import type { AdminArticle } from '../../src/repositories/article-repository.js';
import { loggedIn } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { multipart } from '../support/multipart.js';
import { allComments } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const ANSWER = 'K7PX';
const MINUTE = 60_000;

describe('comment rules', () => {
  let t: TestApp;
  let articleId: number;
  let categoryId: number;

  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
    categoryId = newest!.categoryId;
  });
  after(() => t.close());
  beforeEach(async () => {
    t.clock.advance(60 * MINUTE); // out of the previous test's per-address windows
    await setArticlePolicy(articleId, 'category');
    await setCategoryPolicy(categoryId, 'open');
  });

  async function setArticlePolicy(id: number, commentPolicy: ArticleCommentPolicy) {
    await t.write(async (tx) => {
      const article = (await tx.articles.findById(id)) as AdminArticle;
      assert.ok(await tx.articles.update(id, article.version, { ...article, commentPolicy }, t.clock()));
    });
  }

  async function setCategoryPolicy(id: number, commentPolicy: CommentPolicy) {
    await t.write(async (tx) => {
      const category = (await tx.categories.findById(id))!;
      await tx.categories.update(id, { ...category, commentPolicy });
    });
  }

  /** A reader with a form token and a captcha, as after opening an article whose comments were open. */
  async function readyReader() {
    const reader = new ReaderSession(t);
    await reader.openCommentForm(articleId);
    await reader.captcha();
    return reader;
  }

  async function post(id: number, body: string, ready?: ReaderSession) {
    const reader = ready ?? (await readyReader());
    return {
      reader,
      response: await reader.post(`/article/${id}/comments`, { _csrf: reader.csrfToken, captcha: ANSWER, nickname: '读者', body }),
    };
  }

  const bodiesOf = async (id: number) => (await allComments(t.storage.repositories)).filter((c) => c.articleId === id).map((c) => c.body);

  it('a fresh site reviews comments before they appear, and tells the reader so', async () => {
    assert.equal((await t.storage.repositories.settings.getAll()).commentModeration, 'review', 'the demo seed stores review-first');
    const fresh = await makeTestApp({ demo: false });
    try {
      assert.equal(
        (await fresh.portal.chrome.get()).settings.commentModeration,
        'review',
        'with nothing stored, the default is review-first',
      );
    } finally {
      await fresh.close();
    }
    const form = await new ReaderSession(t).openCommentForm(articleId);
    assert.equal(textOf(form.$, '.form-note:not(.privacy-note)'), '本站评论经审核后显示。');

    const { reader, response } = await post(articleId, '一条等待审核的评论');
    assert.equal(response.status, 303);
    const frame = await reader.openCommentForm(articleId);
    assert.match(textOf(frame.$, '.notice'), /^评论已提交，审核通过后将显示。您的申诉码：[A-Z2-9-]{19}。/);
    const stored = (await allComments(t.storage.repositories)).find((c) => c.body === '一条等待审核的评论');
    assert.equal(stored?.status, 'pending');
    const page = await t.get(`/article/${articleId}`);
    assert.doesNotMatch(textOf(page.$, '#comments'), /一条等待审核的评论/);
  });

  it('closing comments on an article replaces the form with a notice, keeps the comments, and refuses posts with 403', async () => {
    await t.repos.comments.create(
      { articleId, nickname: '早到的读者', body: '关闭之前的评论', status: 'approved', ipHash: 'h' },
      t.clock(),
    );
    await t.get(`/article/${articleId}`); // cached before the switch
    const reader = await readyReader(); // opened the form before comments were closed
    await setArticlePolicy(articleId, 'closed');

    const page = await t.get(`/article/${articleId}`);
    assert.equal(page.$('iframe.comment-frame').length, 0, 'no comment form');
    assert.equal(textOf(page.$, '#comments .comments-closed'), '本文已关闭评论。');
    assert.match(textOf(page.$, '#comments'), /关闭之前的评论/, 'the comments stay');
    const all = await t.get(`/article/${articleId}/comments`);
    assert.match(textOf(all.$, '.comments'), /关闭之前的评论/);
    assert.equal(all.$('iframe.comment-frame').length, 0);

    const before = await bodiesOf(articleId);
    const { response } = await post(articleId, '关闭之后还想评论', reader);
    assert.equal(response.status, 403);
    assert.match(textOf(response.$, 'main'), /本文已关闭评论/);
    assert.deepEqual(await bodiesOf(articleId), before, 'nothing stored');
    const frame = await new ReaderSession(t).openCommentForm(articleId);
    assert.equal(frame.status, 403);
    assert.equal(frame.$('form.comment-form').length, 0);
    assert.equal(textOf(frame.$, '.comments-closed'), '本文已关闭评论。');
    assert.equal((await new ReaderSession(t).get(`/article/${articleId}/comments/new`)).status, 403);
  });

  it('the second switch hides the comments too, everywhere, without deleting them', async () => {
    await t.repos.comments.create({ articleId, nickname: '读者', body: '将被隐藏的评论', status: 'approved', ipHash: 'h' }, t.clock());
    await setArticlePolicy(articleId, 'hidden');
    const page = await t.get(`/article/${articleId}`);
    assert.doesNotMatch(page.text, /将被隐藏的评论/);
    assert.equal(textOf(page.$, '#comments .comments-closed'), '本文已关闭评论，评论不再显示。');
    assert.equal(page.$('.comment-count').length, 0);
    const all = await t.get(`/article/${articleId}/comments`);
    assert.doesNotMatch(all.text, /将被隐藏的评论/);
    assert.ok((await bodiesOf(articleId)).includes('将被隐藏的评论'), 'kept in the database');
    await setArticlePolicy(articleId, 'open');
    assert.match(textOf((await t.get(`/article/${articleId}`)).$, '#comments'), /将被隐藏的评论/, 'back when reopened');
  });

  it("a category's default applies to its articles that follow it; an article may override it", async () => {
    const [other] = (await t.portal.repositories.articles.listVisible({ categoryId, limit: 2 }, t.clock())).filter(
      (a) => a.id !== articleId,
    );
    await setArticlePolicy(other!.id, 'open');
    const reader = await readyReader();
    await setCategoryPolicy(categoryId, 'closed');
    assert.equal(textOf((await t.get(`/article/${articleId}`)).$, '#comments .comments-closed'), '本文已关闭评论。');
    assert.equal((await t.get(`/article/${other!.id}`)).$('iframe.comment-frame').length, 1, 'the override keeps it open');
    assert.equal((await post(articleId, '栏目关闭了评论', reader)).response.status, 403);
  });

  it('editors set the switches in the article and category forms', async () => {
    const editor = await loggedIn(t, 'chief');
    const edit = await editor.get(`/admin/articles/${articleId}/edit`);
    assert.equal(edit.$('input[name=commentPolicy]:checked').val(), 'category');
    const article = (await t.portal.repositories.articles.findById(articleId))!;
    const fields: Record<string, string> = {
      _csrf: editor.csrfToken,
      title: article.title,
      categoryId: String(article.categoryId),
      author: article.author,
      source: article.source,
      summary: article.summary,
      bodyHtml: article.bodyHtml,
      status: 'published',
      publishAt: '',
      version: String(article.version),
      commentPolicy: 'hidden',
    };
    const saved = await editor.postMultipart(`/admin/articles/${articleId}`, multipart(fields));
    assert.equal(saved.status, 303, textOf(saved.$, '.notice, .field-error'));
    assert.equal((await t.portal.repositories.articles.findById(articleId))!.commentPolicy, 'hidden');
    const bad = await editor.postMultipart(
      `/admin/articles/${articleId}`,
      multipart({ ...fields, version: String(article.version + 1), commentPolicy: 'sometimes' }),
    );
    assert.equal(bad.status, 422);
    assert.equal(textOf(bad.$, '#article-commentPolicy-error'), '请选择评论设置。');

    const category = (await t.portal.repositories.categories.findById(categoryId))!;
    const categoryForm = await editor.get(`/admin/categories/${categoryId}/edit`);
    assert.equal(categoryForm.$('input[name=commentPolicy]:checked').val(), 'open');
    const response = await editor.post(`/admin/categories/${categoryId}`, {
      _csrf: editor.csrfToken,
      name: category.name,
      slug: category.slug,
      description: category.description,
      sortOrder: String(category.sortOrder),
      commentPolicy: 'closed',
    });
    assert.equal(response.status, 303);
    assert.equal((await t.portal.repositories.categories.findById(categoryId))!.commentPolicy, 'closed');
  });

  it('the review queue lists the longest waiting first, with how long each has waited', async () => {
    const now = t.clock();
    await t.repos.comments.create({ articleId, nickname: '甲', body: '等了三小时', status: 'pending', ipHash: 'a' }, now - 180 * MINUTE);
    await t.repos.comments.create({ articleId, nickname: '乙', body: '等了五分钟', status: 'pending', ipHash: 'b' }, now - 5 * MINUTE);
    await t.repos.comments.create({ articleId, nickname: '丙', body: '等了两天', status: 'pending', ipHash: 'c' }, now - 2 * 1440 * MINUTE);
    const editor = await loggedIn(t, 'chief');
    const queue = await editor.get('/admin/comments?status=pending');
    const rows = queue
      .$('tbody tr')
      .map((_, row) => queue.$(row).text().replace(/\s+/g, ' '))
      .get()
      .filter((text) => /等了/.test(text));
    assert.deepEqual(
      rows.map((text) => /等了(两天|三小时|五分钟)/.exec(text)![1]),
      ['两天', '三小时', '五分钟'],
    );
    assert.match(rows[0]!, /已等待 2 天/);
    assert.match(rows[1]!, /已等待 3 小时/);
    assert.match(rows[2]!, /已等待 5 分钟/);
  });
});
