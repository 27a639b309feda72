// The article page (the reference page): what its template needs, for a reader's visible
// article (the same page for every reader: cached, no session; the comment form comes in its
// own per-request frame) and for an editor's preview of any article (the same template with a
// 预览 banner, no comment form, not indexed).
import type { Response } from 'express';
import type { Article } from '../../domain/types.js';
import type { AdminArticle } from '../../repositories/article-repository.js';
import type { Repositories } from '../../repositories/index.js';
import { bodyShowsCover } from '../../services/cover-image.js';
import { cacheAsArticlePage } from '../page-cache/capture.js';
import { articlePageJsonLd } from '../json-ld.js';
import type { SiteContext } from '../site-context.js';

const LATEST_COMMENTS = 5;

/** What the template shows of an article, for readers and for previews alike. */
async function articlePageLocals(repositories: Repositories, res: Response, article: Article | AdminArticle, views: number) {
  const [comments, commentCount] = await Promise.all([
    repositories.comments.listApproved(article.id, { limit: LATEST_COMMENTS, newestFirst: true }),
    repositories.comments.countApproved(article.id),
  ]);
  const category = res.locals.chrome.categoryById.get(article.categoryId);
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
    comments,
    commentCount,
  };
}

export async function renderArticlePage({ repositories, viewCounter }: SiteContext, res: Response, article: Article): Promise<void> {
  const locals = await articlePageLocals(repositories, res, article, article.views + viewCounter.pendingArticleReads(article.id));
  cacheAsArticlePage(res, article.id, { countsRead: true });
  res.render('articles/show', {
    ...locals,
    jsonLd: articlePageJsonLd({ article, category: locals.category, site: res.locals.site, origin: res.locals.origin }),
  });
}

/** 预览: any article (a draft, scheduled, in the trash) as readers would see it, for editors. */
export async function renderArticlePreview(repositories: Repositories, res: Response, article: AdminArticle): Promise<void> {
  const locals = await articlePageLocals(repositories, res, article, article.views);
  res.render('articles/show', { ...locals, preview: { editUrl: `/admin/articles/${article.id}/edit` } });
}
