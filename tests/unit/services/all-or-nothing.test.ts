// Every write service leaves nothing of an action behind when it fails halfway. Each action
// is run again and again with a failure injected after its 1st, 2nd, 3rd ... repository call
// inside the transaction; after each failed run every table must be exactly as before, and
// the run that gets through must have changed something (so the action was exercised).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SiteSettings } from '../../../src/domain/types.js';
import type { Repositories } from '../../../src/repositories/index.js';
import { ArticleService } from '../../../src/services/article-service.js';
import { CorrectionService } from '../../../src/services/correction-service.js';
import { WorkflowService } from '../../../src/services/workflow-service.js';
import type { WorkflowActor } from '../../../src/services/workflow-service.js';
import { CategoryService } from '../../../src/services/category-service.js';
import { CommentService } from '../../../src/services/comment-service.js';
import { ModerationService } from '../../../src/services/moderation-service.js';
import { PageService } from '../../../src/services/page-service.js';
import { PollService } from '../../../src/services/poll-service.js';
import { RateLimitService } from '../../../src/services/rate-limit-service.js';
import { AppealService } from '../../../src/services/appeal-service.js';
import { codeHash, newCode } from '../../../src/services/receipt-code.js';
import { ReportService } from '../../../src/services/report-service.js';
import { RetentionService } from '../../../src/services/retention-service.js';
import { SettingsService } from '../../../src/services/settings-service.js';
import { DEFAULT_SETTINGS } from '../../../src/services/site-settings.js';
import { StaffService } from '../../../src/services/staff-service.js';
import type { StorageAccess } from '../../../src/services/storage-access.js';
import { SubmissionService } from '../../../src/services/submission-service.js';
import { UserAdminService } from '../../../src/services/user-admin-service.js';
import type { Transact } from '../../../src/storage/storage.js';
import { articleFields } from '../../support/article-fields.js';
import { addArticle, addCategory, makeTestDb, type TestDb } from '../../support/fixtures.js';
import { makeClock } from '../../support/test-app.js';

class InjectedFailure extends Error {}

/** The storage with a failure injected after the n-th repository call inside a transaction. */
class FailingStorage implements StorageAccess {
  failAfterCall = Infinity;
  private calls = 0;

  constructor(private readonly inner: StorageAccess) {}

  get repositories(): Repositories {
    return this.inner.repositories;
  }

  transaction: Transact = (work) => this.inner.transaction((tx) => work(this.failing(tx)));

  reset(failAfterCall: number): void {
    this.failAfterCall = failAfterCall;
    this.calls = 0;
  }

  private failing(tx: Repositories): Repositories {
    return new Proxy(tx, {
      get: (repositories, name: string) =>
        new Proxy(repositories[name as keyof Repositories], {
          get: (repository, method: string) => {
            const original = (repository as unknown as Record<string, unknown>)[method];
            if (typeof original !== 'function') return original;
            return async (...args: unknown[]) => {
              const result: unknown = await original.apply(repository, args);
              if (++this.calls === this.failAfterCall) throw new InjectedFailure(`after call ${this.calls}: ${name}.${method}`);
              return result;
            };
          },
        }),
    });
  }
}

let t: TestDb;
let storage: FailingStorage;
const clock = makeClock();
/** An admin: signs off at any level, as a fresh site's one account does. */
const actor: WorkflowActor = { id: 1, username: 'chief', displayName: '主编', role: 'admin' };

const rowsOf = (table: string) => t.db.prepare(`SELECT * FROM "${table}"`).all();

/** Every row of every table (the search index's tables too), to compare before and after. */
function snapshot(): Record<string, unknown[]> {
  const tables = t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const rowsInOrder = (table: string) =>
    rowsOf(table)
      .map((row) => JSON.stringify(row))
      .sort();
  return Object.fromEntries(tables.map((table) => [table, rowsInOrder(table)]));
}

/**
 * Runs `action` with a failure after each of its repository calls in turn, checking that each
 * failed run left every table unchanged; finally lets it through and checks that it wrote.
 * Returns what the successful run returned.
 */
async function assertAllOrNothing<T>(action: () => Promise<T>): Promise<T> {
  for (let failAfter = 1; failAfter < 100; failAfter++) {
    const before = snapshot();
    storage.reset(failAfter);
    let result: T;
    try {
      result = await action();
    } catch (err) {
      if (!(err instanceof InjectedFailure)) throw err;
      assert.deepEqual(snapshot(), before, `a failure ${err.message} left something behind`);
      continue;
    }
    assert.ok(failAfter > 1, 'the action made no repository call in a transaction');
    assert.notDeepEqual(snapshot(), before, 'the action that got through changed nothing');
    storage.reset(Infinity);
    return result;
  }
  assert.fail('the action never got through');
}

before(async () => {
  t = makeTestDb();
  storage = new FailingStorage(t.storage);
  await t.repositories.users.create({ username: 'chief', displayName: '总编', passwordHash: 'x', role: 'admin' }, clock());
});
after(() => t.close());

describe('write services: a failure halfway leaves nothing behind', () => {
  it('ArticleService: create, update, restore a revision, trash, restore, purge, draft from a submission', async () => {
    const articles = new ArticleService(storage, clock);
    const categoryId = await addCategory(t.repositories, 'all-or-nothing', '测试');
    const fields = articleFields(categoryId, clock(), { title: '原稿' });
    const created = await assertAllOrNothing(() => articles.create(actor, fields));
    assert.equal(created.kind, 'created');
    const id = created.kind === 'created' ? created.id : 0;
    const firstRevision = (await t.repositories.articleRevisions.listForArticle(id))[0]!;
    const updated = await assertAllOrNothing(() => articles.update(actor, id, 1, { ...fields, title: '改稿' }));
    assert.equal(updated.kind, 'updated');
    assert.equal((await assertAllOrNothing(() => articles.restoreRevision(actor, id, firstRevision.id))).kind, 'updated');
    // the trash takes drafts (a published article leaves only by 撤稿)
    const trashable = await articles.create(actor, { ...fields, title: '草稿', status: 'draft', publishedAt: null });
    const draftId = trashable.kind === 'created' ? trashable.id : 0;
    assert.equal(await assertAllOrNothing(() => articles.trash(actor, draftId)), 'done');
    assert.equal(await assertAllOrNothing(() => articles.restore(actor, draftId)), 'done');
    await articles.trash(actor, draftId);
    assert.equal(await assertAllOrNothing(() => articles.purge(actor, draftId)), 'done');

    const submissionId = await t.repositories.submissions.create(
      { name: '读者', contact: 'a@example.com', title: '线索', body: '内容', ipHash: 'h' },
      clock(),
    );
    const draft = await assertAllOrNothing(() => articles.draftFromSubmission(actor, submissionId, categoryId));
    assert.equal(draft.kind, 'created');
    assert.equal((await articles.draftFromSubmission(actor, submissionId, categoryId)).kind, 'existing');
  });

  it('WorkflowService and CorrectionService: submit, approve, return, sign off, a note, a correction, 撤稿', async () => {
    const workflow = new WorkflowService(storage, clock);
    const notices = new CorrectionService(storage, clock);
    const categoryId = await addCategory(t.repositories, 'workflow', '三审');
    const created = await new ArticleService(storage, clock).create(
      actor,
      articleFields(categoryId, clock(), { status: 'draft', publishedAt: null }),
    );
    const id = created.kind === 'created' ? created.id : 0;
    const version = async () => (await t.repositories.articles.findById(id))!.version;
    assert.equal((await assertAllOrNothing(async () => workflow.submit(actor, id, await version()))).kind, 'done');
    assert.equal((await assertAllOrNothing(async () => workflow.addNote(actor, id, await version(), '意见'))).kind, 'done');
    assert.equal((await assertAllOrNothing(async () => workflow.returnForChanges(actor, id, await version(), '请改'))).kind, 'done');
    await workflow.submit(actor, id, await version());
    assert.equal((await assertAllOrNothing(async () => workflow.approve(actor, id, await version(), ''))).kind, 'done');
    assert.equal((await assertAllOrNothing(async () => workflow.signOff(actor, id, await version(), null))).kind, 'done');
    assert.equal(await assertAllOrNothing(() => notices.correct(actor, id, 'correction', '更正说明')), 'done');
    assert.equal(await assertAllOrNothing(() => notices.retract(actor, id, '撤稿说明', true)), 'done');
  });

  it('a reporter’s change (修改稿): proposing it, signing it off, dropping it', async () => {
    const articles = new ArticleService(storage, clock);
    const workflow = new WorkflowService(storage, clock);
    const reporterId = await t.repositories.users.create(
      { username: 'jizhe', displayName: '记者', passwordHash: 'x', role: 'reporter' },
      clock(),
    );
    const reporter: WorkflowActor = { id: reporterId, username: 'jizhe', displayName: '记者', role: 'reporter' };
    const categoryId = await addCategory(t.repositories, 'changes', '修改稿');
    const draft = articleFields(categoryId, clock(), { status: 'draft', publishedAt: null });
    const created = await articles.create(reporter, draft);
    const id = created.kind === 'created' ? created.id : 0;
    const version = async () => (await t.repositories.articles.findById(id))!.version;
    await workflow.signOff(actor, id, await version(), null);
    const signed = (await t.repositories.articles.findById(id))!;
    const change = { ...draft, status: signed.status, publishedAt: signed.publishedAt, title: '修改稿' };
    assert.equal((await assertAllOrNothing(async () => articles.update(reporter, id, await version(), change))).kind, 'proposed');
    assert.equal((await assertAllOrNothing(async () => workflow.signOff(actor, id, await version(), null))).kind, 'done');
    assert.equal((await t.repositories.articles.findById(id))!.title, '修改稿');
    await articles.update(reporter, id, await version(), { ...change, title: '又一份修改稿' });
    assert.equal((await assertAllOrNothing(async () => workflow.discardChange(reporter, id, await version(), ''))).kind, 'done');
  });

  it('ModerationService: decisions on several comments, the mode, the word list', async () => {
    const moderation = new ModerationService(storage, clock);
    const categoryId = await addCategory(t.repositories, 'moderation', '评论');
    const articleId = await addArticle(t.repositories, categoryId, clock());
    const ids: number[] = [];
    for (const body of ['一', '二', '三']) {
      ids.push(await t.repositories.comments.create({ articleId, nickname: '网友', body, status: 'pending', ipHash: 'h' }, clock()));
    }
    assert.equal((await assertAllOrNothing(() => moderation.decide(actor, 'approve', ids))).length, 3);
    assert.equal((await assertAllOrNothing(() => moderation.decide(actor, 'delete', ids))).length, 3);
    assert.deepEqual(
      rowsOf('comments').flatMap((row) => (ids.includes((row as { id: number }).id) ? [(row as { status: string }).status] : [])),
      ['deleted', 'deleted', 'deleted'],
      'deletion keeps the rows, for their floors and appeals',
    );
    assert.equal(await assertAllOrNothing(() => moderation.setMode(actor, 'review')), true);
    const wordId = await assertAllOrNothing(() => moderation.addWord(actor, '违禁'));
    assert.equal(await assertAllOrNothing(() => moderation.removeWord(actor, wordId!)), '违禁');
  });

  it('PollService: a vote, and creating, editing, showing and deleting a poll', async () => {
    const polls = new PollService(storage, clock);
    const poll = { question: '满意吗？', isMultiple: false, startsAt: clock() - 1000, endsAt: null };
    const id = await assertAllOrNothing(() => polls.create(actor, { ...poll, options: [{ label: '满意' }, { label: '不满意' }] }));
    const options = (await t.repositories.polls.findById(id))!.options;
    const changes = { ...poll, question: '满意吗', options: [{ id: options[0]!.id, label: '满意' }, { label: '一般' }] };
    assert.equal(await assertAllOrNothing(() => polls.update(actor, id, changes)), true);
    const vote = { pollId: id, optionIds: [options[0]!.id], sessionId: 'session-1', ipHash: 'h' };
    assert.equal(await assertAllOrNothing(() => polls.vote(vote)), 'counted');
    await assertAllOrNothing(() => polls.showInSidebar(actor, { id, question: poll.question }));
    assert.equal(await assertAllOrNothing(() => polls.delete(actor, id)), true);
    assert.equal((await t.repositories.settings.getAll()).sidebarPollId, '', 'the sidebar choice went with the poll');
  });

  it('UserAdminService: create, change role and password (ending sessions), delete', async () => {
    const users = new UserAdminService(storage, clock);
    const created = await assertAllOrNothing(() =>
      users.create(actor, { username: 'deputy', displayName: '副总编', role: 'admin', password: 'password-one-1' }),
    );
    assert.equal(created.kind, 'created');
    const id = created.kind === 'created' ? created.id : 0;
    await t.repositories.sessions.save('deputy-session', '{}', clock() + 3_600_000, id);
    const changed = await assertAllOrNothing(() =>
      users.update(actor, id, { displayName: '编辑', role: 'editor', password: 'password-two-2' }, 'x'),
    );
    assert.equal(changed.kind, 'changed');
    assert.equal(await t.repositories.sessions.find('deputy-session', clock()), undefined, 'the demoted account was logged out');
    assert.equal((await assertAllOrNothing(() => users.delete(actor, id))).kind, 'changed');
  });

  it('SubmissionService: a submission, archive and restore', async () => {
    const submissions = new SubmissionService(storage, clock);
    const submitted = await assertAllOrNothing(() =>
      submissions.submit({ name: '读者', contact: '', title: '新线索', body: '新内容', ipHash: 'submitter' }),
    );
    assert.equal(submitted.kind, 'created');
    const id = submitted.kind === 'created' ? submitted.id : 0;
    assert.equal((await assertAllOrNothing(() => submissions.open(id)))?.status, 'read');
    assert.equal(await assertAllOrNothing(() => submissions.archive(actor, id)), 'done');
    assert.equal(await assertAllOrNothing(() => submissions.restore(actor, id)), 'done');
  });

  it('SettingsService, CategoryService, StaffService, PageService', async () => {
    const labels = Object.fromEntries(Object.keys(DEFAULT_SETTINGS).map((key) => [key, key])) as Record<keyof SiteSettings, string>;
    const settings = new SettingsService(storage, clock);
    const current = await t.repositories.settings.getAll();
    const values = { ...DEFAULT_SETTINGS, ...current, siteName: '新站名', icpNumber: '京ICP备00000000号' } as SiteSettings;
    assert.deepEqual((await assertAllOrNothing(() => settings.update(actor, values, labels))).sort(), ['icpNumber', 'siteName']);

    const categories = new CategoryService(storage, clock);
    const category = { slug: 'culture', name: '文化', description: '', sortOrder: 9 };
    const categoryId = await assertAllOrNothing(() => categories.create(actor, category));
    const existing = { id: categoryId, commentPolicy: 'open' as const, reviewLevels: 2, ...category };
    assert.equal(await assertAllOrNothing(() => categories.update(actor, existing, { ...category, name: '文旅' })), true);
    assert.equal((await assertAllOrNothing(() => categories.delete(actor, existing))).kind, 'deleted');

    const staff = new StaffService(storage, clock);
    const member = { name: '张三', cardNumber: 'A-001', position: '记者', department: '新闻部', status: 'active' as const, photo: null };
    const memberId = await assertAllOrNothing(() => staff.create(actor, member));
    assert.equal(await assertAllOrNothing(() => staff.update(actor, { id: memberId, ...member }, { ...member, status: 'left' })), true);
    assert.equal(await assertAllOrNothing(() => staff.delete(actor, { id: memberId, ...member })), true);

    const pages = new PageService(storage, clock);
    assert.equal(await assertAllOrNothing(() => pages.create(actor, { slug: 'about', title: '关于我们', bodyHtml: '<p>简介</p>' })), true);
    assert.equal(await assertAllOrNothing(() => pages.update(actor, { slug: 'about', title: '关于本站', bodyHtml: '<p>新</p>' })), true);
  });

  it('RateLimitService: a hit (with the cleanup it brings along), taking it back, a reset', async () => {
    await t.repositories.rateLimits.hit('staff:198.51.100.7', 1000, clock() - 5000); // a window that has ended
    const limits = new RateLimitService(storage.transaction, clock);
    assert.equal((await assertAllOrNothing(() => limits.hit('staff:203.0.113.9', 60_000))).hits, 1);
    assert.equal(rowsOf('rate_limit_hits').length, 1, 'the ended window was removed');
    await limits.hit('staff:203.0.113.9', 60_000);
    await assertAllOrNothing(() => limits.undo('staff:203.0.113.9'));
    await assertAllOrNothing(() => limits.reset('staff:203.0.113.9'));
    assert.equal(rowsOf('rate_limit_hits').length, 0);
  });

  it('CommentService: a comment within the address limits', async () => {
    const comments = new CommentService(storage, clock, (ip) => `hash:${ip}`);
    const categoryId = await addCategory(t.repositories, 'comments', '评论区');
    const articleId = await addArticle(t.repositories, categoryId, clock());
    const input = { articleId, nickname: '网友', body: '说得好', ip: '203.0.113.9', moderation: 'review' as const };
    const outcome = await assertAllOrNothing(() => comments.submit(input));
    assert.deepEqual(outcome.kind === 'created' && outcome.status, 'pending');
    assert.equal(rowsOf('comments').filter((row) => (row as { article_id: number }).article_id === articleId).length, 1);
  });

  it('ReportService and RetentionService: a report that hides its comment, a decision, the purge', async () => {
    const reports = new ReportService(storage, clock, (ip) => `hash:${ip}`);
    const categoryId = await addCategory(t.repositories, 'reports', '举报区');
    const articleId = await addArticle(t.repositories, categoryId, clock());
    const commentId = await t.repositories.comments.create(
      { articleId, nickname: '网友', body: '被举报', status: 'approved', ipHash: 'h' },
      clock() - 400 * 24 * 3_600_000,
    );
    const input = { commentId, ip: '203.0.113.9', reason: 'abuse' as const, detail: '说明', hideThreshold: 1 };
    const outcome = await assertAllOrNothing(() => reports.report(input));
    assert.equal(outcome.kind === 'reported' && outcome.hidden, true);
    assert.equal((await t.repositories.comments.findById(commentId))?.status, 'pending');
    assert.equal(await assertAllOrNothing(() => reports.decide(actor, commentId, 'keep')), true);
    assert.equal((await t.repositories.comments.findById(commentId))?.status, 'approved');

    clock.advance(200 * 24 * 3_600_000);
    const retention = new RetentionService(storage, clock);
    const purged = await assertAllOrNothing(() => retention.purge({ submissionContacts: 180, reportDetails: 180 }));
    assert.equal(purged.reportDetails, 1);

    const appeals = new AppealService(storage, clock);
    const code = newCode();
    const hidden = await t.repositories.comments.create(
      { articleId, nickname: '网友', body: '被隐藏', status: 'rejected', ipHash: 'h', appealHash: codeHash(code) },
      clock(),
    );
    assert.equal(await assertAllOrNothing(() => appeals.appeal(code, '请复核')), 'created');
    const [open] = await t.repositories.appeals.listOpen({ limit: 1 });
    assert.equal(await assertAllOrNothing(() => appeals.decide(actor, open!.id, 'restore')), true);
    assert.equal((await t.repositories.comments.findById(hidden))?.status, 'approved');
  });
});
