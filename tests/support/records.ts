// Reading back what the app stored, through the repository interfaces only (whichever backend
// stands behind them): the audit log in order, every comment whatever its status, the oldest
// poll, the newest submission.
import type { CommentStatus } from '../../src/domain/types.js';
import type { AuditEntry } from '../../src/repositories/audit-repository.js';
import type { ModerationComment } from '../../src/repositories/comment-repository.js';
import type { Repositories } from '../../src/repositories/index.js';

/** The audit log oldest first; only the actions named, and only entries after `afterId`, when given. */
export async function auditEntries(
  repositories: Repositories,
  { action, afterId = 0 }: { action?: string | readonly string[]; afterId?: number } = {},
): Promise<AuditEntry[]> {
  const actions = action === undefined ? undefined : new Set(typeof action === 'string' ? [action] : action);
  const newestFirst = await repositories.audit.listRecent(await repositories.audit.count());
  return newestFirst.reverse().filter((entry) => entry.id > afterId && (!actions || actions.has(entry.action)));
}

/** The id of the newest audit entry (0 when the log is empty). */
export async function latestAuditId(repositories: Repositories): Promise<number> {
  return (await repositories.audit.listRecent(1))[0]?.id ?? 0;
}

/** Every comment of every status, by id. */
export async function allComments(repositories: Repositories): Promise<ModerationComment[]> {
  const counts = await repositories.comments.countByStatus();
  const lists = await Promise.all(
    (Object.keys(counts) as CommentStatus[]).map((status) => repositories.comments.listByStatus(status, { limit: counts[status] })),
  );
  return lists.flat().sort((a, b) => a.id - b.id);
}

/** How many comments there are, of every status. */
export async function commentCount(repositories: Repositories): Promise<number> {
  return Object.values(await repositories.comments.countByStatus()).reduce((sum, n) => sum + n, 0);
}

/** The comment with the highest id. */
export async function latestComment(repositories: Repositories): Promise<ModerationComment | undefined> {
  return (await allComments(repositories)).at(-1);
}

/** The id of the first poll ever created (the lowest id). */
export async function firstPollId(repositories: Repositories): Promise<number> {
  const polls = await repositories.polls.listForAdmin(await repositories.polls.count(), 0);
  return Math.min(...polls.map((poll) => poll.id));
}

/** The id of the newest submission (the highest id). */
export async function latestSubmissionId(repositories: Repositories): Promise<number> {
  const submissions = await repositories.submissions.list({ limit: await repositories.submissions.count() });
  return Math.max(...submissions.map((submission) => submission.id));
}
