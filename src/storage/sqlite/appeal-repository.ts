// 申诉 in SQLite.
import type { Db } from './database.js';
import type {
  AppealDecision,
  AppealOutcome,
  AppealRepository,
  OpenAppeal,
  OpenAppealRow,
  OutcomeRow,
} from '../../repositories/appeal-repository.js';
import { OPEN_APPEALS_SQL, toAppealOutcome, toOpenAppeal } from '../../repositories/appeal-repository.js';

export class SqliteAppealRepository implements AppealRepository {
  private readonly insert;
  private readonly latest;
  private readonly open;
  private readonly openCount;
  private readonly decideOpen;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO comment_appeals (comment_id, appeal_hash, reason, created_at) VALUES (@commentId, @appealHash, @reason, @now)',
    );
    this.latest = db.prepare<[string], OutcomeRow>(
      'SELECT reason, created_at, decision, decided_at FROM comment_appeals WHERE appeal_hash = ? ORDER BY created_at DESC, id DESC LIMIT 1',
    );
    this.open = db.prepare<{ limit: number; offset: number }, OpenAppealRow>(`${OPEN_APPEALS_SQL} LIMIT @limit OFFSET @offset`);
    this.openCount = db.prepare<[], { n: number }>(
      'SELECT COUNT(*) AS n FROM comment_appeals WHERE decision IS NULL AND comment_id IS NOT NULL',
    );
    this.decideOpen = db.prepare<{ id: number; decision: AppealDecision; now: number }, { comment_id: number | null }>(
      'UPDATE comment_appeals SET decision = @decision, decided_at = @now WHERE id = @id AND decision IS NULL RETURNING comment_id',
    );
  }

  async create(appeal: { commentId: number; appealHash: string; reason: string }, now: number): Promise<number> {
    return Number(this.insert.run({ ...appeal, now }).lastInsertRowid);
  }

  async latestByHash(appealHash: string): Promise<AppealOutcome | undefined> {
    const row = this.latest.get(appealHash);
    return row && toAppealOutcome(row);
  }

  async listOpen(page: { limit: number; offset?: number }): Promise<OpenAppeal[]> {
    return this.open.all({ limit: page.limit, offset: page.offset ?? 0 }).map(toOpenAppeal);
  }

  async countOpen(): Promise<number> {
    return this.openCount.get()?.n ?? 0;
  }

  async decide(id: number, decision: AppealDecision, now: number): Promise<number | null | undefined> {
    return this.decideOpen.get({ id, decision, now })?.comment_id;
  }
}
