// The article page (the reference page): counts the read, then renders it.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { notFound } from '../http-error.js';
import { parseId } from '../params.js';
import { ARTICLE_PAGE_COMMENTS, renderArticlePage } from './article-page.js';
import { SITE_MESSAGES } from '../messages/site.js';

export function articleController(context: SiteContext) {
  const { repositories, clock, viewCounter } = context;
  return {
    async showArticle(req: Request<{ id: string }>, res: Response) {
      const page = await repositories.articlePages.findVisible(parseId(req.params.id), clock(), ARTICLE_PAGE_COMMENTS);
      if (!page) throw notFound(SITE_MESSAGES.articleNotFound);
      viewCounter.recordArticleRead(page.article.id, { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' });
      renderArticlePage(context, res, page);
    },
  };
}
