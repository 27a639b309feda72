// Static pages (单页: 关于本站, 广告服务, 联系我们 ...) in the editors' area: list, create, edit.
// The body HTML is sanitized ON SAVE (by the form parser), so /page/:slug prints it as stored.
import type { Request, Response } from 'express';
import type { StaticPage } from '../../../domain/types.js';
import type { AdminContext } from '../../admin-context.js';
import { PAGE_SLUG, pageFormValues, parsePageForm, type PageFormErrors, type PageFormValues } from '../../forms/admin-page-form.js';
import { notFound } from '../../http-error.js';
import { PAGES_MESSAGES } from '../../messages/pages.js';
import { WYSIWYG_ASSETS } from '../../wysiwyg.js';

export function pagesController({ repositories, pageService }: AdminContext) {
  async function findOr404(slug: string | undefined): Promise<StaticPage> {
    const page = slug !== undefined && PAGE_SLUG.test(slug) ? await repositories.pages.findBySlug(slug) : undefined;
    if (!page) throw notFound(PAGES_MESSAGES.notFound);
    return page;
  }

  function renderForm(res: Response, page: StaticPage | undefined, values: PageFormValues, errors: PageFormErrors = {}, status = 200) {
    res.status(status).render('admin/pages/form', { page, values, errors, ...WYSIWYG_ASSETS });
  }

  return {
    async listPages(_req: Request, res: Response) {
      res.render('admin/pages/index', { pages: await repositories.pages.listAll() });
    },

    showNewPage(_req: Request, res: Response) {
      renderForm(res, undefined, pageFormValues());
    },

    async createPage(req: Request, res: Response) {
      const { values, errors } = parsePageForm(req.body, true);
      if (Object.keys(errors).length > 0) return renderForm(res, undefined, values, errors, 422);
      const created = await pageService.create(res.locals.currentUser!, {
        slug: values.slug,
        title: values.title,
        bodyHtml: values.bodyHtml,
      });
      if (!created) return renderForm(res, undefined, values, { slug: PAGES_MESSAGES.slugTaken }, 422);
      req.session.flash = { type: 'success', message: PAGES_MESSAGES.created(values.title, values.slug) };
      res.redirect(303, '/admin/pages');
    },

    async showEditPage(req: Request<{ slug: string }>, res: Response) {
      const page = await findOr404(req.params.slug);
      renderForm(res, page, pageFormValues(page));
    },

    async updatePage(req: Request<{ slug: string }>, res: Response) {
      const page = await findOr404(req.params.slug);
      const { values, errors } = parsePageForm(req.body, false);
      if (Object.keys(errors).length > 0) return renderForm(res, page, { ...values, slug: page.slug }, errors, 422);
      const updated = await pageService.update(res.locals.currentUser!, {
        slug: page.slug,
        title: values.title,
        bodyHtml: values.bodyHtml,
      });
      if (!updated) throw notFound(PAGES_MESSAGES.notFound);
      req.session.flash = { type: 'success', message: PAGES_MESSAGES.updated(values.title) };
      res.redirect(303, `/admin/pages/${page.slug}/edit`);
    },
  };
}
