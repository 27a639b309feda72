// ReportRepository (举报): one report per address per comment; open reports grouped per comment
// with the distinct reporters, the reasons and the first report, the longest waiting first; a
// decision closes every open report of the comment; the outcome found by the receipt's hash,
// still there after the comment is deleted.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { NewReport } from '../../src/repositories/report-repository.js';
import type { Repositories } from '../../src/repositories/index.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, MINUTE, NOW } from './support.js';

async function seed(tx: Repositories) {
  const article = await addArticle(tx, await addCategory(tx), { title: '被举报评论所在文章' });
  const comment = (body: string) =>
    tx.comments.create({ articleId: article, nickname: '网友', body, status: 'approved', ipHash: 'h' }, NOW - 60 * MINUTE);
  return { article, first: await comment('第一条'), second: await comment('第二条') };
}

const report = (commentId: number, reporter: string, reason = 'abuse', receipt = `${commentId}-${reporter}`): NewReport => ({
  commentId,
  reporterHash: reporter,
  reason,
  detail: '',
  receiptHash: receipt,
});

forEachBackend('report repository', (open) => {
  const s = freshStorage(open);

  it('takes one report per address per comment, and counts distinct reporters of open reports', async () => {
    const { first, second } = await s.write(seed);
    assert.equal(await s.write((tx) => tx.reports.create(report(first, 'a'), NOW)), true);
    assert.equal(await s.write((tx) => tx.reports.create(report(first, 'a', 'spam', 'again'), NOW)), false, 'the same address again');
    assert.equal(await s.write((tx) => tx.reports.create(report(first, 'b'), NOW)), true);
    assert.equal(await s.write((tx) => tx.reports.create(report(second, 'a'), NOW)), true, 'another comment');
    assert.equal(await s.read.reports.countOpenReporters(first), 2);
    assert.equal(await s.read.reports.countOpenReporters(second), 1);
    assert.equal(await s.read.reports.findByReceipt('again'), undefined, 'the refused report left nothing');
  });

  it('lists the reported comments the longest waiting first, with reporters, reasons and article', async () => {
    const { first, second } = await s.write(seed);
    await s.write(async (tx) => {
      await tx.reports.create(report(second, 'a', 'rumour'), NOW - 10 * MINUTE);
      await tx.reports.create(report(first, 'a', 'abuse'), NOW - 5 * MINUTE);
      await tx.reports.create(report(first, 'b', 'spam'), NOW - 4 * MINUTE);
      await tx.reports.create(report(first, 'c', 'abuse'), NOW - 3 * MINUTE);
    });
    const listed = await s.read.reports.listOpen({ limit: 10 });
    assert.deepEqual(
      listed.map((r) => [r.comment.body, r.reports, r.reasons, r.firstReportedAt, r.articleTitle]),
      [
        ['第二条', 1, ['rumour'], NOW - 10 * MINUTE, '被举报评论所在文章'],
        ['第一条', 3, ['abuse', 'spam'], NOW - 5 * MINUTE, '被举报评论所在文章'],
      ],
    );
    assert.deepEqual(listed[1]!.comment, await s.read.comments.findById(first));
    assert.equal(await s.read.reports.countOpen(), 2);
    assert.deepEqual(
      (await s.read.reports.listOpen({ limit: 1, offset: 1 })).map((r) => r.comment.id),
      [first],
    );
  });

  it('a decision closes every open report of the comment; the receipt finds the outcome, even after deletion', async () => {
    const { first, second } = await s.write(seed);
    await s.write(async (tx) => {
      await tx.reports.create(report(first, 'a', 'abuse', 'receipt-a'), NOW - 5 * MINUTE);
      await tx.reports.create(report(first, 'b', 'spam', 'receipt-b'), NOW - 4 * MINUTE);
      await tx.reports.create(report(second, 'a', 'spam', 'receipt-c'), NOW - 4 * MINUTE);
    });
    assert.deepEqual(await s.read.reports.findByReceipt('receipt-a'), {
      reason: 'abuse',
      createdAt: NOW - 5 * MINUTE,
      decision: null,
      decidedAt: null,
    });
    assert.equal(await s.write((tx) => tx.reports.decideOpen(first, 'delete', NOW)), 2);
    await s.write((tx) => tx.comments.setStatus([first], 'deleted'));
    assert.deepEqual(await s.read.reports.findByReceipt('receipt-a'), {
      reason: 'abuse',
      createdAt: NOW - 5 * MINUTE,
      decision: 'delete',
      decidedAt: NOW,
    });
    assert.equal((await s.read.reports.findByReceipt('receipt-c'))?.decision, null, 'the other comment is still open');
    assert.equal(await s.read.reports.countOpen(), 1);
    assert.equal(await s.write((tx) => tx.reports.decideOpen(first, 'keep', NOW)), 0, 'nothing open is left');
    assert.equal(await s.read.reports.countOpenReporters(second), 1);
    // a new report after a decision opens the comment again
    await s.write((tx) => tx.reports.decideOpen(second, 'keep', NOW));
    assert.equal(await s.write((tx) => tx.reports.create(report(second, 'z', 'spam', 'receipt-z'), NOW + MINUTE)), true);
    assert.equal(await s.read.reports.countOpenReporters(second), 1);
  });

  it('deletes the notes and reporter hashes of reports decided long enough ago; reason and outcome stay', async () => {
    const { first, second } = await s.write(seed);
    await s.write(async (tx) => {
      await tx.reports.create({ ...report(first, 'a', 'abuse', 'r-a'), detail: '说明甲' }, NOW - 10 * MINUTE);
      await tx.reports.create({ ...report(first, 'b', 'spam', 'r-b'), detail: '说明乙' }, NOW - 10 * MINUTE);
      await tx.reports.create({ ...report(second, 'a', 'spam', 'r-c'), detail: '未处理' }, NOW - 10 * MINUTE);
      await tx.reports.decideOpen(first, 'keep', NOW - 8 * MINUTE);
    });
    assert.equal(await s.write((tx) => tx.reports.purgeDetailsDecidedBefore(NOW - 9 * MINUTE)), 0);
    assert.equal(await s.write((tx) => tx.reports.purgeDetailsDecidedBefore(NOW - 5 * MINUTE)), 2);
    assert.deepEqual(await s.read.reports.findByReceipt('r-a'), {
      reason: 'abuse',
      createdAt: NOW - 10 * MINUTE,
      decision: 'keep',
      decidedAt: NOW - 8 * MINUTE,
    });
    assert.deepEqual((await s.read.reports.listOpen({ limit: 5 }))[0]?.details, ['未处理'], 'open reports keep theirs');
    assert.equal(await s.write((tx) => tx.reports.purgeDetailsDecidedBefore(NOW)), 0, 'once');
    assert.equal(
      await s.write((tx) => tx.reports.create(report(first, 'a', 'spam', 'r-again'), NOW)),
      true,
      'the address is forgotten too',
    );
  });
});
