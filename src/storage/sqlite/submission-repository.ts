// Reader submissions (投稿信箱) in SQLite.
import type { Db } from './database.js';
import type {
  SubmissionStatus,
  Submission,
  NewSubmission,
  SubmissionRepository,
  SubmissionRow,
} from '../../repositories/submission-repository.js';
import { toSubmission } from '../../repositories/submission-repository.js';

export class SqliteSubmissionRepository implements SubmissionRepository {
  private readonly insert;
  private readonly byId;
  private readonly listAll;
  private readonly listByStatus;
  private readonly countAll;
  private readonly countByStatus;
  private readonly updateStatus;
  private readonly updateArticle;
  private readonly countByIpSince;
  private readonly sameText;
  private readonly newToRead;
  private readonly purgeContacts;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO submissions (name, contact, title, body, ip_hash, created_at)
       VALUES (@name, @contact, @title, @body, @ipHash, @now)`,
    );
    this.byId = db.prepare<[number], SubmissionRow>('SELECT * FROM submissions WHERE id = ?');
    this.listAll = db.prepare<[number, number], SubmissionRow>(
      'SELECT * FROM submissions ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
    );
    this.listByStatus = db.prepare<[SubmissionStatus, number, number], SubmissionRow>(
      'SELECT * FROM submissions WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
    );
    this.countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM submissions');
    this.countByStatus = db.prepare<[SubmissionStatus], { n: number }>('SELECT COUNT(*) AS n FROM submissions WHERE status = ?');
    this.updateStatus = db.prepare(
      `UPDATE submissions SET status = @status,
         closed_at = CASE WHEN @status = 'archived' THEN COALESCE(closed_at, @now) WHEN article_id IS NULL THEN NULL ELSE closed_at END
       WHERE id = @id`,
    );
    this.updateArticle = db.prepare('UPDATE submissions SET article_id = @articleId, closed_at = COALESCE(closed_at, @now) WHERE id = @id');
    this.purgeContacts = db.prepare(
      "UPDATE submissions SET contact = '', ip_hash = '' WHERE closed_at IS NOT NULL AND closed_at <= ? AND contact <> ''",
    );
    this.countByIpSince = db.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM submissions WHERE ip_hash = ? AND created_at > ?',
    );
    this.sameText = db.prepare<[string, string], { id: number }>('SELECT id FROM submissions WHERE title = ? AND body = ? LIMIT 1');
    this.newToRead = db.prepare("UPDATE submissions SET status = 'read' WHERE id = ? AND status = 'new'");
  }

  async create(submission: NewSubmission, now: number): Promise<number> {
    return Number(this.insert.run({ ...submission, now }).lastInsertRowid);
  }

  async countFromAddressSince(ipHash: string, since: number): Promise<number> {
    return this.countByIpSince.get(ipHash, since)?.n ?? 0;
  }

  async hasText(title: string, body: string): Promise<boolean> {
    return this.sameText.get(title, body) !== undefined;
  }

  async findById(id: number): Promise<Submission | undefined> {
    const row = this.byId.get(id);
    return row && toSubmission(row);
  }

  async list(options: { status?: SubmissionStatus; limit: number; offset?: number }): Promise<Submission[]> {
    const offset = options.offset ?? 0;
    const rows = options.status ? this.listByStatus.all(options.status, options.limit, offset) : this.listAll.all(options.limit, offset);
    return rows.map(toSubmission);
  }

  async count(status?: SubmissionStatus): Promise<number> {
    return (status ? this.countByStatus.get(status) : this.countAll.get())?.n ?? 0;
  }

  async setStatus(id: number, status: SubmissionStatus, now: number): Promise<boolean> {
    return this.updateStatus.run({ id, status, now }).changes > 0;
  }

  async linkArticle(id: number, articleId: number, now: number): Promise<boolean> {
    return this.updateArticle.run({ id, articleId, now }).changes > 0;
  }

  async purgeContactsClosedBefore(instant: number): Promise<number> {
    return this.purgeContacts.run(instant).changes;
  }

  async markRead(id: number): Promise<boolean> {
    return this.newToRead.run(id).changes > 0;
  }
}
