// 举报 in SQLite.
import type { Db } from './database.js';
import type {
  NewReport,
  OutcomeRow,
  ReportDecision,
  ReportedComment,
  ReportedRow,
  ReportOutcome,
  ReportRepository,
} from '../../repositories/report-repository.js';
import { toReportedComment, toReportOutcome } from '../../repositories/report-repository.js';

export class SqliteReportRepository implements ReportRepository {
  private readonly insert;
  private readonly openReporters;
  private readonly open;
  private readonly openCount;
  private readonly decide;
  private readonly byReceipt;
  private readonly purgeDetails;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO comment_reports (comment_id, reporter_hash, reason, detail, receipt_hash, created_at)
       VALUES (@commentId, @reporterHash, @reason, @detail, @receiptHash, @now)
       ON CONFLICT (comment_id, reporter_hash) DO NOTHING`,
    );
    this.openReporters = db.prepare<[number], { n: number }>(
      'SELECT COUNT(DISTINCT reporter_hash) AS n FROM comment_reports WHERE comment_id = ? AND decision IS NULL',
    );
    this.open = db.prepare<{ limit: number; offset: number }, ReportedRow>(
      `SELECT c.id, c.article_id, c.nickname, c.body, c.status, c.created_at, c.ip_region, c.parent_id, c.floor, a.title AS article_title,
         r.reports, r.reasons, r.details, r.first_reported_at
       FROM (SELECT comment_id, COUNT(DISTINCT reporter_hash) AS reports, MIN(created_at) AS first_reported_at,
               group_concat(reason, char(10)) AS reasons,
               group_concat(CASE WHEN detail <> '' THEN detail END, char(31)) AS details
             FROM (SELECT * FROM comment_reports WHERE decision IS NULL AND comment_id IS NOT NULL ORDER BY id)
             GROUP BY comment_id) r
       JOIN comments c ON c.id = r.comment_id LEFT JOIN articles a ON a.id = c.article_id
       ORDER BY r.first_reported_at, c.id LIMIT @limit OFFSET @offset`,
    );
    this.openCount = db.prepare<[], { n: number }>(
      'SELECT COUNT(DISTINCT comment_id) AS n FROM comment_reports WHERE decision IS NULL AND comment_id IS NOT NULL',
    );
    this.decide = db.prepare(
      'UPDATE comment_reports SET decision = @decision, decided_at = @now WHERE comment_id = @commentId AND decision IS NULL',
    );
    // The reporter hash is replaced by one unique to the row: (comment, reporter) stays unique.
    this.purgeDetails = db.prepare(
      `UPDATE comment_reports SET detail = '', reporter_hash = 'purged:' || id
       WHERE decided_at IS NOT NULL AND decided_at <= ? AND (detail <> '' OR reporter_hash NOT LIKE 'purged:%')`,
    );
    this.byReceipt = db.prepare<[string], OutcomeRow>(
      'SELECT reason, created_at, decision, decided_at FROM comment_reports WHERE receipt_hash = ?',
    );
  }

  async create(report: NewReport, now: number): Promise<boolean> {
    return this.insert.run({ ...report, now }).changes > 0;
  }

  async countOpenReporters(commentId: number): Promise<number> {
    return this.openReporters.get(commentId)?.n ?? 0;
  }

  async listOpen(page: { limit: number; offset?: number }): Promise<ReportedComment[]> {
    return this.open.all({ limit: page.limit, offset: page.offset ?? 0 }).map(toReportedComment);
  }

  async countOpen(): Promise<number> {
    return this.openCount.get()?.n ?? 0;
  }

  async decideOpen(commentId: number, decision: ReportDecision, now: number): Promise<number> {
    return this.decide.run({ commentId, decision, now }).changes;
  }

  async purgeDetailsDecidedBefore(instant: number): Promise<number> {
    return this.purgeDetails.run(instant).changes;
  }

  async findByReceipt(receiptHash: string): Promise<ReportOutcome | undefined> {
    const row = this.byReceipt.get(receiptHash);
    return row && toReportOutcome(row);
  }
}
