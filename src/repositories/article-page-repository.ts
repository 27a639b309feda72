// The reader's article page in one read: the visible article with its latest floors, the replies
// under them and the count of approved comments. One read, because on a database server each
// query is a round trip, and the page is rendered on every cache miss.
import type { Article, Comment } from '../domain/types.js';

export interface ArticlePageRead {
  article: Article;
  /** the newest floors (approved or removed, as readers see them), newest first */
  latestFloors: Comment[];
  /** the approved replies to those floors, oldest first, at most `repliesPerFloor` of each */
  replies: Comment[];
  /** how many approved comments (floors and replies) the article has */
  approvedComments: number;
}

export interface ArticlePageRepository {
  /** The article as readers see it at `now` (undefined if it is not visible), with its latest comments. */
  findVisible(id: number, now: number, options: { latestFloors: number; repliesPerFloor: number }): Promise<ArticlePageRead | undefined>;
}
