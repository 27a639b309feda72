// Renders the article page (the reference page) for a visible article: shared by the GET
// handler (a page for everyone: cached, no session, the comment form framed) and by the comment
// form when it comes back with errors (this reader's page: the form inline with its token).
import type { Request, Response } from 'express';
import type { Article } from '../../domain/types.js';
import type { CommentFormErrors } from '../forms/comment-form.js';
import { csrfToken } from '../middleware/csrf.js';
import { cacheAsArticlePage } from '../page-cache/capture.js';
import { articlePageJsonLd } from '../json-ld.js';
import type { SiteContext } from '../site-context.js';

const LATEST_COMMENTS = 5;

export interface CommentFormState {
  values: { nickname: string; body: string };
  errors: CommentFormErrors;
  /** a message about the whole form (limits, duplicates) */
  notice?: string;
}

export async function renderArticlePage(
  { repositories, viewCounter }: SiteContext,
  req: Request,
  res: Response,
  article: Article,
  /** the reader's form coming back with errors; none for the page everyone gets */
  commentForm?: CommentFormState,
): Promise<void> {
  const [comments, commentCount] = await Promise.all([
    repositories.comments.listApproved(article.id, { limit: LATEST_COMMENTS, newestFirst: true }),
    repositories.comments.countApproved(article.id),
  ]);
  if (!commentForm) cacheAsArticlePage(res, article.id, { countsRead: true });
  res.render('articles/show', {
    meta: {
      title: article.title,
      description: article.summary,
      path: `/article/${article.id}`,
      type: 'article',
      image: article.coverImage ?? undefined,
    },
    article,
    category: res.locals.chrome.categoryById.get(article.categoryId),
    views: article.views + viewCounter.pendingArticleReads(article.id),
    comments,
    commentCount,
    commentForm,
    csrfToken: commentForm ? csrfToken(req) : undefined,
    jsonLd: articlePageJsonLd({ article, category: res.locals.chrome.categoryById.get(article.categoryId), site: res.locals.site, origin: res.locals.origin }),
  });
}
