// An article's review steps in PostgreSQL.
import type { NewWorkflowEvent, WorkflowEvent, WorkflowRepository, WorkflowRow } from '../../repositories/workflow-repository.js';
import { toWorkflowEvent, WORKFLOW_COLUMNS } from '../../repositories/workflow-repository.js';
import type { Sql } from './sql.js';

export class PostgresWorkflowRepository implements WorkflowRepository {
  constructor(private readonly sql: Sql) {}

  async add(event: NewWorkflowEvent, now: number): Promise<number> {
    const id = await this.sql.value<number>(
      `INSERT INTO article_workflow (article_id, user_id, user_name, action, from_stage, to_stage, note, override, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        event.articleId,
        event.userId,
        event.userName,
        event.action,
        event.fromStage,
        event.toStage,
        event.note,
        event.override ? 1 : 0,
        now,
      ],
    );
    return id!;
  }

  async listForArticle(articleId: number): Promise<WorkflowEvent[]> {
    const rows = await this.sql.rows<WorkflowRow>(`SELECT ${WORKFLOW_COLUMNS} FROM article_workflow WHERE article_id = $1 ORDER BY id`, [
      articleId,
    ]);
    return rows.map(toWorkflowEvent);
  }

  async approversThisRound(articleId: number): Promise<number[]> {
    const rows = await this.sql.rows<{ user_id: number }>(
      `SELECT DISTINCT user_id FROM article_workflow
       WHERE article_id = $1 AND action IN ('approve', 'sign') AND user_id IS NOT NULL
         AND id > COALESCE((SELECT MAX(id) FROM article_workflow WHERE article_id = $1 AND action = 'submit'), 0)`,
      [articleId],
    );
    return rows.map((row) => row.user_id);
  }
}
