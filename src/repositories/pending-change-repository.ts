// A reporter's change to a signed article (修改稿), waiting for review while the signed version
// stays on the site: one per article, the proposed fields kept like a revision's snapshot.
import type { ArticleFields } from './article-repository.js';

export interface PendingChange {
  articleId: number;
  /** null once the account is deleted; userName stays */
  userId: number | null;
  userName: string;
  fields: ArticleFields;
  /** the article's latest revision when the change was proposed (a later one makes it outdated) */
  baseRevisionId: number | null;
  createdAt: number;
}

export type NewPendingChange = Omit<PendingChange, 'createdAt'>;

export interface PendingChangeRepository {
  /** Keeps the change, replacing the article's earlier one. */
  save(change: NewPendingChange, now: number): Promise<void>;
  find(articleId: number): Promise<PendingChange | undefined>;
  /** false when the article had none */
  remove(articleId: number): Promise<boolean>;
}

export interface PendingChangeRow {
  article_id: number;
  user_id: number | null;
  user_name: string;
  snapshot: string;
  base_revision_id: number | null;
  created_at: number;
}

export const PENDING_CHANGE_COLUMNS = 'article_id, user_id, user_name, snapshot, base_revision_id, created_at';

export function toPendingChange(row: PendingChangeRow): PendingChange {
  return {
    articleId: row.article_id,
    userId: row.user_id,
    userName: row.user_name,
    fields: JSON.parse(row.snapshot) as ArticleFields,
    baseRevisionId: row.base_revision_id,
    createdAt: row.created_at,
  };
}
