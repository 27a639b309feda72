// The newsroom's storage (三审): review levels per category; an article's author, review stage and
// sign-off (setReview: only from the version the reviewer saw, a new version unless it is part of
// a save; a sign-off publishes and names the 责任编辑); counts per stage; WorkflowRepository: the
// history oldest first, and who approved since the last submission.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { searchTerms } from '../../src/lib/search-tokens.js';
import type { Repositories } from '../../src/repositories/index.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, addUser, articleFields, freshStorage, HOUR, MINUTE, NOW } from './support.js';

async function seed(tx: Repositories) {
  const category = await addCategory(tx);
  const reporter = await addUser(tx, 'jizhe', 'reporter');
  const editor = await addUser(tx, 'bianji', 'editor');
  const chief = await addUser(tx, 'zhubian', 'chief');
  const draft = await tx.articles.create(articleFields(category, { title: '草稿', status: 'draft', publishedAt: null }), NOW, {
    createdBy: reporter,
  });
  return { category, reporter, editor, chief, draft };
}

forEachBackend('workflow storage', (open) => {
  const s = freshStorage(open);

  it('stores review levels per category, 2 unless chosen', async () => {
    const ids = await s.write(async (tx) => ({
      two: await addCategory(tx, 'a', '甲'),
      three: await tx.categories.create({ slug: 'b', name: '乙', description: '', sortOrder: 2, reviewLevels: 3 }),
    }));
    assert.equal((await s.read.categories.findById(ids.two))?.reviewLevels, 2);
    assert.equal((await s.read.categories.findById(ids.three))?.reviewLevels, 3);
    const three = (await s.read.categories.findById(ids.three))!;
    await s.write((tx) => tx.categories.update(ids.three, { ...three, reviewLevels: 1 }));
    assert.equal((await s.read.categories.listAll()).find((c) => c.id === ids.three)?.reviewLevels, 1);
    assert.equal((await s.read.categories.listWithArticleCounts()).find((c) => c.id === ids.three)?.reviewLevels, 1);
  });

  it('keeps who wrote an article, moves it through review from the version seen, and signs it off', async () => {
    const { draft, reporter, chief, category } = await s.write(seed);
    const stored = (await s.read.articles.findById(draft))!;
    assert.deepEqual(
      [stored.createdBy, stored.reviewStage, stored.signedBy, stored.responsibleEditor, stored.version],
      [reporter, 0, null, '', 1],
    );
    assert.equal(await s.write((tx) => tx.articles.setReview(draft, 1, { reviewStage: 1 }, NOW + MINUTE)), true);
    assert.equal(
      await s.write((tx) => tx.articles.setReview(draft, 1, { reviewStage: 3 }, NOW + MINUTE)),
      false,
      'a stale version moves nothing',
    );
    assert.deepEqual(await s.read.articles.countInReview(), { 1: 1, 2: 0, 3: 0 });
    assert.deepEqual(
      (await s.read.articles.listForAdmin({ reviewStage: 1 }, 10, 0)).map((a) => a.id),
      [draft],
    );
    assert.equal(await s.read.articles.countForAdmin({ reviewStage: 3 }), 0);
    assert.equal(await s.read.articles.findVisibleById(draft, NOW + HOUR), undefined);
    assert.equal((await s.read.articles.search(searchTerms('草稿'), { limit: 5, offset: 0 }, NOW + HOUR)).total, 0);
    const signOff = { status: 'published' as const, publishedAt: NOW + MINUTE, signedBy: chief, responsibleEditor: '张主编' };
    assert.equal(await s.write((tx) => tx.articles.setReview(draft, 2, { reviewStage: 0, signOff }, NOW + MINUTE)), true);
    const signed = (await s.read.articles.findById(draft))!;
    assert.deepEqual(
      [signed.status, signed.reviewStage, signed.signedBy, signed.responsibleEditor, signed.version],
      ['published', 0, chief, '张主编', 3],
    );
    assert.equal((await s.read.articles.findVisibleById(draft, NOW + HOUR))?.responsibleEditor, '张主编', 'readers see the 责任编辑');
    const found = await s.read.articles.search(searchTerms('草稿'), { limit: 5, offset: 0 }, NOW + HOUR);
    assert.deepEqual(
      found.hits.map((hit) => hit.id),
      [draft],
      'a sign-off puts it in the search index',
    );
    assert.deepEqual(await s.read.articles.countInReview(), { 1: 0, 2: 0, 3: 0 });
    // part of a save: no second version
    const other = await s.write((tx) => addArticle(tx, category, { status: 'draft', publishedAt: null }));
    await s.write((tx) => tx.articles.setReview(other, 1, { reviewStage: 2, withSave: true }, NOW));
    assert.equal((await s.read.articles.findById(other))?.version, 1);
  });

  it('creates an article signed off at once with its 责任编辑', async () => {
    const { category, chief } = await s.write(seed);
    const id = await s.write((tx) => addArticle(tx, category, {}, NOW));
    assert.equal((await s.read.articles.findById(id))?.responsibleEditor, '');
    const signedAtOnce = await s.write((tx) =>
      tx.articles.create(articleFields(category, { title: '签发', publishedAt: NOW }), NOW, {
        createdBy: chief,
        signedBy: chief,
        responsibleEditor: '张主编',
      }),
    );
    const stored = (await s.read.articles.findById(signedAtOnce))!;
    assert.deepEqual([stored.createdBy, stored.signedBy, stored.responsibleEditor, stored.version], [chief, chief, '张主编', 1]);
  });

  it('keeps the history oldest first, and who approved since the last submission', async () => {
    const { draft, reporter, editor, chief } = await s.write(seed);
    const event = (
      userId: number,
      userName: string,
      action: 'submit' | 'approve' | 'return' | 'sign' | 'note',
      fromStage: 0 | 1 | 3,
      toStage: 0 | 1 | 3,
      note = '',
    ) => ({ articleId: draft, userId, userName, action, fromStage, toStage, note, override: false }) as const;
    await s.write(async (tx) => {
      await tx.workflow.add(event(reporter, '记者', 'submit', 0, 1), NOW);
      await tx.workflow.add(event(editor, '编辑', 'approve', 1, 3, '可以'), NOW + 1);
      await tx.workflow.add(event(chief, '主编', 'return', 3, 0, '请改'), NOW + 2);
    });
    assert.deepEqual(await s.read.workflow.approversThisRound(draft), [editor]);
    await s.write((tx) => tx.workflow.add(event(reporter, '记者', 'submit', 0, 1), NOW + 3));
    assert.deepEqual(await s.read.workflow.approversThisRound(draft), [], 'a new round');
    await s.write((tx) => tx.workflow.add({ ...event(chief, '主编', 'approve', 1, 3), override: true }, NOW + 4));
    const history = await s.read.workflow.listForArticle(draft);
    assert.deepEqual(
      history.map((e) => [e.userName, e.action, e.fromStage, e.toStage, e.note, e.override]),
      [
        ['记者', 'submit', 0, 1, '', false],
        ['编辑', 'approve', 1, 3, '可以', false],
        ['主编', 'return', 3, 0, '请改', false],
        ['记者', 'submit', 0, 1, '', false],
        ['主编', 'approve', 1, 3, '', true],
      ],
    );
    assert.deepEqual(await s.read.workflow.approversThisRound(draft), [chief]);
    assert.deepEqual(await s.read.workflow.listForArticle(999_999), []);
  });

  it('corrections: notes oldest first per article, the visible ones newest first; 更新于 and a new version', async () => {
    const { category, editor } = await s.write(seed);
    const shown = await s.write((tx) => addArticle(tx, category, { title: '可见' }));
    const hidden = await s.write((tx) => addArticle(tx, category, { title: '草稿', status: 'draft', publishedAt: null }));
    await s.write(async (tx) => {
      await tx.corrections.add({ articleId: shown, kind: 'correction', note: '更正一', userId: editor, userName: '编辑' }, NOW + 1);
      await tx.corrections.add({ articleId: hidden, kind: 'update', note: '草稿的', userId: editor, userName: '编辑' }, NOW + 2);
      await tx.corrections.add({ articleId: shown, kind: 'update', note: '更新二', userId: null, userName: '编辑' }, NOW + 3);
      assert.equal(await tx.articles.markCorrected(shown, NOW + 3), true);
    });
    assert.deepEqual(
      (await s.read.corrections.listForArticle(shown)).map((c) => [c.kind, c.note, c.createdAt]),
      [
        ['correction', '更正一', NOW + 1],
        ['update', '更新二', NOW + 3],
      ],
    );
    const listed = await s.read.corrections.listVisible({ limit: 10, offset: 0 }, NOW + HOUR);
    assert.deepEqual(
      listed.map((c) => [c.note, c.articleTitle]),
      [
        ['更新二', '可见'],
        ['更正一', '可见'],
      ],
    );
    assert.equal(await s.read.corrections.countVisible(NOW + HOUR), 2);
    assert.deepEqual(
      (await s.read.corrections.listVisible({ limit: 1, offset: 1 }, NOW + HOUR)).map((c) => c.note),
      ['更正一'],
    );
    const stored = (await s.read.articles.findById(shown))!;
    assert.deepEqual([stored.correctedAt, stored.version], [NOW + 3, 2]);
    assert.equal((await s.read.articles.findVisibleById(shown, NOW + HOUR))?.correctedAt, NOW + 3);
  });

  it('retraction: only a published article; it becomes a withdrawn draft, out of the search, found by findRetracted, purgeable', async () => {
    const { category } = await s.write(seed);
    const id = await s.write((tx) => addArticle(tx, category, { title: '撤稿测试' }));
    const draft = await s.write((tx) => addArticle(tx, category, { status: 'draft', publishedAt: null }));
    const notice = { reason: '事实有误', showsTitle: false };
    assert.equal(await s.write((tx) => tx.articles.retract(draft, notice, NOW + HOUR)), false, 'not published');
    assert.equal((await s.read.articles.search(searchTerms('撤稿测试'), { limit: 5, offset: 0 }, NOW + HOUR)).total, 1);
    assert.equal(await s.write((tx) => tx.articles.retract(id, notice, NOW + HOUR)), true);
    assert.equal(await s.write((tx) => tx.articles.retract(id, notice, NOW + HOUR)), false, 'once');
    assert.equal(await s.read.articles.findVisibleById(id, NOW + 2 * HOUR), undefined);
    assert.equal((await s.read.articles.search(searchTerms('撤稿测试'), { limit: 5, offset: 0 }, NOW + 2 * HOUR)).total, 0);
    assert.deepEqual(await s.read.articles.findRetracted(id), {
      id,
      categoryId: category,
      title: '撤稿测试',
      retractedAt: NOW + HOUR,
      reason: '事实有误',
      showsTitle: false,
    });
    assert.equal(await s.read.articles.findRetracted(draft), undefined);
    assert.deepEqual(
      (await s.read.articles.listForAdmin({ status: 'retracted' }, 10, 0)).map((a) => a.id),
      [id],
    );
    assert.ok(!(await s.read.articles.listForAdmin({ status: 'draft' }, 10, 0)).some((a) => a.id === id), 'not among the drafts');
    assert.equal(await s.write((tx) => tx.articles.purge(draft)), false, 'a draft is purged only from the trash');
    assert.equal(await s.write((tx) => tx.articles.purge(id)), true, 'a withdrawn article may be purged');
    assert.equal(await s.read.articles.findRetracted(id), undefined);
  });

  it('keeps a 转载 and its original, and clears it when the article is no longer one', async () => {
    const { category } = await s.write(seed);
    const reprint = { originalTitle: '原来的标题', originalAuthor: '原作者', originalUrl: 'https://news.example.cn/a/1' };
    const id = await s.write((tx) => addArticle(tx, category, { source: '新华社', reprint }));
    assert.deepEqual((await s.read.articles.findById(id))?.reprint, reprint);
    assert.deepEqual((await s.read.articles.findVisibleById(id, NOW + HOUR))?.reprint, reprint);
    const stored = (await s.read.articles.findById(id))!;
    await s.write((tx) =>
      tx.articles.update(id, stored.version, { ...stored, publishedAt: stored.publishedAt, reprint: null }, NOW + MINUTE),
    );
    assert.equal((await s.read.articles.findById(id))?.reprint, null);
    const own = await s.write((tx) => addArticle(tx, category));
    assert.equal((await s.read.articles.findById(own))?.reprint, null);
  });
});
