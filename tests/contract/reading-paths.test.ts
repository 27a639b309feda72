// The storage of where a reader goes next (issue 18), on every backend: tags (names made once,
// an article's in order, a tag's visible articles), 专题 (articles in order, visible ones by
// date, topics in use), 相关阅读 lists (rewritten only when they change, stale ones found), the
// search index's headline lookup, articles by linked byline, and the article page read's links
// (上一篇/下一篇, tags, related, topic boxes, the byline's record), always filtered for visibility.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { searchTerms } from '../../src/lib/search-tokens.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, HOUR, MINUTE, NOW } from './support.js';

const OPTIONS = { latestFloors: 5, repliesPerFloor: 4 };

forEachBackend('reading paths storage', (open) => {
  const s = freshStorage(open);

  it('tags: an article’s in order, names made once, a tag’s visible articles newest first, tags in use', async () => {
    const ids = await s.write(async (tx) => {
      const category = await addCategory(tx, 'tags', '标签');
      const older = await addArticle(tx, category, { title: '较早', publishedAt: NOW - 2 * HOUR });
      const newer = await addArticle(tx, category, { title: '较新', publishedAt: NOW - HOUR });
      const draft = await addArticle(tx, category, { title: '草稿', status: 'draft', publishedAt: null });
      await tx.tags.setForArticle(older, ['候鸟', '湿地'], NOW);
      await tx.tags.setForArticle(newer, ['湿地'], NOW);
      await tx.tags.setForArticle(draft, ['湿地', '草稿标签'], NOW);
      return { older, newer, draft };
    });
    assert.deepEqual(
      (await s.read.tags.listForArticle(ids.older)).map((tag) => tag.name),
      ['候鸟', '湿地'],
    );
    const wetland = (await s.read.tags.listForArticle(ids.newer))[0]!;
    assert.equal((await s.read.tags.listForArticle(ids.draft))[0]!.id, wetland.id, 'one row per name');
    assert.deepEqual(await s.read.tags.findById(wetland.id), wetland);
    assert.equal(await s.read.tags.findById(999_999), undefined);
    assert.deepEqual(
      (await s.read.tags.listVisibleArticles(wetland.id, { limit: 10, offset: 0 }, NOW)).map((a) => a.id),
      [ids.newer, ids.older],
      'newest first, drafts left out',
    );
    assert.deepEqual(
      (await s.read.tags.listVisibleArticles(wetland.id, { limit: 1, offset: 1 }, NOW)).map((a) => a.id),
      [ids.older],
    );
    assert.equal(await s.read.tags.countVisibleArticles(wetland.id, NOW), 2);
    assert.deepEqual(
      (await s.read.tags.listPopular(1)).map((tag) => tag.name),
      ['湿地'],
      'the most used first',
    );
    const inUse = await s.read.tags.listInUse(NOW);
    assert.deepEqual(
      inUse.map((tag) => [tag.name, tag.articles]),
      [
        ['候鸟', 1],
        ['湿地', 2],
      ],
      'a tag of drafts only is not in use',
    );
    await s.write((tx) => tx.tags.setForArticle(ids.older, ['湿地'], NOW + MINUTE));
    assert.deepEqual(
      (await s.read.tags.listForArticle(ids.older)).map((tag) => tag.name),
      ['湿地'],
      'replaced',
    );
  });

  it('topics: saved, found by id and slug, articles in order, the visible ones newest first, topics in use', async () => {
    const ids = await s.write(async (tx) => {
      const category = await addCategory(tx, 'topics', '专题');
      const first = await addArticle(tx, category, { title: '首发', publishedAt: NOW - 3 * HOUR });
      const follow = await addArticle(tx, category, { title: '追踪', publishedAt: NOW - HOUR });
      const draft = await addArticle(tx, category, { title: '草稿', status: 'draft', publishedAt: null });
      const open = await tx.topics.create({ slug: 'case', title: '事件', intro: '简介', coverImage: null, status: 'investigating' }, NOW);
      const closed = await tx.topics.create(
        { slug: 'closed', title: '结案', intro: '', coverImage: '/images/x.jpg', status: 'closed' },
        NOW,
      );
      await tx.topics.setArticles(open, [follow, first, draft]);
      await tx.topics.setArticles(closed, [first]);
      return { first, follow, draft, open, closed };
    });
    const topic = (await s.read.topics.findBySlug('case'))!;
    assert.deepEqual([topic.id, topic.title, topic.status, topic.coverImage], [ids.open, '事件', 'investigating', null]);
    assert.deepEqual(await s.read.topics.findById(ids.open), topic);
    assert.deepEqual(await s.read.topics.listArticleIds(ids.open), [ids.follow, ids.first, ids.draft], 'the editors’ order');
    assert.deepEqual(
      (await s.read.topics.listVisibleArticles(ids.open, 10, NOW)).map((a) => a.id),
      [ids.follow, ids.first],
    );
    const open = await s.read.topics.listInUse({ open: true, limit: 10 }, NOW);
    assert.deepEqual(
      open.map((t) => [t.slug, t.articles, t.latest.id]),
      [['case', 2, ids.follow]],
      'closed topics are not open',
    );
    assert.deepEqual(
      (await s.read.topics.listInUse({ open: false, limit: 10 }, NOW)).map((t) => t.slug),
      ['case', 'closed'],
      'the newest article first',
    );
    await s.write((tx) => tx.topics.update(ids.open, { ...topic, slug: 'case-2', status: 'closed' }, NOW + MINUTE));
    assert.equal((await s.read.topics.findById(ids.open))!.slug, 'case-2');
    assert.equal(await s.write((tx) => tx.topics.delete(ids.closed)), true);
    assert.equal(await s.read.topics.findById(ids.closed), undefined);
    assert.equal(await s.write((tx) => tx.topics.delete(ids.closed)), false);
  });

  it('相关阅读: stored in rank order, rewritten only when changed, stale lists found; headlines looked up by term', async () => {
    const ids = await s.write(async (tx) => {
      const category = await addCategory(tx, 'related', '相关');
      const wetland = await addArticle(tx, category, { title: '湿地保护条例施行', summary: '候鸟栖息地' });
      const birds = await addArticle(tx, category, { title: '候鸟迁徙季', summary: '湿地观鸟' });
      const bodyOnly = await addArticle(tx, category, { title: '别的新闻', summary: '无关', bodyHtml: '<p>湿地</p>' });
      return { wetland, birds, bodyOnly };
    });
    assert.equal(await s.write((tx) => tx.related.replace(ids.wetland, [ids.birds, ids.bodyOnly], NOW)), true);
    assert.deepEqual(await s.read.related.listIds(ids.wetland), [ids.birds, ids.bodyOnly]);
    assert.equal(await s.write((tx) => tx.related.replace(ids.wetland, [ids.birds, ids.bodyOnly], NOW + MINUTE)), false, 'the same list');
    const stale = await s.read.related.listStale(NOW, 100, NOW + HOUR);
    assert.ok(!stale.includes(ids.wetland) && stale.includes(ids.birds), 'computed lists are not stale until `before`');
    assert.ok((await s.read.related.listStale(NOW + 2 * MINUTE, 100, NOW + HOUR)).includes(ids.wetland));

    const term = searchTerms('湿地')[0]!;
    const hits = await s.read.articles.headlinesWith(term, 10, NOW);
    assert.deepEqual(
      hits.map((hit) => hit.id).sort((a, b) => a - b),
      [ids.wetland, ids.birds].sort((a, b) => a - b),
      'titles and summaries, not bodies',
    );
    assert.equal(hits[0]!.categoryId, (await s.read.articles.findById(ids.wetland))!.categoryId);
    assert.equal((await s.read.articles.headlinesWith(term, 1, NOW)).length, 1, 'at most the limit');
  });

  it('the article page read brings its links: neighbours, tags, related, topics and the byline’s record, all visible', async () => {
    const ids = await s.write(async (tx) => {
      const category = await addCategory(tx, 'page', '页面');
      const other = await addCategory(tx, 'page-other', '别的', 2);
      const staff = await tx.staff.create(
        { name: '李明远', cardNumber: 'C-1', position: '记者', department: '法治部', status: 'active', photo: null },
        NOW,
      );
      const oldest = await addArticle(tx, category, { title: '最早', publishedAt: NOW - 4 * HOUR });
      const older = await addArticle(tx, category, { title: '较早', publishedAt: NOW - 3 * HOUR });
      await addArticle(tx, other, { title: '别的栏目', publishedAt: NOW - 2 * HOUR });
      const middle = await addArticle(tx, category, { title: '本文', publishedAt: NOW - 2 * HOUR, authorStaffId: staff });
      const draft = await addArticle(tx, category, { title: '草稿', status: 'draft', publishedAt: null });
      const scheduled = await addArticle(tx, category, { title: '定时', status: 'scheduled', publishedAt: NOW + HOUR });
      const newer = await addArticle(tx, category, { title: '较新', publishedAt: NOW - HOUR });
      await tx.tags.setForArticle(middle, ['甲', '乙'], NOW);
      await tx.related.replace(middle, [draft, oldest, scheduled, newer], NOW);
      const topic = await tx.topics.create({ slug: 'box', title: '专题', intro: '', coverImage: null, status: 'responded' }, NOW);
      await tx.topics.setArticles(topic, [oldest, middle, draft, newer]);
      return { oldest, older, middle, newer, staff, topic };
    });
    const reading = (await s.read.articlePages.findVisible(ids.middle, NOW, OPTIONS))!.reading;
    assert.deepEqual(reading.previous, { id: ids.older, title: '较早', publishedAt: NOW - 3 * HOUR });
    assert.deepEqual(reading.next, { id: ids.newer, title: '较新', publishedAt: NOW - HOUR }, 'the scheduled one is not out yet');
    assert.deepEqual(
      reading.tags.map((tag) => tag.name),
      ['甲', '乙'],
    );
    assert.deepEqual(
      reading.related.map((link) => link.id),
      [ids.oldest, ids.newer],
      'in rank order, the unpublished left out',
    );
    assert.deepEqual(reading.topics, [
      {
        id: ids.topic,
        slug: 'box',
        title: '专题',
        status: 'responded',
        latest: [
          { id: ids.newer, title: '较新', publishedAt: NOW - HOUR },
          { id: ids.middle, title: '本文', publishedAt: NOW - 2 * HOUR },
          { id: ids.oldest, title: '最早', publishedAt: NOW - 4 * HOUR },
        ],
      },
    ]);
    assert.deepEqual(reading.author, { id: ids.staff, name: '李明远' });

    const ends = (await s.read.articlePages.findVisible(ids.newer, NOW, OPTIONS))!.reading;
    assert.deepEqual(
      [ends.previous?.id, ends.next, ends.tags, ends.related, ends.topics.length, ends.author],
      [ids.middle, null, [], [], 1, null],
    );
    assert.equal((await s.read.articlePages.findVisible(ids.oldest, NOW, OPTIONS))!.reading.previous, null);
    assert.deepEqual(
      (await s.read.articles.listVisibleByAuthor(ids.staff, { limit: 10, offset: 0 }, NOW)).map((a) => a.id),
      [ids.middle],
    );
    assert.equal(await s.read.articles.countVisibleByAuthor(ids.staff, NOW), 1);
  });

  it('分享 codes: visible articles without one for their address are listed, and stored without a new version', async () => {
    const origin = 'https://shfz.example.cn';
    const { visible, draft } = await s.write(async (tx) => {
      const category = await addCategory(tx, 'share', '分享');
      return {
        visible: await addArticle(tx, category, { title: '可见' }),
        draft: await addArticle(tx, category, { title: '草稿', status: 'draft', publishedAt: null }),
      };
    });
    const missing = await s.read.articles.listWithoutShareCode(origin, 1000, NOW);
    assert.ok(missing.includes(visible) && !missing.includes(draft));
    const version = (await s.read.articles.findById(visible))!.version;
    await s.write((tx) => tx.articles.setShareCode(visible, `${origin}/article/${visible}`, '25:M2 2.5h7'));
    const stored = (await s.read.articlePages.findVisible(visible, NOW, OPTIONS))!;
    assert.deepEqual(stored.reading.shareCode, { url: `${origin}/article/${visible}`, drawing: '25:M2 2.5h7' }, 'read with the page');
    assert.equal((await s.read.articles.findById(visible))!.version, version, 'no new version');
    await s.write((tx) => tx.articles.setShareCode(visible, `${origin}/article/${visible}`, '25:M2 2.5h8'));
    assert.equal((await s.read.articlePages.findVisible(visible, NOW, OPTIONS))!.reading.shareCode?.drawing, '25:M2 2.5h8', 'redrawn');
    assert.ok(!(await s.read.articles.listWithoutShareCode(origin, 1000, NOW)).includes(visible));
    assert.ok((await s.read.articles.listWithoutShareCode('https://new.example.cn', 1000, NOW)).includes(visible), 'the domain changed');
  });
});
