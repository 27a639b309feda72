// Static pages (关于本站, 广告服务, 加盟合作, 联系我们, 发贴须知 ...) and the submissions guide.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { notFound } from '../http-error.js';

const SLUG = /^[a-z0-9-]{1,64}$/;

export function pageController({ repositories }: SiteContext) {
  async function render(slug: string, path: string, res: Response) {
    const page = SLUG.test(slug) ? await repositories.pages.findBySlug(slug) : undefined;
    if (!page) throw notFound();
    res.render('pages/show', { meta: { title: page.title, description: page.title, path }, page });
  }
  return {
    async showPage(req: Request<{ slug: string }>, res: Response) {
      await render(req.params.slug, `/page/${req.params.slug}`, res);
    },
  };
}
