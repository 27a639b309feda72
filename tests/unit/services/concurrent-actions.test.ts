// Actions that read before they write stay right when two arrive at once: in one process
// (queued transactions) and from two (a worker thread with its own connections to the file,
// as with WORKERS=2).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { DraftOutcome } from '../../../src/services/article-service.js';
import { ArticleService } from '../../../src/services/article-service.js';
import type { WorkflowActor } from '../../../src/services/workflow-service.js';
import { PollService } from '../../../src/services/poll-service.js';
import type { StorageAccess } from '../../../src/services/storage-access.js';
import { UserAdminService } from '../../../src/services/user-admin-service.js';
import { articleFields } from '../../support/article-fields.js';
import { addArticle, addCategory, makeTestDb, type TestDb } from '../../support/fixtures.js';
import { makeClock } from '../../support/test-app.js';

const clock = makeClock();
const actor: WorkflowActor = { id: 1, username: 'chief', displayName: '主编', role: 'admin' };
let t: TestDb;

before(async () => {
  t = makeTestDb();
  await t.repositories.users.create({ username: 'chief', displayName: '总编', passwordHash: 'x', role: 'admin' }, clock());
});
after(() => t.close());

describe('two requests at once in one process', () => {
  it('turning a submission into a draft twice makes one draft', async () => {
    const categoryId = await addCategory(t.repositories, 'drafts', '投稿');
    const submissionId = await addSubmission('线索甲');
    const articles = new ArticleService(t.storage, clock);
    const outcomes = await Promise.all([
      articles.draftFromSubmission(actor, submissionId, categoryId),
      articles.draftFromSubmission(actor, submissionId, categoryId),
    ]);
    await assertOneDraft(outcomes, '线索甲');
  });

  it('two saves of one article from the same version: one is saved, the other is told of the conflict', async () => {
    const categoryId = await addCategory(t.repositories, 'saves', '保存');
    const id = await addArticle(t.repositories, categoryId, clock(), { title: '原稿' });
    const articles = new ArticleService(t.storage, clock);
    const outcomes = await Promise.all([
      articles.update(actor, id, 1, articleFields(categoryId, clock(), { title: '甲的修改' })),
      articles.update(actor, id, 1, articleFields(categoryId, clock(), { title: '乙的修改' })),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['updated', 'conflict'],
    );
    const article = (await t.repositories.articles.findById(id))!;
    assert.equal(article.title, '甲的修改');
    assert.equal(article.version, 2);
  });

  it('two votes from one session: one counts', async () => {
    const pollId = await t.repositories.polls.create(
      { question: '投票', isMultiple: false, startsAt: clock() - 1000, endsAt: null, options: [{ label: '是' }, { label: '否' }] },
      clock(),
    );
    const optionId = (await t.repositories.polls.findById(pollId))!.options[0]!.id;
    const vote = { pollId, optionIds: [optionId], sessionId: 'one session', ipHash: 'h' };
    const polls = new PollService(t.storage, clock);
    assert.deepEqual(await Promise.all([polls.vote(vote), polls.vote(vote)]), ['counted', 'already-voted']);
    assert.equal((await t.repositories.polls.findById(pollId))!.options[0]!.votes, 1);
  });

  it('two admins demoting each other: one admin stays', async () => {
    const users = new UserAdminService(t.storage, clock);
    const created = await Promise.all(
      ['a', 'b'].map((name) => users.create(actor, { username: name, displayName: name, role: 'admin', password: 'password-x-1' })),
    );
    const ids = created.map((o) => (o.kind === 'created' ? o.id : 0));
    await t.repositories.users.update(1, { displayName: '总编', role: 'editor' }); // the two are now the last admins
    const outcomes = await Promise.all(ids.map((id) => users.update(actor, id, { displayName: 'x', role: 'editor' }, '')));
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['changed', 'last-admin'],
    );
    assert.equal(await t.repositories.users.countAdmins(), 1);
  });
});

describe('two requests at once from two processes', () => {
  it('turning a submission into a draft twice makes one draft', async () => {
    const categoryId = await addCategory(t.repositories, 'drafts-2', '投稿二');
    const submissionId = await addSubmission('线索乙');
    const other = new Worker(new URL('./draft-in-worker.ts', import.meta.url), { workerData: { file: t.file, submissionId, categoryId } });
    const [ready] = (await once(other, 'message')) as [string];
    assert.equal(ready, 'ready');
    // This process holds its transaction open until the other has started its action and had
    // time to read what it would read (the pause only widens the window a wrong order of
    // reading and writing would need; the right order passes however long it is).
    let answered: Promise<[DraftOutcome]> | undefined;
    const here = new ArticleService(
      holdingOpen(t.storage, async () => {
        other.postMessage('go');
        assert.deepEqual(await once(other, 'message'), ['going']);
        answered = once(other, 'message') as Promise<[DraftOutcome]>;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }),
      clock,
    );
    const mine = await here.draftFromSubmission(actor, submissionId, categoryId);
    const [theirs] = await answered!;
    await other.terminate();
    await assertOneDraft([mine, theirs], '线索乙');
  });
});

/** The storage, with each transaction waiting for `whileOpen` before its work. */
function holdingOpen(storage: StorageAccess, whileOpen: () => Promise<void>): StorageAccess {
  return {
    repositories: storage.repositories,
    transaction: (work) =>
      storage.transaction(async (tx) => {
        await whileOpen();
        return work(tx);
      }),
  };
}

async function assertOneDraft(outcomes: DraftOutcome[], title: string): Promise<void> {
  assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['created', 'existing']);
  const ids = outcomes.map((o) => (o.kind === 'not-found' ? 0 : o.articleId));
  assert.equal(ids[0], ids[1], 'both answers name the same draft');
  assert.equal(await t.repositories.articles.countForAdmin({ status: 'draft', titleContains: title }), 1);
  assert.equal((await t.repositories.articleRevisions.listForArticle(ids[0]!)).length, 1, 'the draft has its first revision');
}

function addSubmission(title: string): Promise<number> {
  return t.repositories.submissions.create({ name: '读者', contact: '', title, body: '内容', ipHash: 'h' }, clock());
}
