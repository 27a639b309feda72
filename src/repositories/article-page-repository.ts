// The reader's article page in one read: the visible article with the latest approved comments
// and their count. One read, because on a database server each query is a round trip, and the
// page is rendered on every cache miss.
import type { Article, Comment } from '../domain/types.js';

export interface ArticlePageRead {
  article: Article;
  /** the newest approved comments, newest first */
  latestComments: Comment[];
  /** how many approved comments the article has */
  approvedComments: number;
}

export interface ArticlePageRepository {
  /** The article as readers see it at `now` (undefined if it is not visible), with its latest comments. */
  findVisible(id: number, now: number, options: { latestComments: number }): Promise<ArticlePageRead | undefined>;
}
