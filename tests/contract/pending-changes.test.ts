// A reporter's change to a signed article (修改稿) waits in its own record: one per article (a
// new one replaces the old), its fields kept exactly, removed on request or with the article.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, addUser, articleFields, freshStorage, MINUTE, NOW } from './support.js';

forEachBackend('pending changes storage', (open) => {
  const s = freshStorage(open);

  it('keeps one change per article, replaced by the next, with its fields and base revision', async () => {
    const { article, reporter, category } = await s.write(async (tx) => {
      const category = await addCategory(tx);
      const reporter = await addUser(tx, 'jizhe', 'reporter');
      return { category, reporter, article: await addArticle(tx, category, { title: '已发布' }) };
    });
    assert.equal(await s.read.pendingChanges.find(article), undefined);
    const fields = articleFields(category, {
      title: '修改后的标题',
      reprint: { originalTitle: '原题', originalAuthor: '', originalUrl: '' },
    });
    await s.write((tx) =>
      tx.pendingChanges.save({ articleId: article, userId: reporter, userName: '记者甲', fields, baseRevisionId: 7 }, NOW),
    );
    assert.deepEqual(await s.read.pendingChanges.find(article), {
      articleId: article,
      userId: reporter,
      userName: '记者甲',
      fields,
      baseRevisionId: 7,
      createdAt: NOW,
    });
    const second = { ...fields, title: '再改一次' };
    await s.write((tx) =>
      tx.pendingChanges.save(
        { articleId: article, userId: reporter, userName: '记者甲', fields: second, baseRevisionId: null },
        NOW + MINUTE,
      ),
    );
    const replaced = (await s.read.pendingChanges.find(article))!;
    assert.deepEqual([replaced.fields.title, replaced.baseRevisionId, replaced.createdAt], ['再改一次', null, NOW + MINUTE]);

    assert.equal(await s.write((tx) => tx.pendingChanges.remove(article)), true);
    assert.equal(await s.write((tx) => tx.pendingChanges.remove(article)), false, 'nothing left to remove');
    assert.equal(await s.read.pendingChanges.find(article), undefined);
  });

  it('goes with its article when the article is deleted for good; keeps the name when the account goes', async () => {
    const { article, reporter, category } = await s.write(async (tx) => {
      const category = await addCategory(tx, 'c2', '乙');
      const reporter = await addUser(tx, 'jizhe2', 'reporter');
      return { category, reporter, article: await addArticle(tx, category, { title: '将被删除' }) };
    });
    const change = { articleId: article, userId: reporter, userName: '记者乙', fields: articleFields(category), baseRevisionId: null };
    await s.write((tx) => tx.pendingChanges.save(change, NOW));
    await s.write((tx) => tx.users.delete(reporter));
    const kept = (await s.read.pendingChanges.find(article))!;
    assert.deepEqual([kept.userId, kept.userName], [null, '记者乙']);
    await s.write(async (tx) => {
      await tx.articles.moveToTrash(article, NOW);
      await tx.articles.purge(article);
    });
    assert.equal(await s.read.pendingChanges.find(article), undefined);
  });
});
