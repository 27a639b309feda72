// ArticleRepository (search is in search.test.ts): visibility by status, trash and publish
// time (scheduling needs no job); reader lists, counts and pins; the editors' list with its
// filters; optimistic versions on update; the trash; and what purging an article takes with it.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AdminArticleFilter } from '../../src/repositories/article-repository.js';
import type { Repositories } from '../../src/repositories/index.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, addUser, articleFields, freshStorage, HOUR, MINUTE, NOW } from './support.js';

/** Two categories and five articles: three visible, a draft and a scheduled one. */
async function seedArticles(tx: Repositories) {
  const law = await addCategory(tx, 'law', '法治要闻');
  const society = await addCategory(tx, 'society', '社会民生', 2);
  return {
    law,
    society,
    old: await addArticle(tx, law, { title: '旧文', publishedAt: NOW - 48 * HOUR, views: 50 }),
    recent: await addArticle(tx, law, { title: '新文', publishedAt: NOW - HOUR, views: 5 }),
    other: await addArticle(tx, society, {
      title: '民生',
      publishedAt: NOW - 2 * HOUR,
      views: 500,
      coverImage: '/images/x.jpg',
      isFeatured: true,
    }),
    draft: await addArticle(tx, law, { title: '草稿', status: 'draft', publishedAt: NOW - HOUR, views: 9999 }),
    scheduled: await addArticle(tx, law, { title: '定时', status: 'scheduled', publishedAt: NOW + HOUR, views: 9999 }),
  };
}

const titles = (list: { title: string }[]) => list.map((a) => a.title);

forEachBackend('article repository', (open) => {
  const s = freshStorage(open);

  it('stores every field of a new article and gives it version 1', async () => {
    const { id, law, staff } = await s.write(async (tx) => {
      const law = await addCategory(tx);
      const staff = await tx.staff.create(
        { name: '张记者', cardNumber: 'ALL-1', position: '记者', department: '法治部', status: 'active', photo: null },
        NOW,
      );
      const id = await tx.articles.create(
        articleFields(law, {
          title: '全部字段',
          author: '张记者',
          source: '新华社',
          summary: '摘要文字',
          bodyHtml: '<p>正文<strong>加粗</strong></p>',
          coverImage: '/uploads/c.jpg',
          isFeatured: true,
          publishedAt: NOW - HOUR,
          homePin: 'top',
          pinnedUntil: NOW + HOUR,
          hideCover: true,
          commentPolicy: 'hidden',
          authorStaffId: staff,
          views: 12,
        }),
        NOW,
      );
      return { id, law, staff };
    });
    assert.deepEqual(await s.read.articles.findById(id), {
      id,
      categoryId: law,
      title: '全部字段',
      author: '张记者',
      source: '新华社',
      summary: '摘要文字',
      bodyHtml: '<p>正文<strong>加粗</strong></p>',
      coverImage: '/uploads/c.jpg',
      isFeatured: true,
      status: 'published',
      publishedAt: NOW - HOUR,
      homePin: 'top',
      pinnedUntil: NOW + HOUR,
      hideCover: true,
      commentPolicy: 'hidden',
      responsibleEditor: '',
      correctedAt: null,
      reprint: null,
      authorStaffId: staff,
      views: 12,
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
      deletedAt: null,
      reviewStage: 0,
      createdBy: null,
      signedBy: null,
      retractedAt: null,
      retractionReason: '',
      retractionShowsTitle: true,
    });
    await s.write((tx) => tx.staff.delete(staff));
    assert.equal((await s.read.articles.findById(id))!.authorStaffId, null, 'a deleted staff record leaves a plain byline');
  });

  it('defaults to no pin, a shown cover and no views; a draft may have no publish time', async () => {
    const id = await s.write(async (tx) => addArticle(tx, await addCategory(tx), { status: 'draft', publishedAt: null }));
    const stored = (await s.read.articles.findById(id))!;
    assert.equal(stored.homePin, 'none');
    assert.equal(stored.pinnedUntil, null);
    assert.equal(stored.hideCover, false);
    assert.equal(stored.views, 0);
    assert.equal(stored.publishedAt, null);
  });

  it('finds visible articles only', async () => {
    const ids = await s.write(seedArticles);
    const { articles } = s.read;
    const found = await articles.findVisibleById(ids.recent, NOW);
    assert.equal(found?.title, '新文');
    assert.equal(found?.status, 'published');
    assert.equal(found?.author, '记者');
    assert.equal(await articles.findVisibleById(ids.draft, NOW), undefined);
    assert.equal(await articles.findVisibleById(ids.scheduled, NOW), undefined);
    assert.equal(await articles.findVisibleById(999_999, NOW), undefined);
  });

  it('shows a scheduled article from the instant of its publish time, with no job', async () => {
    const ids = await s.write(seedArticles);
    const { articles } = s.read;
    assert.equal(await articles.findVisibleById(ids.scheduled, NOW + HOUR - 1), undefined);
    assert.equal((await articles.findVisibleById(ids.scheduled, NOW + HOUR))?.title, '定时');
    assert.equal(await articles.countVisible(undefined, NOW + HOUR), 4);
  });

  it('goes by the publish time, not the status: a published article dated in the future is not yet visible', async () => {
    const id = await s.write(async (tx) => addArticle(tx, await addCategory(tx), { status: 'published', publishedAt: NOW + MINUTE }));
    assert.equal(await s.read.articles.findVisibleById(id, NOW), undefined);
    assert.equal((await s.read.articles.findVisibleById(id, NOW + MINUTE))?.id, id);
  });

  it('hides an article in the trash from every reader list and count', async () => {
    const ids = await s.write(seedArticles);
    await s.write((tx) => tx.articles.moveToTrash(ids.other, NOW));
    const { articles } = s.read;
    assert.equal(await articles.findVisibleById(ids.other, NOW), undefined);
    assert.deepEqual(titles(await articles.listVisible({ limit: 10 }, NOW)), ['新文', '旧文']);
    assert.equal(await articles.countVisible(undefined, NOW), 2);
    assert.equal(await articles.countVisible(ids.society, NOW), 0);
    assert.deepEqual(titles(await articles.listMostViewed(10, NOW)), ['旧文', '新文']);
    assert.deepEqual(await articles.listFeaturedWithCover(10, NOW), []);
  });

  it('lists newest first, per category, with paging and counts', async () => {
    const ids = await s.write(seedArticles);
    const { articles } = s.read;
    assert.deepEqual(titles(await articles.listVisible({ limit: 10 }, NOW)), ['新文', '民生', '旧文']);
    assert.deepEqual(titles(await articles.listVisible({ categoryId: ids.law, limit: 10 }, NOW)), ['新文', '旧文']);
    assert.deepEqual(titles(await articles.listVisible({ categoryId: ids.law, limit: 1, offset: 1 }, NOW)), ['旧文']);
    assert.deepEqual(titles(await articles.listVisible({ limit: 2 }, NOW)), ['新文', '民生']);
    assert.deepEqual(titles(await articles.listVisible({ limit: 2, offset: 2 }, NOW)), ['旧文']);
    assert.deepEqual(await articles.listVisible({ limit: 10, offset: 3 }, NOW), []);
    assert.equal(await articles.countVisible(undefined, NOW), 3);
    assert.equal(await articles.countVisible(ids.law, NOW), 2);
    assert.equal(await articles.countVisible(999_999, NOW), 0);
  });

  it('lists summaries with the fields lists show', async () => {
    const ids = await s.write(seedArticles);
    const [first] = await s.read.articles.listVisible({ categoryId: ids.society, limit: 1 }, NOW);
    assert.deepEqual(first, {
      id: ids.other,
      categoryId: ids.society,
      title: '民生',
      summary: '摘要',
      coverImage: '/images/x.jpg',
      publishedAt: NOW - 2 * HOUR,
      views: 500,
    });
  });

  it('breaks a tie in publish time by the later article first, so pages never overlap', async () => {
    const [a, b, c] = await s.write(async (tx) => {
      const law = await addCategory(tx);
      return [
        await addArticle(tx, law, { title: 'a' }),
        await addArticle(tx, law, { title: 'b' }),
        await addArticle(tx, law, { title: 'c' }),
      ];
    });
    const { articles } = s.read;
    assert.deepEqual(
      (await articles.listVisible({ limit: 10 }, NOW)).map((x) => x.id),
      [c, b, a],
    );
    const pages = [...(await articles.listVisible({ limit: 2 }, NOW)), ...(await articles.listVisible({ limit: 2, offset: 2 }, NOW))];
    assert.deepEqual(
      pages.map((x) => x.id),
      [c, b, a],
    );
  });

  it('pages deep into a long list as near the top: newest first, no article twice or missed', async () => {
    const { law, shown } = await s.write(async (tx) => {
      const law = await addCategory(tx);
      const other = await addCategory(tx, 'society', '社会民生', 2);
      // 130 articles in threes of one publish time, another category's article among them, a draft
      const shown: { id: number; categoryId: number; publishedAt: number }[] = [];
      for (let i = 0; i < 130; i++) {
        const publishedAt = NOW - Math.floor(i / 3) * MINUTE;
        shown.push({ id: await addArticle(tx, law, { title: `第${i}篇`, publishedAt }), categoryId: law, publishedAt });
      }
      shown.push({
        id: await addArticle(tx, other, { title: '别类', publishedAt: NOW - 10 * MINUTE }),
        categoryId: other,
        publishedAt: NOW - 10 * MINUTE,
      });
      await addArticle(tx, law, { title: '草稿', status: 'draft', publishedAt: NOW - HOUR });
      return { law, shown };
    });
    const newestFirst = (list: typeof shown) => [...list].sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id).map((a) => a.id);
    const pages = async (categoryId: number | undefined) => {
      const ids: number[] = [];
      for (let offset = 0; offset < 160; offset += 20) {
        ids.push(...(await s.read.articles.listVisible({ categoryId, limit: 20, offset }, NOW)).map((a) => a.id));
      }
      return ids;
    };
    assert.deepEqual(await pages(law), newestFirst(shown.filter((a) => a.categoryId === law)));
    assert.deepEqual(await pages(undefined), newestFirst(shown));
    assert.deepEqual(
      (await s.read.articles.listVisible({ limit: 3, offset: 120 }, NOW)).map((a) => a.id),
      newestFirst(shown).slice(120, 123),
    );
  });

  it('counts visible articles per category, leaving out categories without any', async () => {
    const ids = await s.write(async (tx) => {
      const ids = await seedArticles(tx);
      await addCategory(tx, 'empty', '空栏目');
      return ids;
    });
    const counts = await s.read.articles.countVisibleByCategory(NOW);
    assert.deepEqual(
      [...counts.entries()].sort((x, y) => x[0] - y[0]),
      [
        [ids.law, 2],
        [ids.society, 1],
      ],
    );
    assert.equal((await s.read.articles.countVisibleByCategory(NOW + HOUR)).get(ids.law), 3, 'the scheduled one counts once live');
  });

  it('ranks by views among visible articles only', async () => {
    await s.write(seedArticles);
    assert.deepEqual(titles(await s.read.articles.listMostViewed(10, NOW)), ['民生', '旧文', '新文']);
    assert.deepEqual(titles(await s.read.articles.listMostViewed(1, NOW)), ['民生']);
  });

  it('lists featured articles that have a cover, newest first', async () => {
    const ids = await s.write(seedArticles);
    await s.write(async (tx) => {
      await addArticle(tx, ids.law, { title: '推荐无图', isFeatured: true, coverImage: null });
      await addArticle(tx, ids.law, { title: '有图不推荐', isFeatured: false, coverImage: '/a.jpg' });
      await addArticle(tx, ids.law, { title: '推荐有图新', isFeatured: true, coverImage: '/b.jpg', publishedAt: NOW - MINUTE });
      await addArticle(tx, ids.law, { title: '推荐草稿', isFeatured: true, coverImage: '/c.jpg', status: 'draft' });
    });
    assert.deepEqual(titles(await s.read.articles.listFeaturedWithCover(4, NOW)), ['推荐有图新', '民生']);
    assert.deepEqual(titles(await s.read.articles.listFeaturedWithCover(1, NOW)), ['推荐有图新']);
  });

  it('treats hostile input as plain data', async () => {
    const ids = await s.write(seedArticles);
    assert.equal(await s.read.categories.findBySlug("law' OR '1'='1"), undefined);
    const id = await s.write((tx) => addArticle(tx, ids.law, { title: "'); DROP TABLE articles; --" }));
    assert.equal((await s.read.articles.findVisibleById(id, NOW))?.title, "'); DROP TABLE articles; --");
    assert.equal(await s.read.articles.count(), 6);
  });

  it('lists pinned articles in force: 头条 before 置顶, newest first, until their end', async () => {
    const ids = await s.write(seedArticles);
    const { headline, top } = await s.write(async (tx) => {
      const headline = await addArticle(tx, ids.law, {
        title: '头条',
        publishedAt: NOW - 72 * HOUR,
        homePin: 'headline',
        pinnedUntil: NOW + 2 * HOUR,
      });
      const top = await addArticle(tx, ids.law, { title: '置顶', publishedAt: NOW - 3 * HOUR, homePin: 'top' });
      await addArticle(tx, ids.law, { title: '旧置顶', publishedAt: NOW - 4 * HOUR, homePin: 'top' });
      await addArticle(tx, ids.law, { title: '已过期', publishedAt: NOW - 3 * HOUR, homePin: 'top', pinnedUntil: NOW - 1 });
      await addArticle(tx, ids.law, { title: '置顶的草稿', status: 'draft', publishedAt: NOW - HOUR, homePin: 'headline' });
      await addArticle(tx, ids.law, { title: '未来的头条', status: 'scheduled', publishedAt: NOW + HOUR, homePin: 'headline' });
      return { headline, top };
    });
    const { articles } = s.read;
    assert.deepEqual(
      (await articles.listPinned(10, NOW)).map((a) => [a.title, a.homePin]),
      [
        ['头条', 'headline'],
        ['置顶', 'top'],
        ['旧置顶', 'top'],
      ],
    );
    assert.deepEqual(titles(await articles.listPinned(2, NOW)), ['头条', '置顶']);
    assert.deepEqual(titles(await articles.listPinned(10, NOW + 2 * HOUR)), ['未来的头条', '置顶', '旧置顶'], 'the 头条 ended');
    const stored = (await articles.findById(headline))!;
    assert.equal(stored.homePin, 'headline');
    assert.equal(stored.pinnedUntil, NOW + 2 * HOUR);
    // unpinned, the end time goes too
    const topArticle = (await articles.findById(top))!;
    assert.ok(
      await s.write((tx) => tx.articles.update(top, topArticle.version, { ...topArticle, homePin: 'none', pinnedUntil: NOW + HOUR }, NOW)),
    );
    const unpinned = (await articles.findById(top))!;
    assert.equal(unpinned.homePin, 'none');
    assert.equal(unpinned.pinnedUntil, null);
  });

  it('counts every article, drafts and the trash included', async () => {
    const ids = await s.write(seedArticles);
    await s.write((tx) => tx.articles.moveToTrash(ids.old, NOW));
    assert.equal(await s.read.articles.count(), 5);
  });

  it('finds any article for editors: drafts, scheduled and the trash', async () => {
    const ids = await s.write(seedArticles);
    await s.write((tx) => tx.articles.moveToTrash(ids.old, NOW + MINUTE));
    const { articles } = s.read;
    assert.equal((await articles.findById(ids.draft))?.status, 'draft');
    assert.equal((await articles.findById(ids.scheduled))?.status, 'scheduled');
    assert.equal((await articles.findById(ids.old))?.deletedAt, NOW + MINUTE);
    assert.equal(await articles.findById(999_999), undefined);
  });

  it("lists the editors' articles newest first (a draft without a publish time by its last save), the trash apart", async () => {
    const ids = await s.write(seedArticles);
    const undated = await s.write((tx) =>
      addArticle(tx, ids.law, { title: '无时间草稿', status: 'draft', publishedAt: null }, NOW - 30 * MINUTE),
    );
    await s.write((tx) => tx.articles.moveToTrash(ids.old, NOW));
    const { articles } = s.read;
    assert.deepEqual(titles(await articles.listForAdmin({}, 10, 0)), ['定时', '无时间草稿', '草稿', '新文', '民生']);
    assert.equal(await articles.countForAdmin({}), 5);
    assert.deepEqual(titles(await articles.listForAdmin({ status: 'trash' }, 10, 0)), ['旧文']);
    assert.equal(await articles.countForAdmin({ status: 'trash' }), 1);
    assert.deepEqual((await articles.listForAdmin({}, 10, 0)).find((a) => a.id === undated)?.publishedAt, null);
  });

  it("filters the editors' list by status, category and literal title text, with paging", async () => {
    const ids = await s.write(seedArticles);
    await s.write(async (tx) => {
      await addArticle(tx, ids.society, { title: '100%_完成', publishedAt: NOW - 3 * HOUR });
      await addArticle(tx, ids.society, { title: '100 完成', publishedAt: NOW - 4 * HOUR });
    });
    const { articles } = s.read;
    const list = async (filter: AdminArticleFilter) => titles(await articles.listForAdmin(filter, 10, 0));
    assert.deepEqual(await list({ status: 'draft' }), ['草稿']);
    assert.deepEqual(await list({ status: 'scheduled' }), ['定时']);
    assert.deepEqual(await list({ status: 'published', categoryId: ids.law }), ['新文', '旧文']);
    assert.deepEqual(await list({ categoryId: ids.society }), ['民生', '100%_完成', '100 完成']);
    assert.deepEqual(await list({ titleContains: '%_' }), ['100%_完成'], '% and _ are matched literally');
    assert.deepEqual(await list({ titleContains: '文' }), ['新文', '旧文']);
    assert.deepEqual(await list({ titleContains: '  ' }), titles(await articles.listForAdmin({}, 10, 0)), 'blank text filters nothing');
    assert.equal(await articles.countForAdmin({ categoryId: ids.society, titleContains: '完成' }), 2);
    assert.equal(await articles.countForAdmin({ status: 'draft', categoryId: ids.society }), 0);
    const all = titles(await articles.listForAdmin({}, 10, 0));
    assert.deepEqual(
      [
        ...titles(await articles.listForAdmin({}, 3, 0)),
        ...titles(await articles.listForAdmin({}, 3, 3)),
        ...titles(await articles.listForAdmin({}, 3, 6)),
      ],
      all,
      'pages follow each other',
    );
  });

  it('saves an update at the expected version, bumping it; a stale version changes nothing', async () => {
    const ids = await s.write(seedArticles);
    const before = (await s.read.articles.findById(ids.recent))!;
    const fields = { ...before, title: '改过的标题', categoryId: ids.society, bodyHtml: '<p>新正文</p>', isFeatured: true };
    assert.equal(await s.write((tx) => tx.articles.update(ids.recent, before.version, fields, NOW + HOUR)), true);
    const after = (await s.read.articles.findById(ids.recent))!;
    assert.equal(after.title, '改过的标题');
    assert.equal(after.categoryId, ids.society);
    assert.equal(after.bodyHtml, '<p>新正文</p>');
    assert.equal(after.isFeatured, true);
    assert.equal(after.version, before.version + 1);
    assert.equal(after.updatedAt, NOW + HOUR);
    assert.equal(after.createdAt, before.createdAt);
    assert.equal(after.views, before.views, 'an edit keeps the view count');

    assert.equal(
      await s.write((tx) => tx.articles.update(ids.recent, before.version, { ...fields, title: '迟到的保存' }, NOW + 2 * HOUR)),
      false,
    );
    assert.equal((await s.read.articles.findById(ids.recent))?.title, '改过的标题', 'someone saved first');
    assert.equal(await s.write((tx) => tx.articles.update(999_999, 1, fields, NOW)), false, 'no such article');
  });

  it('publishes a draft by an update that gives it a status and a time', async () => {
    const ids = await s.write(seedArticles);
    const draft = (await s.read.articles.findById(ids.draft))!;
    assert.equal(await s.read.articles.findVisibleById(ids.draft, NOW), undefined);
    await s.write((tx) => tx.articles.update(ids.draft, draft.version, { ...draft, status: 'published', publishedAt: NOW }, NOW));
    assert.equal((await s.read.articles.findVisibleById(ids.draft, NOW))?.title, '草稿');
  });

  it('does not update an article in the trash', async () => {
    const ids = await s.write(seedArticles);
    const article = (await s.read.articles.findById(ids.old))!;
    await s.write((tx) => tx.articles.moveToTrash(ids.old, NOW));
    assert.equal(await s.write((tx) => tx.articles.update(ids.old, article.version, { ...article, title: '回收站里改' }, NOW)), false);
    assert.equal((await s.read.articles.findById(ids.old))?.title, '旧文');
  });

  it('moves an article to the trash and back, once each', async () => {
    const ids = await s.write(seedArticles);
    const { articles } = s.read;
    assert.equal(await s.write((tx) => tx.articles.moveToTrash(ids.recent, NOW + MINUTE)), true);
    assert.equal(await s.write((tx) => tx.articles.moveToTrash(ids.recent, NOW + 2 * MINUTE)), false, 'already in the trash');
    const trashed = (await articles.findById(ids.recent))!;
    assert.equal(trashed.deletedAt, NOW + MINUTE);
    assert.equal(trashed.updatedAt, NOW + MINUTE);
    assert.equal(await articles.findVisibleById(ids.recent, NOW), undefined);

    assert.equal(await s.write((tx) => tx.articles.restoreFromTrash(ids.recent, NOW + 3 * MINUTE)), true);
    assert.equal(await s.write((tx) => tx.articles.restoreFromTrash(ids.recent, NOW + 4 * MINUTE)), false, 'not in the trash');
    const restored = (await articles.findById(ids.recent))!;
    assert.equal(restored.deletedAt, null);
    assert.equal(restored.updatedAt, NOW + 3 * MINUTE);
    assert.equal((await articles.findVisibleById(ids.recent, NOW))?.title, '新文');

    assert.equal(await s.write((tx) => tx.articles.moveToTrash(999_999, NOW)), false);
    assert.equal(await s.write((tx) => tx.articles.restoreFromTrash(999_999, NOW)), false);
  });

  it('purges only an article in the trash', async () => {
    const ids = await s.write(seedArticles);
    assert.equal(await s.write((tx) => tx.articles.purge(ids.old)), false, 'not in the trash');
    assert.equal((await s.read.articles.findById(ids.old))?.title, '旧文');
    await s.write((tx) => tx.articles.moveToTrash(ids.old, NOW));
    assert.equal(await s.write((tx) => tx.articles.purge(ids.old)), true);
    assert.equal(await s.read.articles.findById(ids.old), undefined);
    assert.equal(await s.read.articles.count(), 4);
    assert.equal(await s.write((tx) => tx.articles.purge(ids.old)), false, 'gone already');
  });

  it("purging takes the article's comments, revisions and daily views with it, and unlinks its submission", async () => {
    const ids = await s.write(seedArticles);
    const { comment, revision, submission } = await s.write(async (tx) => {
      const user = await addUser(tx, 'editor');
      const article = (await tx.articles.findById(ids.old))!;
      const comment = await tx.comments.create(
        { articleId: ids.old, nickname: '读者', body: '评论', status: 'approved', ipHash: 'h' },
        NOW,
      );
      const revision = await tx.articleRevisions.add(ids.old, user, article, NOW);
      const submission = await tx.submissions.create({ name: '投稿人', contact: 'x', title: '投稿', body: '正文', ipHash: 'h' }, NOW);
      await tx.submissions.linkArticle(submission, ids.old, NOW);
      await tx.viewStats.applyBatch({ articleViews: new Map([['2026-11-20', new Map([[ids.old, 4]])]]), pageViews: new Map() });
      return { comment, revision, submission };
    });
    assert.equal((await s.read.rankings.topInDays({ from: '2026-11-20', to: '2026-11-20' }, { limit: 10 }, NOW))[0]?.id, ids.old);

    await s.write(async (tx) => {
      await tx.articles.moveToTrash(ids.old, NOW);
      await tx.articles.purge(ids.old);
    });
    assert.equal(await s.read.comments.findById(comment), undefined);
    assert.equal(await s.read.comments.countApproved(ids.old), 0);
    assert.equal(await s.read.articleRevisions.findById(revision), undefined);
    assert.deepEqual(await s.read.articleRevisions.listForArticle(ids.old), []);
    assert.equal((await s.read.submissions.findById(submission))?.articleId, null);
    assert.deepEqual(await s.read.rankings.topInDays({ from: '2026-11-20', to: '2026-11-20' }, { limit: 10 }, NOW), []);
    // with its articles gone, the category can go
    await s.write(async (tx) => {
      for (const id of [ids.recent, ids.draft, ids.scheduled]) {
        await tx.articles.moveToTrash(id, NOW);
        await tx.articles.purge(id);
      }
    });
    assert.deepEqual(await s.write((tx) => tx.categories.delete(ids.law)), { status: 'deleted' });
  });
});
