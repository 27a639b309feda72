// Renders the article page (the reference page) for a visible article: shared by the GET
// handler and by the comment form when it comes back with errors.
import type { Request, Response } from 'express';
import type { Article } from '../../domain/types.js';
import type { CommentFormErrors } from '../forms/comment-form.js';
import { csrfToken } from '../middleware/csrf.js';
import { articlePageJsonLd } from '../json-ld.js';
import type { SiteContext } from '../site-context.js';

const LATEST_COMMENTS = 5;

export interface CommentFormState {
  values: { nickname: string; body: string };
  errors: CommentFormErrors;
  /** a message about the whole form (limits, duplicates) */
  notice?: string;
}

const EMPTY_FORM: CommentFormState = { values: { nickname: '', body: '' }, errors: {} };

export async function renderArticlePage(
  { repositories, viewCounter }: SiteContext,
  req: Request,
  res: Response,
  article: Article,
  commentForm: CommentFormState = EMPTY_FORM,
): Promise<void> {
  const [comments, commentCount] = await Promise.all([
    repositories.comments.listApproved(article.id, { limit: LATEST_COMMENTS, newestFirst: true }),
    repositories.comments.countApproved(article.id),
  ]);
  const flash = req.session.flash;
  if (flash) delete req.session.flash;
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
    flash,
    csrfToken: csrfToken(req),
    jsonLd: articlePageJsonLd({ article, category: res.locals.chrome.categoryById.get(article.categoryId), site: res.locals.site, origin: res.locals.origin }),
  });
}
