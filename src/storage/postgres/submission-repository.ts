// Reader submissions (投稿信箱) in PostgreSQL.
import type {
  SubmissionStatus,
  Submission,
  NewSubmission,
  SubmissionRepository,
  SubmissionRow,
} from '../../repositories/submission-repository.js';
import { toSubmission } from '../../repositories/submission-repository.js';
import type { Sql } from './sql.js';

export class PostgresSubmissionRepository implements SubmissionRepository {
  constructor(private readonly sql: Sql) {}

  async create(submission: NewSubmission, now: number): Promise<number> {
    const id = await this.sql.value<number>(
      `INSERT INTO submissions (name, contact, title, body, ip_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [submission.name, submission.contact, submission.title, submission.body, submission.ipHash, now],
    );
    return id!;
  }

  async countFromAddressSince(ipHash: string, since: number): Promise<number> {
    return (await this.sql.value<number>('SELECT COUNT(*) FROM submissions WHERE ip_hash = $1 AND created_at > $2', [ipHash, since])) ?? 0;
  }

  async hasText(title: string, body: string): Promise<boolean> {
    const found = await this.sql.value<number>('SELECT 1 FROM submissions WHERE title = $1 AND body = $2 LIMIT 1', [title, body]);
    return found !== undefined;
  }

  async findById(id: number): Promise<Submission | undefined> {
    const row = await this.sql.row<SubmissionRow>('SELECT * FROM submissions WHERE id = $1', [id]);
    return row && toSubmission(row);
  }

  async list(options: { status?: SubmissionStatus; limit: number; offset?: number }): Promise<Submission[]> {
    const offset = options.offset ?? 0;
    const rows = options.status
      ? await this.sql.rows<SubmissionRow>(
          'SELECT * FROM submissions WHERE status = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3',
          [options.status, options.limit, offset],
        )
      : await this.sql.rows<SubmissionRow>('SELECT * FROM submissions ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2', [
          options.limit,
          offset,
        ]);
    return rows.map(toSubmission);
  }

  async count(status?: SubmissionStatus): Promise<number> {
    const n = status
      ? await this.sql.value<number>('SELECT COUNT(*) FROM submissions WHERE status = $1', [status])
      : await this.sql.value<number>('SELECT COUNT(*) FROM submissions');
    return n ?? 0;
  }

  async setStatus(id: number, status: SubmissionStatus, now: number): Promise<boolean> {
    const updated = await this.sql.run(
      `UPDATE submissions SET status = $2,
         closed_at = CASE WHEN $2 = 'archived' THEN COALESCE(closed_at, $3) WHEN article_id IS NULL THEN NULL ELSE closed_at END
       WHERE id = $1`,
      [id, status, now],
    );
    return updated > 0;
  }

  async linkArticle(id: number, articleId: number, now: number): Promise<boolean> {
    return (
      (await this.sql.run('UPDATE submissions SET article_id = $2, closed_at = COALESCE(closed_at, $3) WHERE id = $1', [
        id,
        articleId,
        now,
      ])) > 0
    );
  }

  async purgeContactsClosedBefore(instant: number): Promise<number> {
    return this.sql.run(
      "UPDATE submissions SET contact = '', ip_hash = '' WHERE closed_at IS NOT NULL AND closed_at <= $1 AND contact <> ''",
      [instant],
    );
  }

  async markRead(id: number): Promise<boolean> {
    return (await this.sql.run("UPDATE submissions SET status = 'read' WHERE id = $1 AND status = 'new'", [id])) > 0;
  }
}
