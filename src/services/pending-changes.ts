// A reporter's change to a signed article (修改稿): it waits in its own record and goes through
// the review stages of the article's category, while the signed version stays on the site. Only
// the text travels with it (title, byline, source, summary, body, cover, 转载 fields); where the
// article is filed and placed stays the editors' choice. Signing it off puts the text online as
// a new revision, unless the signed text was corrected meanwhile: the change would undo the
// correction, so it is refused as outdated and goes back to the reporter.
import type { AdminArticle, ArticleFields } from '../repositories/article-repository.js';
import type { Repositories } from '../repositories/index.js';
import type { PendingChange } from '../repositories/pending-change-repository.js';
import { stagesFor, type ReviewedArticle } from './workflow-rules.js';
import type { WorkflowActor } from './workflow-service.js';

/** The fields a change carries; the others are the live article's. */
type TextFields = Pick<ArticleFields, 'title' | 'author' | 'source' | 'summary' | 'bodyHtml' | 'coverImage' | 'reprint'>;

/** The article's editable fields as they are now. */
export function fieldsOfArticle(article: AdminArticle): ArticleFields {
  return {
    categoryId: article.categoryId,
    title: article.title,
    author: article.author,
    source: article.source,
    summary: article.summary,
    bodyHtml: article.bodyHtml,
    coverImage: article.coverImage,
    isFeatured: article.isFeatured,
    status: article.status,
    publishedAt: article.publishedAt,
    homePin: article.homePin,
    pinnedUntil: article.pinnedUntil,
    hideCover: article.hideCover,
    commentPolicy: article.commentPolicy,
    reprint: article.reprint,
    authorStaffId: article.authorStaffId,
  };
}

function textOf(fields: TextFields): TextFields {
  return {
    title: fields.title,
    author: fields.author,
    source: fields.source,
    summary: fields.summary,
    bodyHtml: fields.bodyHtml,
    coverImage: fields.coverImage,
    reprint: fields.reprint ?? null,
  };
}

/**
 * The live article with the text of a change (what signing it puts online) or of a revision (what
 * restoring it brings back): filed and placed as it is now.
 */
export function withTextOf(article: AdminArticle, source: { fields: ArticleFields }): ArticleFields {
  return { ...fieldsOfArticle(article), ...textOf(source.fields) };
}

/** The article as the change would make it (what its reporter goes on editing). */
export function articleWithChange(article: AdminArticle, change: Pick<PendingChange, 'fields'>): AdminArticle {
  return { ...article, ...textOf(change.fields), reprint: change.fields.reprint ?? null };
}

const sameText = (a: TextFields, b: TextFields) => JSON.stringify(textOf(a)) === JSON.stringify(textOf(b));

/** The workflow's view of an article, knowing whether a change of it waits. */
export function reviewedWithChange(article: AdminArticle, change: PendingChange | undefined): AdminArticle & ReviewedArticle {
  return { ...article, hasPendingChange: change !== undefined };
}

/**
 * Keeps the reporter's change and sends it to the first stage of the category's review. The
 * caller has checked the version and the rules (mayProposeChange).
 */
export async function proposeChange(
  tx: Repositories,
  actor: WorkflowActor,
  article: AdminArticle,
  fields: ArticleFields,
  levels: number,
  now: number,
): Promise<boolean> {
  // the version is checked by the first write: nothing is kept when someone else came first
  if (!(await tx.articles.setReview(article.id, article.version, { reviewStage: stagesFor(levels)[0]! }, now))) return false;
  const base = (await tx.articleRevisions.listForArticle(article.id))[0];
  const change = { ...fieldsOfArticle(article), ...textOf(fields) };
  await tx.pendingChanges.save(
    { articleId: article.id, userId: actor.id, userName: actor.displayName, fields: change, baseRevisionId: base?.id ?? null },
    now,
  );
  return true;
}

/** The signed text was changed after the reporter started from it. */
export async function isOutdated(tx: Repositories, article: AdminArticle, change: PendingChange): Promise<boolean> {
  const base = change.baseRevisionId === null ? undefined : await tx.articleRevisions.findById(change.baseRevisionId);
  return base === undefined || !sameText(base.fields, article);
}

/**
 * Puts the change online: the article's text becomes the change's (a new version and revision),
 * and the change's record is gone. Returns the new version, or null if the article moved on.
 */
export async function applyChange(tx: Repositories, actor: WorkflowActor, article: AdminArticle, change: PendingChange, now: number) {
  const fields = withTextOf(article, change);
  if (!(await tx.articles.update(article.id, article.version, fields, now))) return null;
  await tx.articleRevisions.add(article.id, actor.id, fields, now);
  await tx.pendingChanges.remove(article.id);
  return article.version + 1;
}
