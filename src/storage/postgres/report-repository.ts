// 举报 in PostgreSQL.
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
import type { Sql } from './sql.js';

export class PostgresReportRepository implements ReportRepository {
  constructor(private readonly sql: Sql) {}

  async create(report: NewReport, now: number): Promise<boolean> {
    const inserted = await this.sql.run(
      `INSERT INTO comment_reports (comment_id, reporter_hash, reason, detail, receipt_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (comment_id, reporter_hash) DO NOTHING`,
      [report.commentId, report.reporterHash, report.reason, report.detail, report.receiptHash, now],
    );
    return inserted > 0;
  }

  async countOpenReporters(commentId: number): Promise<number> {
    return (
      (await this.sql.value<number>(
        'SELECT COUNT(DISTINCT reporter_hash) FROM comment_reports WHERE comment_id = $1 AND decision IS NULL',
        [commentId],
      )) ?? 0
    );
  }

  async listOpen(page: { limit: number; offset?: number }): Promise<ReportedComment[]> {
    const rows = await this.sql.rows<ReportedRow>(
      `SELECT c.id, c.article_id, c.nickname, c.body, c.status, c.created_at, c.ip_region, c.parent_id, c.floor, a.title AS article_title,
         r.reports, r.reasons, r.details, r.first_reported_at
       FROM (SELECT comment_id, COUNT(DISTINCT reporter_hash) AS reports, MIN(created_at) AS first_reported_at,
               string_agg(reason, E'\\n' ORDER BY id) AS reasons,
               string_agg(NULLIF(detail, ''), chr(31) ORDER BY id) AS details
             FROM comment_reports WHERE decision IS NULL AND comment_id IS NOT NULL GROUP BY comment_id) r
       JOIN comments c ON c.id = r.comment_id LEFT JOIN articles a ON a.id = c.article_id
       ORDER BY r.first_reported_at, c.id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset ?? 0],
    );
    return rows.map(toReportedComment);
  }

  async countOpen(): Promise<number> {
    return (
      (await this.sql.value<number>(
        'SELECT COUNT(DISTINCT comment_id) FROM comment_reports WHERE decision IS NULL AND comment_id IS NOT NULL',
      )) ?? 0
    );
  }

  async decideOpen(commentId: number, decision: ReportDecision, now: number): Promise<number> {
    return this.sql.run('UPDATE comment_reports SET decision = $2, decided_at = $3 WHERE comment_id = $1 AND decision IS NULL', [
      commentId,
      decision,
      now,
    ]);
  }

  async purgeDetailsDecidedBefore(instant: number): Promise<number> {
    // The reporter hash is replaced by one unique to the row: (comment, reporter) stays unique.
    return this.sql.run(
      `UPDATE comment_reports SET detail = '', reporter_hash = 'purged:' || id
       WHERE decided_at IS NOT NULL AND decided_at <= $1 AND (detail <> '' OR reporter_hash NOT LIKE 'purged:%')`,
      [instant],
    );
  }

  async findByReceipt(receiptHash: string): Promise<ReportOutcome | undefined> {
    const row = await this.sql.row<OutcomeRow>(
      'SELECT reason, created_at, decision, decided_at FROM comment_reports WHERE receipt_hash = $1',
      [receiptHash],
    );
    return row && toReportOutcome(row);
  }
}
