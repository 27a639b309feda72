// The article page read in SQLite: the article and comment statements, one after the other
// (in-process, so several statements cost no more than one).
import type { ArticlePageRead, ArticlePageRepository } from '../../repositories/article-page-repository.js';
import type { ArticleRepository } from '../../repositories/article-repository.js';
import type { CommentRepository } from '../../repositories/comment-repository.js';

export class SqliteArticlePageRepository implements ArticlePageRepository {
  constructor(
    private readonly articles: ArticleRepository,
    private readonly comments: CommentRepository,
  ) {}

  async findVisible(
    id: number,
    now: number,
    options: { latestFloors: number; repliesPerFloor: number },
  ): Promise<ArticlePageRead | undefined> {
    const article = await this.articles.findVisibleById(id, now);
    if (!article) return undefined;
    const latestFloors = await this.comments.listFloors(id, { limit: options.latestFloors, newestFirst: true });
    return {
      article,
      latestFloors,
      replies: await this.comments.listReplies(
        latestFloors.map((floor) => floor.id),
        options.repliesPerFloor,
      ),
      approvedComments: await this.comments.countApproved(id),
    };
  }
}
