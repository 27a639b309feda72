// The article page (the reference page): what its template needs, for a reader's visible
// article (the same page for every reader: cached, no session; the comment form comes in its
// own per-request frame) and for an editor's preview of any article (the same template with a
// 预览 banner, no comment form, not indexed).
import type { Response } from 'express';
import type { Article, Comment } from '../../domain/types.js';
import type { ArticlePageRead } from '../../repositories/article-page-repository.js';
import type { AdminArticle } from '../../repositories/article-repository.js';
import type { Repositories } from '../../repositories/index.js';
import { commentPolicyOf } from '../../services/comment-policy.js';
import { bodyShowsCover } from '../../services/cover-image.js';
import { cacheAsArticlePage } from '../page-cache/capture.js';
import { articlePageJsonLd } from '../json-ld.js';
import type { SiteContext } from '../site-context.js';

/** How many of the newest comments the article page shows. */
export const LATEST_COMMENTS = 5;

interface PageComments {
  comments: Comment[];
  commentCount: number;
}

/** What the template shows of an article, for readers and for previews alike. */
function articlePageLocals(res: Response, article: Article | AdminArticle, views: number, { comments, commentCount }: PageComments) {
  const category = res.locals.chrome.categoryById.get(article.categoryId);
  const commentPolicy = commentPolicyOf(article, category);
  return {
    meta: {
      title: article.title,
      description: article.summary,
      path: `/article/${article.id}`,
      type: 'article',
      image: article.coverImage ?? undefined,
    },
    article,
    category,
    views,
    // Not twice: the editor may hide it, and a body showing the same picture already has it.
    showCover: article.coverImage !== null && !article.hideCover && !bodyShowsCover(article.coverImage, article.bodyHtml),
    commentPolicy,
    comments: commentPolicy === 'hidden' ? [] : comments,
    commentCount,
  };
}

export function renderArticlePage({ viewCounter }: SiteContext, res: Response, page: ArticlePageRead): void {
  const { article } = page;
  const views = article.views + viewCounter.pendingArticleReads(article.id);
  const locals = articlePageLocals(res, article, views, { comments: page.latestComments, commentCount: page.approvedComments });
  cacheAsArticlePage(res, article.id, { countsRead: true });
  res.render('articles/show', {
    ...locals,
    jsonLd: articlePageJsonLd({ article, category: locals.category, site: res.locals.site, origin: res.locals.origin }),
  });
}

/** 预览: any article (a draft, scheduled, in the trash) as readers would see it, for editors. */
export async function renderArticlePreview(repositories: Repositories, res: Response, article: AdminArticle): Promise<void> {
  const [comments, commentCount] = await Promise.all([
    repositories.comments.listApproved(article.id, { limit: LATEST_COMMENTS, newestFirst: true }),
    repositories.comments.countApproved(article.id),
  ]);
  const locals = articlePageLocals(res, article, article.views, { comments, commentCount });
  res.render('articles/show', { ...locals, preview: { editUrl: `/admin/articles/${article.id}/edit` } });
}
