// An article's way through review (三审): every step, kept as its history. The steps since the
// article was last submitted are one round of review, in which one person approves at one level
// only.
import type { ReviewStage } from '../domain/types.js';

export type WorkflowAction = 'submit' | 'approve' | 'return' | 'sign' | 'note' | 'correct' | 'retract' | 'discard';

export interface WorkflowEvent {
  id: number;
  articleId: number;
  /** null once the account is deleted; userName stays */
  userId: number | null;
  userName: string;
  action: WorkflowAction;
  fromStage: ReviewStage;
  toStage: ReviewStage;
  /** the reason of a return, a reviewer's internal note (never shown to readers) */
  note: string;
  /** an admin acted where the rules would not let anyone else (audited as an override) */
  override: boolean;
  createdAt: number;
}

export type NewWorkflowEvent = Omit<WorkflowEvent, 'id' | 'createdAt'>;

export interface WorkflowRepository {
  add(event: NewWorkflowEvent, now: number): Promise<number>;
  /** the article's history, oldest first */
  listForArticle(articleId: number): Promise<WorkflowEvent[]>;
  /** who approved or signed the article since it was last submitted */
  approversThisRound(articleId: number): Promise<number[]>;
}

export interface WorkflowRow {
  id: number;
  article_id: number;
  user_id: number | null;
  user_name: string;
  action: WorkflowAction;
  from_stage: number;
  to_stage: number;
  note: string;
  override: number;
  created_at: number;
}

export const WORKFLOW_COLUMNS = 'id, article_id, user_id, user_name, action, from_stage, to_stage, note, override, created_at';

export function toWorkflowEvent(row: WorkflowRow): WorkflowEvent {
  return {
    id: row.id,
    articleId: row.article_id,
    userId: row.user_id,
    userName: row.user_name,
    action: row.action,
    fromStage: row.from_stage as ReviewStage,
    toStage: row.to_stage as ReviewStage,
    note: row.note,
    override: row.override === 1,
    createdAt: row.created_at,
  };
}
