// Static pages (关于本站, 广告服务, 加盟合作, 联系我们, 发贴须知 ...); 隐私政策 falls back to the
// built-in text where the site has not stored its own.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { notFound } from '../http-error.js';
import { PRIVACY_PAGE } from '../../content/privacy-page.js';

const SLUG = /^[a-z0-9-]{1,64}$/;

export function pageController({ repositories }: SiteContext) {
  return {
    async showPage(req: Request<{ slug: string }>, res: Response) {
      const { slug } = req.params;
      const stored = SLUG.test(slug) ? await repositories.pages.findBySlug(slug) : undefined;
      const page = stored ?? (slug === PRIVACY_PAGE.slug ? PRIVACY_PAGE : undefined);
      if (!page) throw notFound();
      res.render('pages/show', { meta: { title: page.title, description: page.title, path: `/page/${slug}` }, page });
    },
  };
}
