// The content change feed: which part of the site each committed write touched ('site',
// 'article:<id>', 'poll:<id>'), in sequence, and when pages change without a write (a scheduled
// article going live, a home-page pin ending).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ContentChange } from '../../src/storage/storage.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, HOUR, NOW } from './support.js';

forEachBackend('change feed', (open) => {
  const s = freshStorage(open);

  /** The scopes changed since `seq`, checking that they come oldest first and after `seq`. */
  const scopesSince = (seq: number): string[] => {
    const changes: ContentChange[] = s.storage.changeFeed.changedSince(seq);
    for (const [i, change] of changes.entries()) {
      assert.ok(change.seq > seq, 'only changes after the sequence number');
      if (i > 0) assert.ok(change.seq > changes[i - 1]!.seq, 'oldest first');
    }
    return [...new Set(changes.map((c) => c.scope))].sort();
  };

  it('starts at 0 with no changes on a fresh store', async () => {
    assert.equal(s.storage.changeFeed.latestSeq(), 0);
    assert.deepEqual(s.storage.changeFeed.changedSince(0), []);
  });

  it('reports site-wide content (categories, articles, settings, pages, polls) as the scope site', async () => {
    const feed = s.storage.changeFeed;
    const before = feed.latestSeq();
    const category = await s.write((tx) => addCategory(tx, 'law'));
    assert.deepEqual(scopesSince(before), ['site']);
    for (const write of [
      () => s.write((tx) => addArticle(tx, category)),
      () => s.write((tx) => tx.categories.update(category, { slug: 'law', name: '法治', description: '', sortOrder: 2 })),
      () => s.write((tx) => tx.settings.setMany({ siteName: '新名字' })),
      () => s.write((tx) => tx.pages.save({ slug: 'about', title: '关于', bodyHtml: '<p>x</p>' }, NOW)),
      () =>
        s.write((tx) => tx.polls.create({ question: '?', isMultiple: false, startsAt: NOW, endsAt: null, options: [{ label: 'a' }] }, NOW)),
    ]) {
      const seq = feed.latestSeq();
      await write();
      assert.ok(feed.latestSeq() > seq);
      assert.deepEqual(scopesSince(seq), ['site']);
    }
  });

  it("reports an approved comment as its article's scope, and a pending one not at all", async () => {
    const feed = s.storage.changeFeed;
    const articleId = await s.write(async (tx) => addArticle(tx, await addCategory(tx)));
    const before = feed.latestSeq();
    const pending = await s.write((tx) =>
      tx.comments.create({ articleId, nickname: '读者', body: '待审', status: 'pending', ipHash: 'h' }, NOW),
    );
    assert.equal(feed.latestSeq(), before, 'a pending comment shows nowhere');
    await s.write((tx) => tx.comments.setStatus([pending], 'approved'));
    assert.deepEqual(scopesSince(before), [`article:${articleId}`]);
    const afterApproval = feed.latestSeq();
    await s.write((tx) => tx.comments.create({ articleId, nickname: '读者', body: '直接通过', status: 'approved', ipHash: 'h' }, NOW));
    assert.deepEqual(scopesSince(afterApproval), [`article:${articleId}`]);
    const beforeDelete = feed.latestSeq();
    await s.write((tx) => tx.comments.setStatus([pending], 'deleted'));
    assert.deepEqual(scopesSince(beforeDelete), [`article:${articleId}`], 'deleting an approved comment changes its article');
    const beforeReply = feed.latestSeq();
    await s.write((tx) =>
      tx.comments.create({ articleId, parentId: pending, nickname: '读者', body: '回复', status: 'approved', ipHash: 'h' }, NOW),
    );
    assert.deepEqual(scopesSince(beforeReply), [`article:${articleId}`], 'a reply shows under its floor');
    const beforeRestore = feed.latestSeq();
    await s.write((tx) => tx.comments.setStatus([pending], 'pending'));
    assert.deepEqual(scopesSince(beforeRestore), [`article:${articleId}`], "a removed floor's notice changes (已删除 -> 复核中)");
  });

  it("reports a poll vote as the poll's scope", async () => {
    const feed = s.storage.changeFeed;
    const pollId = await s.write((tx) =>
      tx.polls.create({ question: '?', isMultiple: false, startsAt: NOW, endsAt: null, options: [{ label: 'a' }] }, NOW),
    );
    const option = (await s.read.polls.findById(pollId))!.options[0]!.id;
    const before = feed.latestSeq();
    await s.write((tx) => tx.polls.addVote({ pollId, optionIds: [option], sessionId: 's', ipHash: 'h', createdAt: NOW }));
    assert.deepEqual(scopesSince(before), [`poll:${pollId}`]);
  });

  it('lists every scope changed after a sequence number, each with a later number than it', async () => {
    const feed = s.storage.changeFeed;
    const articleId = await s.write(async (tx) => addArticle(tx, await addCategory(tx)));
    const start = feed.latestSeq();
    await s.write((tx) => tx.comments.create({ articleId, nickname: '读者', body: '一', status: 'approved', ipHash: 'h' }, NOW));
    const middle = feed.latestSeq();
    await s.write((tx) => tx.settings.setMany({ siteName: 'x' }));
    assert.deepEqual(scopesSince(start), [`article:${articleId}`, 'site']);
    assert.deepEqual(scopesSince(middle), ['site']);
    assert.deepEqual(scopesSince(feed.latestSeq()), []);
    assert.equal(feed.latestSeq(), Math.max(...feed.changedSince(start).map((c) => c.seq)), 'latestSeq is the number of the latest change');
  });

  it('does not report view counts (cached pages show them as of their render)', async () => {
    const feed = s.storage.changeFeed;
    const articleId = await s.write(async (tx) => addArticle(tx, await addCategory(tx)));
    const before = feed.latestSeq();
    await s.write((tx) =>
      tx.viewStats.applyBatch({
        articleViews: new Map([['2026-11-20', new Map([[articleId, 3]])]]),
        pageViews: new Map([['2026-11-20', 3]]),
      }),
    );
    assert.equal(feed.latestSeq(), before);
  });

  it('gives the next time a scheduled article goes live or a pin ends, ignoring drafts and the trash', async () => {
    const feed = s.storage.changeFeed;
    assert.equal(feed.nextScheduledChange(NOW), undefined, 'nothing scheduled');
    await s.write(async (tx) => {
      const law = await addCategory(tx);
      await addArticle(tx, law, { status: 'scheduled', publishedAt: NOW + 3 * HOUR });
      await addArticle(tx, law, { title: '头条', publishedAt: NOW - HOUR, homePin: 'headline', pinnedUntil: NOW + 5 * HOUR });
      await addArticle(tx, law, { title: '长期置顶', publishedAt: NOW - HOUR, homePin: 'top', pinnedUntil: null });
      await addArticle(tx, law, { status: 'draft', publishedAt: NOW + HOUR });
      await addArticle(tx, law, { status: 'draft', publishedAt: NOW - HOUR, homePin: 'top', pinnedUntil: NOW + HOUR });
      const trashed = await addArticle(tx, law, { status: 'scheduled', publishedAt: NOW + 2 * HOUR });
      await tx.articles.moveToTrash(trashed, NOW);
    });
    assert.equal(feed.nextScheduledChange(NOW), NOW + 3 * HOUR, 'the scheduled article goes live first');
    assert.equal(feed.nextScheduledChange(NOW + 3 * HOUR), NOW + 5 * HOUR, 'strictly after now: then the pin ends');
    assert.equal(feed.nextScheduledChange(NOW + 5 * HOUR), undefined, 'a pin without an end never ends by itself');
  });
});
