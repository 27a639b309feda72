// Articles in the editors' area: list with filters, write and edit (WYSIWYG with an HTML
// fallback), preview, schedule, trash and restore, revisions. The actions themselves are the
// article service's (one transaction each, with the revision and the audit line); a save based
// on an outdated version is refused (409), so no editor silently loses work.
import type { Request, Response } from 'express';
import type { ArticleFields, AdminArticle, AdminArticleFilter } from '../../../repositories/article-repository.js';
import { toLocalInputValue } from '../../../services/site-time.js';
import { timeZoneName } from '../../../services/time-zones.js';
import type { AdminContext } from '../../admin-context.js';
import {
  emptyArticleForm,
  parseArticleForm,
  type ArticleFormErrors,
  type ArticleFormValues,
  type ParsedArticle,
} from '../../forms/admin-article-form.js';
import { HttpError, badRequest, notFound } from '../../http-error.js';
import type { Actor } from '../../../services/audit.js';
import { paginate } from '../../pagination.js';
import { pageNumber, parseId, queryString } from '../../params.js';
import { renderArticlePreview } from '../article-page.js';
import { WYSIWYG_ASSETS } from '../../wysiwyg.js';

const PER_PAGE = 20;
const TEXT = {
  created: '文章已保存。',
  updated: '文章已更新。',
  trashed: '文章已移到回收站。',
  restored: '文章已从回收站恢复。',
  purged: '文章已永久删除。',
  revisionRestored: '已恢复到所选版本（并保存为新版本）。',
  conflict: '保存失败：在您编辑期间，这篇文章已被其他人修改。您的内容仍保留在下面；请先在新窗口查看最新版本，合并后再保存。',
  notFound: '没有这篇文章。',
  inTrash: '这篇文章在回收站中，请先恢复。',
};
const STATUS_FILTERS = ['draft', 'scheduled', 'published', 'trash'] as const;

export function articlesController(context: AdminContext) {
  const { repositories, clock, images, articleService } = context;

  async function categoryOptions() {
    return repositories.categories.listAll();
  }

  async function renderForm(
    res: Response,
    options: { article?: AdminArticle; values: ArticleFormValues; errors: ArticleFormErrors; notice?: string; status?: number },
  ) {
    res.status(options.status ?? 200).render('admin/articles/form', {
      title: options.article ? '编辑文章' : '写文章',
      article: options.article,
      values: options.values,
      errors: options.errors,
      notice: options.notice,
      categories: await categoryOptions(),
      zoneName: timeZoneName(res.locals.site.timeZone),
      ...WYSIWYG_ASSETS,
    });
  }

  function formValuesOf(article: AdminArticle, timeZone: string): ArticleFormValues {
    return {
      title: article.title,
      categoryId: String(article.categoryId),
      author: article.author,
      source: article.source,
      summary: article.summary,
      bodyHtml: article.bodyHtml,
      status: article.status,
      publishAt: article.publishedAt === null ? '' : toLocalInputValue(article.publishedAt, timeZone),
      isFeatured: article.isFeatured,
      removeCover: false,
      hideCover: article.hideCover,
      homePin: article.homePin,
      pinnedUntil: article.pinnedUntil === null ? '' : toLocalInputValue(article.pinnedUntil, timeZone),
      version: String(article.version),
    };
  }

  async function findOr404(raw: string | undefined): Promise<AdminArticle> {
    const article = await repositories.articles.findById(parseId(raw));
    if (!article) throw notFound(TEXT.notFound);
    return article;
  }

  /** The cover after this save: a new upload, removed, or unchanged. */
  async function coverFor(req: Request, parsed: ParsedArticle, current: string | null, actor: Actor): Promise<string | null> {
    if (req.file) return (await images.save(req.file, actor)).cover.url;
    return parsed.removeCover ? null : current;
  }

  function publishTime(parsed: ParsedArticle, previous: number | null, now: number): number | null {
    if (parsed.status === 'published') return parsed.publishAt ?? (previous !== null && previous <= now ? previous : now);
    return parsed.publishAt;
  }

  function fieldsOf(parsed: ParsedArticle, coverImage: string | null, publishedAt: number | null): ArticleFields {
    return {
      categoryId: parsed.categoryId,
      title: parsed.title,
      author: parsed.author,
      source: parsed.source,
      summary: parsed.summary,
      bodyHtml: parsed.bodyHtml,
      coverImage,
      isFeatured: parsed.isFeatured,
      status: parsed.status,
      publishedAt,
      homePin: parsed.homePin,
      pinnedUntil: parsed.pinnedUntil,
      hideCover: parsed.hideCover,
    };
  }

  async function parse(req: Request, res: Response) {
    const categories = await categoryOptions();
    return parseArticleForm(req.body, {
      categoryIds: new Set(categories.map((c) => c.id)),
      timeZone: res.locals.site.timeZone,
      now: clock(),
    });
  }

  return {
    async listArticles(req: Request, res: Response) {
      const page = pageNumber(req);
      const status = queryString(req, 'status') ?? '';
      if (status !== '' && !(STATUS_FILTERS as readonly string[]).includes(status)) throw badRequest('未知的状态。');
      const categoryRaw = queryString(req, 'category') ?? '';
      const q = (queryString(req, 'q') ?? '').slice(0, 100);
      const filter: AdminArticleFilter = {
        status: (status || undefined) as AdminArticleFilter['status'],
        categoryId: /^\d{1,9}$/.test(categoryRaw) ? Number(categoryRaw) : undefined,
        titleContains: q || undefined,
      };
      const total = await repositories.articles.countForAdmin(filter);
      const query = new URLSearchParams({
        ...(status && { status }),
        ...(filter.categoryId && { category: categoryRaw }),
        ...(q && { q }),
      });
      const basePath = `/admin/articles${query.size ? `?${query}` : ''}`;
      const pagination = paginate(page, total, PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound();
      const articles = await repositories.articles.listForAdmin(filter, PER_PAGE, (page - 1) * PER_PAGE);
      const categories = await categoryOptions();
      res.render('admin/articles/index', {
        title: '文章',
        articles,
        categories,
        categoryById: new Map(categories.map((c) => [c.id, c])),
        filter: { status, category: categoryRaw, q },
        pagination,
        now: clock(),
      });
    },

    async newArticle(_req: Request, res: Response) {
      await renderForm(res, { values: { ...emptyArticleForm(), author: res.locals.currentUser!.displayName }, errors: {} });
    },

    async createArticle(req: Request, res: Response) {
      const { values, errors, article: parsed } = await parse(req, res);
      if (!parsed) return renderForm(res, { values, errors, status: 422 });
      const user = res.locals.currentUser!;
      const fields = fieldsOf(parsed, await coverFor(req, parsed, null, user), publishTime(parsed, null, clock()));
      const id = await articleService.create(user, fields);
      req.session.flash = { type: 'success', message: TEXT.created };
      res.redirect(303, `/admin/articles/${id}/edit`);
    },

    async editArticle(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      if (article.deletedAt !== null) throw notFound(TEXT.inTrash);
      await renderForm(res, { article, values: formValuesOf(article, res.locals.site.timeZone), errors: {} });
    },

    async updateArticle(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      if (article.deletedAt !== null) throw notFound(TEXT.inTrash);
      const { values, errors, article: parsed } = await parse(req, res);
      if (!parsed) return renderForm(res, { article, values, errors, status: 422 });
      const conflict = (latest: AdminArticle) =>
        renderForm(res, {
          article: latest,
          values: { ...values, version: String(latest.version) },
          errors: {},
          notice: TEXT.conflict,
          status: 409,
        });
      if (parsed.version !== article.version) return conflict(article);
      const user = res.locals.currentUser!;
      const fields = fieldsOf(
        parsed,
        await coverFor(req, parsed, article.coverImage, user),
        publishTime(parsed, article.publishedAt, clock()),
      );
      const outcome = await articleService.update(user, article.id, parsed.version, fields);
      if (outcome.kind === 'conflict') return conflict(outcome.latest);
      if (outcome.kind !== 'updated') throw notFound(outcome.kind === 'in-trash' ? TEXT.inTrash : TEXT.notFound);
      req.session.flash = { type: 'success', message: TEXT.updated };
      res.redirect(303, `/admin/articles/${article.id}/edit`);
    },

    async previewArticle(req: Request<{ id: string }>, res: Response) {
      await renderArticlePreview(repositories, res, await findOr404(req.params.id));
    },

    async trashArticle(req: Request<{ id: string }>, res: Response) {
      const outcome = await articleService.trash(res.locals.currentUser!, parseId(req.params.id));
      if (outcome !== 'done') throw notFound(outcome === 'unchanged' ? '这篇文章已在回收站中。' : TEXT.notFound);
      req.session.flash = { type: 'success', message: TEXT.trashed };
      res.redirect(303, '/admin/articles');
    },

    async restoreArticle(req: Request<{ id: string }>, res: Response) {
      const outcome = await articleService.restore(res.locals.currentUser!, parseId(req.params.id));
      if (outcome !== 'done') throw notFound(outcome === 'unchanged' ? '这篇文章不在回收站中。' : TEXT.notFound);
      req.session.flash = { type: 'success', message: TEXT.restored };
      res.redirect(303, '/admin/articles?status=trash');
    },

    async purgeArticle(req: Request<{ id: string }>, res: Response) {
      const outcome = await articleService.purge(res.locals.currentUser!, parseId(req.params.id));
      if (outcome === 'not-found') throw notFound(TEXT.notFound);
      if (outcome === 'unchanged') throw new HttpError(409, '只能永久删除回收站中的文章。');
      req.session.flash = { type: 'success', message: TEXT.purged };
      res.redirect(303, '/admin/articles?status=trash');
    },

    async listRevisions(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      const revisions = await repositories.articleRevisions.listForArticle(article.id);
      res.render('admin/articles/revisions', { title: `修订记录：${article.title}`, article, revisions });
    },

    async showRevision(req: Request<{ id: string; revisionId: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      const revision = await repositories.articleRevisions.findById(parseId(req.params.revisionId));
      if (!revision || revision.articleId !== article.id) throw notFound('没有这个版本。');
      res.render('admin/articles/revision', {
        title: `版本 #${revision.id}：${revision.fields.title}`,
        current: article,
        revision,
        // printed with <%- article.bodyHtml %>: revisions hold HTML sanitized when it was saved
        article: { bodyHtml: revision.fields.bodyHtml },
      });
    },

    async restoreRevision(req: Request<{ id: string; revisionId: string }>, res: Response) {
      const articleId = parseId(req.params.id);
      const outcome = await articleService.restoreRevision(res.locals.currentUser!, articleId, parseId(req.params.revisionId));
      if (outcome.kind === 'not-found') throw notFound('没有这个版本。');
      if (outcome.kind === 'in-trash') throw notFound(TEXT.inTrash);
      if (outcome.kind === 'conflict') throw new HttpError(409, TEXT.conflict);
      req.session.flash = { type: 'success', message: TEXT.revisionRestored };
      res.redirect(303, `/admin/articles/${articleId}/edit`);
    },

    /** POST /admin/uploads: an image for the editor (JSON), or from the plain upload form. */
    async uploadImage(req: Request, res: Response) {
      if (!req.file) throw badRequest('请选择要上传的图片。');
      const stored = await images.save(req.file, res.locals.currentUser!); // ImageRejected answers 400/415 with its message
      if (req.accepts(['json', 'html']) === 'json') {
        return res
          .status(201)
          .json({ url: stored.large.url, cover: stored.cover.url, width: stored.large.width, height: stored.large.height });
      }
      res.status(201).render('admin/articles/uploaded', { title: '图片已上传', stored });
    },

    showUploadForm(_req: Request, res: Response) {
      res.render('admin/articles/upload', { title: '上传图片' });
    },
  };
}
