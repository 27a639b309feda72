// ArticleRevisionRepository: a snapshot of the editable fields at every save, newest first,
// with the name of the user who saved it (kept as null once that account is deleted).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ArticleFields } from '../../src/repositories/article-repository.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, addUser, articleFields, freshStorage, MINUTE, NOW } from './support.js';

forEachBackend('article revision repository', (open) => {
  const s = freshStorage(open);

  async function seed() {
    return s.write(async (tx) => {
      const law = await addCategory(tx);
      return { law, article: await addArticle(tx, law), other: await addArticle(tx, law), user: await addUser(tx, 'zhang') };
    });
  }

  it('stores a snapshot of every editable field and finds it by id with its author', async () => {
    const { law, article, user } = await seed();
    const fields: ArticleFields = articleFields(law, {
      title: '第二版',
      bodyHtml: '<p>改过</p>',
      coverImage: '/c.jpg',
      isFeatured: true,
      status: 'scheduled',
      publishedAt: NOW + MINUTE,
      homePin: 'headline',
      pinnedUntil: NOW + 2 * MINUTE,
      hideCover: true,
    });
    const id = await s.write((tx) => tx.articleRevisions.add(article, user, fields, NOW));
    assert.deepEqual(await s.read.articleRevisions.findById(id), {
      id,
      articleId: article,
      userId: user,
      username: 'zhang',
      fields,
      createdAt: NOW,
    });
    assert.equal(await s.read.articleRevisions.findById(id + 1), undefined);
  });

  it("lists one article's revisions, newest first", async () => {
    const { law, article, other, user } = await seed();
    const ids = await s.write(async (tx) => [
      await tx.articleRevisions.add(article, user, articleFields(law, { title: '一' }), NOW),
      await tx.articleRevisions.add(other, user, articleFields(law, { title: '别的' }), NOW + MINUTE),
      await tx.articleRevisions.add(article, user, articleFields(law, { title: '二' }), NOW + 2 * MINUTE),
      await tx.articleRevisions.add(article, user, articleFields(law, { title: '三' }), NOW + 2 * MINUTE),
    ]);
    const list = await s.read.articleRevisions.listForArticle(article);
    assert.deepEqual(
      list.map((r) => [r.id, r.fields.title, r.createdAt]),
      [
        [ids[3], '三', NOW + 2 * MINUTE],
        [ids[2], '二', NOW + 2 * MINUTE],
        [ids[0], '一', NOW],
      ],
    );
    assert.deepEqual(await s.read.articleRevisions.listForArticle(999_999), []);
  });

  it('keeps the revisions of a deleted user, without the user', async () => {
    const { law, article, user } = await seed();
    const id = await s.write((tx) => tx.articleRevisions.add(article, user, articleFields(law), NOW));
    assert.equal(await s.write((tx) => tx.users.delete(user)), true);
    const revision = (await s.read.articleRevisions.findById(id))!;
    assert.equal(revision.userId, null);
    assert.equal(revision.username, null);
    assert.equal(revision.fields.title, '测试文章');
  });
});
