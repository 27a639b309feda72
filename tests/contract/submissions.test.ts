// SubmissionRepository: reader submissions (投稿信箱) — stored as new; per-address and
// duplicate checks; the inbox newest first, by status, paged and counted; status changes, the
// new -> read step, and the link to the article drafted from a submission.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { NewSubmission } from '../../src/repositories/submission-repository.js';
import type { Repositories } from '../../src/repositories/index.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, MINUTE, NOW } from './support.js';

function submission(title: string, extra: Partial<NewSubmission> = {}): NewSubmission {
  return { name: '王读者', contact: 'wang@example.com', title, body: `${title}的正文`, ipHash: 'ip-a', ...extra };
}

async function seedInbox(tx: Repositories) {
  return {
    first: await tx.submissions.create(submission('一'), NOW - 3 * MINUTE),
    second: await tx.submissions.create(submission('二', { ipHash: 'ip-b' }), NOW - 2 * MINUTE),
    third: await tx.submissions.create(submission('三'), NOW - MINUTE),
  };
}

const titles = (list: { title: string }[]) => list.map((x) => x.title);

forEachBackend('submission repository', (open) => {
  const s = freshStorage(open);

  it('stores a submission as new, without an article, every field kept', async () => {
    const id = await s.write((tx) => tx.submissions.create(submission('投稿标题'), NOW));
    assert.deepEqual(await s.read.submissions.findById(id), {
      id,
      name: '王读者',
      contact: 'wang@example.com',
      title: '投稿标题',
      body: '投稿标题的正文',
      status: 'new',
      articleId: null,
      createdAt: NOW,
    });
    assert.equal(await s.read.submissions.findById(id + 1), undefined);
  });

  it('counts the submissions from an address since an instant', async () => {
    await s.write(seedInbox);
    const { submissions } = s.read;
    assert.equal(await submissions.countFromAddressSince('ip-a', NOW - 10 * MINUTE), 2);
    assert.equal(await submissions.countFromAddressSince('ip-a', NOW - 2 * MINUTE), 1);
    assert.equal(await submissions.countFromAddressSince('ip-b', NOW - 10 * MINUTE), 1);
    assert.equal(await submissions.countFromAddressSince('ip-c', 0), 0);
  });

  it('tells whether a submission with exactly this title and text exists', async () => {
    await s.write(seedInbox);
    const { submissions } = s.read;
    assert.equal(await submissions.hasText('一', '一的正文'), true);
    assert.equal(await submissions.hasText('一', '二的正文'), false, 'both must match the same submission');
    assert.equal(await submissions.hasText('一', '一的正'), false, 'exactly');
  });

  it('lists the inbox newest first, by status, paged, and counts it', async () => {
    const ids = await s.write(seedInbox);
    await s.write((tx) => tx.submissions.setStatus(ids.second, 'archived', NOW));
    const { submissions } = s.read;
    assert.deepEqual(titles(await submissions.list({ limit: 10 })), ['三', '二', '一']);
    assert.deepEqual(titles(await submissions.list({ limit: 2, offset: 1 })), ['二', '一']);
    assert.deepEqual(titles(await submissions.list({ status: 'new', limit: 10 })), ['三', '一']);
    assert.deepEqual(titles(await submissions.list({ status: 'new', limit: 1, offset: 1 })), ['一']);
    assert.deepEqual(titles(await submissions.list({ status: 'archived', limit: 10 })), ['二']);
    assert.deepEqual(await submissions.list({ status: 'read', limit: 10 }), []);
    assert.equal(await submissions.count(), 3);
    assert.equal(await submissions.count('new'), 2);
    assert.equal(await submissions.count('archived'), 1);
    assert.equal(await submissions.count('read'), 0);
  });

  it('sets the status; false when there is no such submission', async () => {
    const ids = await s.write(seedInbox);
    assert.equal(await s.write((tx) => tx.submissions.setStatus(ids.first, 'archived', NOW)), true);
    assert.equal((await s.read.submissions.findById(ids.first))?.status, 'archived');
    assert.equal(await s.write((tx) => tx.submissions.setStatus(ids.first, 'new', NOW)), true);
    assert.equal((await s.read.submissions.findById(ids.first))?.status, 'new');
    assert.equal(await s.write((tx) => tx.submissions.setStatus(999_999, 'read', NOW)), false);
  });

  it('marks a new submission read, and only a new one', async () => {
    const ids = await s.write(seedInbox);
    assert.equal(await s.write((tx) => tx.submissions.markRead(ids.first)), true);
    assert.equal((await s.read.submissions.findById(ids.first))?.status, 'read');
    assert.equal(await s.write((tx) => tx.submissions.markRead(ids.first)), false, 'read already');
    await s.write((tx) => tx.submissions.setStatus(ids.second, 'archived', NOW));
    assert.equal(await s.write((tx) => tx.submissions.markRead(ids.second)), false);
    assert.equal((await s.read.submissions.findById(ids.second))?.status, 'archived', 'an archived one stays archived');
    assert.equal(await s.write((tx) => tx.submissions.markRead(999_999)), false);
  });

  it('links a submission to its article; false when there is no such submission', async () => {
    const ids = await s.write(seedInbox);
    const article = await s.write(async (tx) => addArticle(tx, await addCategory(tx)));
    assert.equal(await s.write((tx) => tx.submissions.linkArticle(ids.third, article, NOW)), true);
    assert.equal((await s.read.submissions.findById(ids.third))?.articleId, article);
    assert.equal((await s.read.submissions.findById(ids.first))?.articleId, null);
    assert.equal(await s.write((tx) => tx.submissions.linkArticle(999_999, article, NOW)), false);
  });

  it('deletes the contact details of submissions closed long enough ago: archived or turned into drafts, not reopened ones', async () => {
    const ids = await s.write(seedInbox);
    const article = await s.write(async (tx) => addArticle(tx, await addCategory(tx)));
    await s.write(async (tx) => {
      await tx.submissions.setStatus(ids.first, 'archived', NOW - 10 * MINUTE);
      await tx.submissions.linkArticle(ids.second, article, NOW - 10 * MINUTE);
      await tx.submissions.setStatus(ids.third, 'archived', NOW - 10 * MINUTE);
      await tx.submissions.setStatus(ids.third, 'read', NOW - 9 * MINUTE); // reopened: not closed any more
    });
    assert.equal(await s.write((tx) => tx.submissions.purgeContactsClosedBefore(NOW - 11 * MINUTE)), 0, 'not long enough');
    assert.equal(await s.write((tx) => tx.submissions.purgeContactsClosedBefore(NOW - 5 * MINUTE)), 2);
    const contactOf = async (id: number) => (await s.read.submissions.findById(id))?.contact;
    assert.equal(await contactOf(ids.first), '');
    assert.equal(await contactOf(ids.second), '');
    assert.equal(await contactOf(ids.third), 'wang@example.com');
    assert.equal((await s.read.submissions.findById(ids.first))?.name, '王读者', 'the name stays for the byline');
    assert.equal(await s.read.submissions.countFromAddressSince('ip-a', 0), 1, 'their address hashes went too');
    assert.equal(await s.write((tx) => tx.submissions.purgeContactsClosedBefore(NOW)), 0, 'once');
  });
});
