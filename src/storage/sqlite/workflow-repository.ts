// An article's review steps in SQLite.
import type { Db } from './database.js';
import type { NewWorkflowEvent, WorkflowEvent, WorkflowRepository, WorkflowRow } from '../../repositories/workflow-repository.js';
import { toWorkflowEvent, WORKFLOW_COLUMNS } from '../../repositories/workflow-repository.js';

export class SqliteWorkflowRepository implements WorkflowRepository {
  private readonly insert;
  private readonly ofArticle;
  private readonly approvers;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO article_workflow (article_id, user_id, user_name, action, from_stage, to_stage, note, override, created_at)
       VALUES (@articleId, @userId, @userName, @action, @fromStage, @toStage, @note, @override, @now)`,
    );
    this.ofArticle = db.prepare<[number], WorkflowRow>(`SELECT ${WORKFLOW_COLUMNS} FROM article_workflow WHERE article_id = ? ORDER BY id`);
    this.approvers = db.prepare<{ articleId: number }, { user_id: number }>(
      `SELECT DISTINCT user_id FROM article_workflow
       WHERE article_id = @articleId AND action IN ('approve', 'sign') AND user_id IS NOT NULL
         AND id > COALESCE((SELECT MAX(id) FROM article_workflow WHERE article_id = @articleId AND action = 'submit'), 0)`,
    );
  }

  async add(event: NewWorkflowEvent, now: number): Promise<number> {
    return Number(this.insert.run({ ...event, override: event.override ? 1 : 0, now }).lastInsertRowid);
  }

  async listForArticle(articleId: number): Promise<WorkflowEvent[]> {
    return this.ofArticle.all(articleId).map(toWorkflowEvent);
  }

  async approversThisRound(articleId: number): Promise<number[]> {
    return this.approvers.all({ articleId }).map((row) => row.user_id);
  }
}
