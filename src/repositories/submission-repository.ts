// Reader submissions (投稿信箱): the only place with their SQL.
import type { Db } from '../db/database.js';
import type { AddressLimits, LimitedCreateOutcome } from './address-limits.js';

export type SubmissionStatus = 'new' | 'read' | 'archived';

export interface Submission {
  id: number;
  name: string;
  contact: string;
  title: string;
  body: string;
  status: SubmissionStatus;
  articleId: number | null;
  createdAt: number;
}

export interface NewSubmission {
  name: string;
  contact: string;
  title: string;
  body: string;
  ipHash: string;
}

export interface SubmissionRepository {
  create(submission: NewSubmission, now: number): Promise<number>;
  /** Stores it unless the address is over a limit or the same text was already submitted. */
  createWithinLimits(submission: NewSubmission, now: number, limits: AddressLimits): Promise<LimitedCreateOutcome>;
  findById(id: number): Promise<Submission | undefined>;
  list(options: { status?: SubmissionStatus; limit: number; offset?: number }): Promise<Submission[]>;
  count(status?: SubmissionStatus): Promise<number>;
  setStatus(id: number, status: SubmissionStatus): Promise<boolean>;
  linkArticle(id: number, articleId: number): Promise<boolean>;
  /** new -> read (opening it in the inbox); false when it was not new */
  markRead(id: number): Promise<boolean>;
}

interface SubmissionRow {
  id: number;
  name: string;
  contact: string;
  title: string;
  body: string;
  status: SubmissionStatus;
  article_id: number | null;
  created_at: number;
}

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
  private readonly createWithinLimitsInTransaction;
  private readonly newToRead;

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
    this.updateStatus = db.prepare('UPDATE submissions SET status = ? WHERE id = ?');
    this.updateArticle = db.prepare('UPDATE submissions SET article_id = ? WHERE id = ?');
    this.countByIpSince = db.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM submissions WHERE ip_hash = ? AND created_at > ?',
    );
    this.sameText = db.prepare<[string, string], { id: number }>('SELECT id FROM submissions WHERE title = ? AND body = ? LIMIT 1');
    this.createWithinLimitsInTransaction = db.transaction(
      (submission: NewSubmission, now: number, limits: AddressLimits): LimitedCreateOutcome => {
        if ((this.countByIpSince.get(submission.ipHash, now - limits.minIntervalMs)?.n ?? 0) > 0) return { kind: 'too-soon' };
        if ((this.countByIpSince.get(submission.ipHash, now - 3_600_000)?.n ?? 0) >= limits.hourlyCap) return { kind: 'hourly-cap' };
        if (this.sameText.get(submission.title, submission.body)) return { kind: 'duplicate' };
        return { kind: 'created', id: Number(this.insert.run({ ...submission, now }).lastInsertRowid) };
      },
    );
    this.newToRead = db.prepare("UPDATE submissions SET status = 'read' WHERE id = ? AND status = 'new'");
  }

  async create(submission: NewSubmission, now: number): Promise<number> {
    return Number(this.insert.run({ ...submission, now }).lastInsertRowid);
  }

  async createWithinLimits(submission: NewSubmission, now: number, limits: AddressLimits): Promise<LimitedCreateOutcome> {
    return this.createWithinLimitsInTransaction.immediate(submission, now, limits);
  }

  async findById(id: number): Promise<Submission | undefined> {
    const row = this.byId.get(id);
    return row && toSubmission(row);
  }

  async list(options: { status?: SubmissionStatus; limit: number; offset?: number }): Promise<Submission[]> {
    const offset = options.offset ?? 0;
    const rows = options.status
      ? this.listByStatus.all(options.status, options.limit, offset)
      : this.listAll.all(options.limit, offset);
    return rows.map(toSubmission);
  }

  async count(status?: SubmissionStatus): Promise<number> {
    return (status ? this.countByStatus.get(status) : this.countAll.get())?.n ?? 0;
  }

  async setStatus(id: number, status: SubmissionStatus): Promise<boolean> {
    return this.updateStatus.run(status, id).changes > 0;
  }

  async linkArticle(id: number, articleId: number): Promise<boolean> {
    return this.updateArticle.run(articleId, id).changes > 0;
  }

  async markRead(id: number): Promise<boolean> {
    return this.newToRead.run(id).changes > 0;
  }
}

function toSubmission(row: SubmissionRow): Submission {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    title: row.title,
    body: row.body,
    status: row.status,
    articleId: row.article_id,
    createdAt: row.created_at,
  };
}
