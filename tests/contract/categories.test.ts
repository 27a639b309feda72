// CategoryRepository: navigation order, look-ups, article counts (the trash left out), unique
// slugs (CategorySlugTakenError), and deletion refused while any article, the trash included,
// belongs to the category.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CategorySlugTakenError } from '../../src/repositories/category-repository.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage } from './support.js';

forEachBackend('category repository', (open) => {
  const s = freshStorage(open);

  it('creates categories and finds them by id and by slug, every field kept', async () => {
    const id = await s.write((tx) =>
      tx.categories.create({ slug: 'law', name: '法治要闻', description: '法治新闻', sortOrder: 3, commentPolicy: 'closed' }),
    );
    const expected = { id, slug: 'law', name: '法治要闻', description: '法治新闻', sortOrder: 3, commentPolicy: 'closed', reviewLevels: 2 };
    assert.deepEqual(await s.read.categories.findById(id), expected);
    assert.deepEqual(await s.read.categories.findBySlug('law'), expected);
    assert.equal(await s.read.categories.findById(id + 1), undefined);
    assert.equal(await s.read.categories.findBySlug('LAW'), undefined, 'slugs match exactly');
  });

  it('lists all categories in navigation order: by sort order, then by creation', async () => {
    await s.write(async (tx) => {
      await addCategory(tx, 'c', '三', 2);
      await addCategory(tx, 'a', '一', 1);
      await addCategory(tx, 'b', '二', 2);
      await addCategory(tx, 'z', '零', 0);
    });
    assert.deepEqual(
      (await s.read.categories.listAll()).map((c) => c.slug),
      ['z', 'a', 'c', 'b'],
    );
  });

  it('counts the articles of each category, drafts included and the trash not, in navigation order', async () => {
    const law = await s.write(async (tx) => {
      const society = await addCategory(tx, 'society', '社会', 2);
      const law = await addCategory(tx, 'law', '法治', 1);
      await addCategory(tx, 'empty', '空', 3);
      await addArticle(tx, law);
      await addArticle(tx, law, { status: 'draft' });
      const trashed = await addArticle(tx, law);
      await tx.articles.moveToTrash(trashed, 0);
      await addArticle(tx, society);
      return law;
    });
    assert.deepEqual(
      (await s.read.categories.listWithArticleCounts()).map((c) => [c.slug, c.articleCount]),
      [
        ['law', 2],
        ['society', 1],
        ['empty', 0],
      ],
    );
    const [first] = await s.read.categories.listWithArticleCounts();
    assert.deepEqual(first, {
      id: law,
      slug: 'law',
      name: '法治',
      description: '',
      sortOrder: 1,
      commentPolicy: 'open',
      reviewLevels: 2,
      articleCount: 2,
    });
  });

  it('refuses a slug another category has, with CategorySlugTakenError, saving nothing', async () => {
    await s.write((tx) => addCategory(tx, 'law'));
    await assert.rejects(
      s.write((tx) => tx.categories.create({ slug: 'law', name: '又一个', description: '', sortOrder: 9 })),
      (err) => err instanceof CategorySlugTakenError && err.slug === 'law',
    );
    assert.equal((await s.read.categories.listAll()).length, 1);
  });

  it('updates a category, keeping or changing its slug; false when there is none', async () => {
    const id = await s.write((tx) => addCategory(tx, 'law'));
    assert.equal(
      await s.write((tx) =>
        tx.categories.update(id, { slug: 'law', name: '法治', description: '新说明', sortOrder: 5, commentPolicy: 'hidden' }),
      ),
      true,
    );
    assert.deepEqual(await s.read.categories.findById(id), {
      id,
      slug: 'law',
      name: '法治',
      description: '新说明',
      sortOrder: 5,
      commentPolicy: 'hidden',
      reviewLevels: 2,
    });
    assert.equal(await s.write((tx) => tx.categories.update(id, { slug: 'legal', name: '法治', description: '', sortOrder: 5 })), true);
    assert.equal(await s.read.categories.findBySlug('law'), undefined);
    assert.equal((await s.read.categories.findBySlug('legal'))?.id, id);
    assert.equal(await s.write((tx) => tx.categories.update(id + 100, { slug: 'x', name: 'x', description: '', sortOrder: 0 })), false);
    assert.equal(await s.read.categories.findBySlug('x'), undefined);
  });

  it("refuses to update a category to another's slug, with CategorySlugTakenError", async () => {
    const [law, society] = await s.write(async (tx) => [await addCategory(tx, 'law'), await addCategory(tx, 'society')]);
    await assert.rejects(
      s.write((tx) => tx.categories.update(society!, { slug: 'law', name: '改名', description: '', sortOrder: 1 })),
      (err) => err instanceof CategorySlugTakenError && err.slug === 'law',
    );
    assert.equal((await s.read.categories.findById(society!))?.slug, 'society');
    assert.equal((await s.read.categories.findById(law!))?.slug, 'law');
  });

  it('deletes an unused category; reports a missing one', async () => {
    const id = await s.write((tx) => addCategory(tx, 'law'));
    assert.deepEqual(await s.write((tx) => tx.categories.delete(id)), { status: 'deleted' });
    assert.equal(await s.read.categories.findById(id), undefined);
    assert.deepEqual(await s.write((tx) => tx.categories.delete(id)), { status: 'missing' });
  });

  it('refuses to delete a category with articles, counting those in the trash too', async () => {
    const id = await s.write(async (tx) => {
      const id = await addCategory(tx, 'law');
      await addArticle(tx, id);
      const trashed = await addArticle(tx, id);
      await tx.articles.moveToTrash(trashed, 0);
      return id;
    });
    assert.deepEqual(await s.write((tx) => tx.categories.delete(id)), { status: 'has-articles', articleCount: 2 });
    assert.equal((await s.read.categories.findById(id))?.slug, 'law');
  });
});
