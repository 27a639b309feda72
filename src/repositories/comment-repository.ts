// Reader comments: the only place with their SQL. Only approved comments are shown or counted.
import type { Db } from '../db/database.js';
import type { Comment, CommentStatus } from '../domain/types.js';

export interface NewComment {
  articleId: number;
  nickname: string;
  body: string;
  status: CommentStatus;
  ipHash: string;
}

export interface CommentRepository {
  listApproved(articleId: number, options: { limit: number; offset?: number; newestFirst: boolean }): Promise<Comment[]>;
  countApproved(articleId: number): Promise<number>;
  create(comment: NewComment, now: number): Promise<number>;
}

interface CommentRow {
  id: number;
  article_id: number;
  nickname: string;
  body: string;
  status: CommentStatus;
  created_at: number;
}

export class SqliteCommentRepository implements CommentRepository {
  private readonly oldestFirst;
  private readonly newestFirst;
  private readonly countByArticle;
  private readonly insert;

  constructor(db: Db) {
    const select = `SELECT id, article_id, nickname, body, status, created_at FROM comments
                    WHERE article_id = @articleId AND status = 'approved'`;
    this.oldestFirst = db.prepare<{ articleId: number; limit: number; offset: number }, CommentRow>(
      `${select} ORDER BY created_at, id LIMIT @limit OFFSET @offset`,
    );
    this.newestFirst = db.prepare<{ articleId: number; limit: number; offset: number }, CommentRow>(
      `${select} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    );
    this.countByArticle = db.prepare<[number], { n: number }>(
      "SELECT COUNT(*) AS n FROM comments WHERE article_id = ? AND status = 'approved'",
    );
    this.insert = db.prepare(
      `INSERT INTO comments (article_id, nickname, body, status, ip_hash, created_at)
       VALUES (@articleId, @nickname, @body, @status, @ipHash, @now)`,
    );
  }

  async listApproved(
    articleId: number,
    options: { limit: number; offset?: number; newestFirst: boolean },
  ): Promise<Comment[]> {
    const statement = options.newestFirst ? this.newestFirst : this.oldestFirst;
    return statement.all({ articleId, limit: options.limit, offset: options.offset ?? 0 }).map(toComment);
  }

  async countApproved(articleId: number): Promise<number> {
    return this.countByArticle.get(articleId)?.n ?? 0;
  }

  async create(comment: NewComment, now: number): Promise<number> {
    return Number(this.insert.run({ ...comment, now }).lastInsertRowid);
  }
}

function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    articleId: row.article_id,
    nickname: row.nickname,
    body: row.body,
    status: row.status,
    createdAt: row.created_at,
  };
}
