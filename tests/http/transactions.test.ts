// A slow transaction next to live traffic: while it is open, pages never show its writes (they
// are rendered from the read connection, which sees committed data only, so no such page is
// cached either), other writes wait their turn, and its rollback removes its own writes only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ReaderSession } from '../support/browser-session.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const ANSWER = 'K7PX';
const SECRET_TITLE = '尚未提交就会回滚的文章';
const SECRET_COMMENT = '尚未提交就会回滚的评论';

describe('transactions against live traffic', () => {
  let t: TestApp;
  let articleId: number;
  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER, commentModeration: 'auto' });
    articleId = (await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock()))[0]!.id;
  });
  after(() => t.close());

  it('pages never show an open transaction’s writes, other writes wait, and a rollback removes only its own', async () => {
    const categories = await t.portal.repositories.categories.listAll();
    const commentsBefore = await t.portal.repositories.comments.countApproved(articleId);
    const reader = new ReaderSession(t);
    await reader.openCommentForm(articleId);
    await reader.captcha();

    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = t.write(async (tx) => {
      await tx.articles.create(
        {
          categoryId: categories[0]!.id,
          title: SECRET_TITLE,
          author: '',
          source: '',
          summary: SECRET_TITLE,
          bodyHtml: `<p>${SECRET_TITLE}</p>`,
          coverImage: null,
          isFeatured: false,
          status: 'published',
          publishedAt: t.clock() - 60_000,
        },
        t.clock(),
      );
      await tx.comments.create({ articleId, nickname: '回滚', body: SECRET_COMMENT, status: 'approved', ipHash: '' }, t.clock());
      opened();
      await released; // other requests run meanwhile
      throw new Error('the editor’s action failed after its first writes');
    });
    slow.catch(() => undefined); // awaited below; a failed assertion meanwhile must not leave it open
    await isOpen;

    const paths = [
      '/',
      `/article/${articleId}`,
      `/article/${articleId}/comments`,
      `/category/${categories[0]!.slug}`,
      '/feed.xml',
      '/sitemap-news.xml',
    ];
    const uncommitted = new RegExp(`${SECRET_TITLE}|${SECRET_COMMENT}`);
    /** the search finds nothing of it (the page repeats the query itself) */
    const searchFindsIt = async () => (await t.get(`/search?q=${encodeURIComponent(SECRET_TITLE)}`)).$('.search-result').length > 0;
    let comment: Promise<unknown> | undefined;
    try {
      // Reads while it is open: committed data only, whether the page comes from the cache or not.
      for (const round of [1, 2]) {
        const pages = await Promise.all(paths.map((path) => t.get(path)));
        pages.forEach((page, i) => {
          assert.equal(page.status, 200, `${paths[i]} (round ${round})`);
          assert.doesNotMatch(page.text, uncommitted, `${paths[i]} shows nothing uncommitted (round ${round})`);
        });
        assert.equal(await searchFindsIt(), false, `the search (round ${round})`);
      }
      // A write meanwhile waits its turn in the queue: once the request has asked for its
      // transaction, that transaction does not begin and no answer comes while this one is open.
      let answered = false;
      const queued = t.nextAppTransaction();
      comment = reader
        .post(`/article/${articleId}/comments`, {
          _csrf: reader.csrfToken,
          nickname: '同时',
          body: '与回滚同时提交的评论',
          captcha: ANSWER,
        })
        .finally(() => (answered = true));
      const transaction = await queued;
      await new Promise((resolve) => setImmediate(resolve)); // what could run now has run
      assert.equal(transaction.waiting(), true, 'the request’s transaction waits for the open one');
      assert.equal(answered, false, 'the comment waits for the open transaction');
    } finally {
      release();
    }
    await assert.rejects(slow, /failed after its first writes/);
    const posted = (await comment) as { status: number; headers: Headers };
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.get('location'), `/article/${articleId}#comments`, 'and is not lost by the other’s rollback');

    assert.deepEqual(
      await t.portal.repositories.articles.listForAdmin({ titleContains: SECRET_TITLE }, 10, 0),
      [],
      'the rolled-back article is gone',
    );
    assert.equal(await t.portal.repositories.comments.countApproved(articleId), commentsBefore + 1, 'only the other comment stayed');
    for (const path of paths) assert.doesNotMatch((await t.get(path)).text, uncommitted, `${path} after the rollback`);
    assert.equal(await searchFindsIt(), false, 'the search after the rollback');
    assert.match((await t.get(`/article/${articleId}`)).text, /与回滚同时提交的评论/, 'the committed comment shows');
  });

  it('refuses a transaction started inside another (it would wait for itself)', async () => {
    await assert.rejects(
      t.write(async () => t.write(async () => 'inner')),
      /transactions do not nest/,
    );
    assert.equal(await t.write(async () => 'after'), 'after', 'the queue goes on');
  });

  it('the reading repositories refuse writes', async () => {
    await assert.rejects(t.portal.repositories.settings.setMany({ siteName: '不该写入' }), /readonly|read-only/i);
    assert.notEqual((await t.portal.repositories.settings.getAll()).siteName, '不该写入');
  });
});
