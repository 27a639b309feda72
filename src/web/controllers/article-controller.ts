// The article page (the reference page): counts the read, then renders it. A withdrawn article's
// URL answers 410 with the 撤稿说明 (and its title only if the chief let it show).
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
      const id = parseId(req.params.id);
      const page = await repositories.articlePages.findVisible(id, clock(), ARTICLE_PAGE_COMMENTS);
      if (!page) {
        const retracted = await repositories.articles.findRetracted(id);
        if (!retracted) throw notFound(SITE_MESSAGES.articleNotFound);
        return res.status(410).render('articles/retracted', {
          meta: {
            title: retracted.showsTitle ? `已撤稿：${retracted.title}` : '已撤稿',
            description: retracted.reason,
            path: `/article/${id}`,
          },
          retracted,
          category: res.locals.chrome.categoryById.get(retracted.categoryId),
          noindex: true,
        });
      }
      viewCounter.recordArticleRead(page.article.id, { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' });
      // only an article that has notes costs the extra read
      const corrections = page.article.correctedAt === null ? [] : await repositories.corrections.listForArticle(id);
      renderArticlePage(context, res, page, corrections);
    },
  };
}
