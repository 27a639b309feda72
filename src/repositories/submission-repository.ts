// Reader submissions (投稿信箱).

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
  /** submissions from the (hashed) address since the instant */
  countFromAddressSince(ipHash: string, since: number): Promise<number>;
  /** whether a submission with exactly this title and text exists */
  hasText(title: string, body: string): Promise<boolean>;
  findById(id: number): Promise<Submission | undefined>;
  list(options: { status?: SubmissionStatus; limit: number; offset?: number }): Promise<Submission[]>;
  count(status?: SubmissionStatus): Promise<number>;
  /** Archiving closes a submission (from `now`); taking it out of the archive reopens it unless it became a draft. */
  setStatus(id: number, status: SubmissionStatus, now: number): Promise<boolean>;
  /** The submission became a draft: it is closed (from `now`, if not before). */
  linkArticle(id: number, articleId: number, now: number): Promise<boolean>;
  /** Deletes the contact details (and address hash) of submissions closed at or before the instant; how many. */
  purgeContactsClosedBefore(instant: number): Promise<number>;
  /** new -> read (opening it in the inbox); false when it was not new */
  markRead(id: number): Promise<boolean>;
}

export interface SubmissionRow {
  id: number;
  name: string;
  contact: string;
  title: string;
  body: string;
  status: SubmissionStatus;
  article_id: number | null;
  created_at: number;
}

export function toSubmission(row: SubmissionRow): Submission {
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
