// 申诉 in PostgreSQL.
import type {
  AppealDecision,
  AppealOutcome,
  AppealRepository,
  OpenAppeal,
  OpenAppealRow,
  OutcomeRow,
} from '../../repositories/appeal-repository.js';
import { OPEN_APPEALS_SQL, toAppealOutcome, toOpenAppeal } from '../../repositories/appeal-repository.js';
import type { Sql } from './sql.js';

export class PostgresAppealRepository implements AppealRepository {
  constructor(private readonly sql: Sql) {}

  async create(appeal: { commentId: number; appealHash: string; reason: string }, now: number): Promise<number> {
    const id = await this.sql.value<number>(
      'INSERT INTO comment_appeals (comment_id, appeal_hash, reason, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [appeal.commentId, appeal.appealHash, appeal.reason, now],
    );
    return id!;
  }

  async latestByHash(appealHash: string): Promise<AppealOutcome | undefined> {
    const row = await this.sql.row<OutcomeRow>(
      'SELECT reason, created_at, decision, decided_at FROM comment_appeals WHERE appeal_hash = $1 ORDER BY created_at DESC, id DESC LIMIT 1',
      [appealHash],
    );
    return row && toAppealOutcome(row);
  }

  async listOpen(page: { limit: number; offset?: number }): Promise<OpenAppeal[]> {
    const rows = await this.sql.rows<OpenAppealRow>(`${OPEN_APPEALS_SQL} LIMIT $1 OFFSET $2`, [page.limit, page.offset ?? 0]);
    return rows.map(toOpenAppeal);
  }

  async countOpen(): Promise<number> {
    return (await this.sql.value<number>('SELECT COUNT(*) FROM comment_appeals WHERE decision IS NULL AND comment_id IS NOT NULL')) ?? 0;
  }

  async decide(id: number, decision: AppealDecision, now: number): Promise<number | null | undefined> {
    const row = await this.sql.row<{ comment_id: number | null }>(
      'UPDATE comment_appeals SET decision = $2, decided_at = $3 WHERE id = $1 AND decision IS NULL RETURNING comment_id',
      [id, decision, now],
    );
    return row?.comment_id;
  }
}
