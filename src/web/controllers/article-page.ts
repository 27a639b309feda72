// Renders the article page (the reference page) for a visible article: the same page for every
// reader (cached, no session; the comment form comes in its own per-request frame).
import type { Request, Response } from 'express';
import type { Article } from '../../domain/types.js';
import { cacheAsArticlePage } from '../page-cache/capture.js';
import { articlePageJsonLd } from '../json-ld.js';
import type { SiteContext } from '../site-context.js';

const LATEST_COMMENTS = 5;

export async function renderArticlePage({ repositories, viewCounter }: SiteContext, _req: Request, res: Response, article: Article): Promise<void> {
  const [comments, commentCount] = await Promise.all([
    repositories.comments.listApproved(article.id, { limit: LATEST_COMMENTS, newestFirst: true }),
    repositories.comments.countApproved(article.id),
  ]);
  cacheAsArticlePage(res, article.id, { countsRead: true });
  const category = res.locals.chrome.categoryById.get(article.categoryId);
  res.render('articles/show', {
    meta: {
      title: article.title,
      description: article.summary,
      path: `/article/${article.id}`,
      type: 'article',
      image: article.coverImage ?? undefined,
    },
    article,
    category,
    views: article.views + viewCounter.pendingArticleReads(article.id),
    comments,
    commentCount,
    jsonLd: articlePageJsonLd({ article, category, site: res.locals.site, origin: res.locals.origin }),
  });
}
