// The submissions inbox (投稿信箱) in the editors' area: new / read / archived, reading one
// (which marks it read), archiving, and turning one into a draft article for the editor to
// finish. Submissions are plain text from readers: escaped everywhere, never trusted as HTML.
import type { Request, Response } from 'express';
import type { Submission, SubmissionStatus } from '../../../repositories/submission-repository.js';
import { sanitizeArticleHtml } from '../../../services/html-sanitizer.js';
import type { AdminContext } from '../../admin-context.js';
import { parseCategoryChoice } from '../../forms/admin-category-form.js';
import { badRequest, notFound } from '../../http-error.js';
import { paginate } from '../../pagination.js';
import { pageNumber, parseId, queryString } from '../../params.js';

const PER_PAGE = 20;
const TABS: SubmissionStatus[] = ['new', 'read', 'archived'];
const ARTICLE_TITLE_MAX = 120;
const ARTICLE_AUTHOR_MAX = 60;
const TEXT = {
  unknownTab: '没有这个投稿分类。',
  notFound: '没有这篇投稿。',
  archived: '投稿已归档。',
  restored: '投稿已移回“已读”。',
  alreadyArchived: '这篇投稿已经归档了。',
  notArchived: '这篇投稿不在归档中。',
  drafted: '已根据投稿创建草稿，请编辑后发布。',
  alreadyDrafted: '这篇投稿已转为草稿文章，现在打开它。',
  articleSource: '读者投稿',
} as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML: blank lines separate paragraphs, single newlines become <br>, every character escaped. */
export function plainTextToParagraphs(text: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map((line) => escape(line.trim())).join('<br>')}</p>`)
    .join('\n');
}

const cut = (text: string, max: number) => Array.from(text.trim()).slice(0, max).join('');

export function submissionsController({ repositories, audit, clock }: AdminContext) {
  async function findOr404(raw: string | undefined): Promise<Submission> {
    const submission = await repositories.submissions.findById(parseId(raw));
    if (!submission) throw notFound(TEXT.notFound);
    return submission;
  }

  async function renderSubmission(res: Response, submission: Submission, draft: { categoryId: string; error?: string }, status = 200) {
    res.status(status).render('admin/submissions/show', {
      submission,
      categories: await repositories.categories.listAll(),
      draft,
    });
  }

  return {
    async listSubmissions(req: Request, res: Response) {
      const status = (queryString(req, 'status') ?? 'new') as SubmissionStatus;
      if (!TABS.includes(status)) throw badRequest(TEXT.unknownTab);
      const page = pageNumber(req);
      const [total, ...tabCounts] = await Promise.all([
        repositories.submissions.count(status),
        ...TABS.map((tab) => repositories.submissions.count(tab)),
      ]);
      const basePath = status === 'new' ? '/admin/submissions' : `/admin/submissions?status=${status}`;
      const pagination = paginate(page, total!, PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound();
      res.render('admin/submissions/index', {
        status,
        counts: Object.fromEntries(TABS.map((tab, i) => [tab, tabCounts[i]])),
        submissions: await repositories.submissions.list({ status, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
        pagination,
      });
    },

    async showSubmission(req: Request<{ id: string }>, res: Response) {
      const submission = await findOr404(req.params.id);
      if (submission.status === 'new' && (await repositories.submissions.markRead(submission.id))) submission.status = 'read';
      await renderSubmission(res, submission, { categoryId: '' });
    },

    async archiveSubmission(req: Request<{ id: string }>, res: Response) {
      const submission = await findOr404(req.params.id);
      if (submission.status === 'archived') {
        req.session.flash = { type: 'info', message: TEXT.alreadyArchived };
        return res.redirect(303, `/admin/submissions/${submission.id}`);
      }
      await repositories.submissions.setStatus(submission.id, 'archived');
      await audit.record(res.locals.currentUser!, 'submission.archive', { type: 'submission', id: submission.id }, submission.title);
      req.session.flash = { type: 'success', message: TEXT.archived };
      res.redirect(303, submission.status === 'new' ? '/admin/submissions' : `/admin/submissions?status=${submission.status}`);
    },

    async restoreSubmission(req: Request<{ id: string }>, res: Response) {
      const submission = await findOr404(req.params.id);
      if (submission.status !== 'archived') {
        req.session.flash = { type: 'info', message: TEXT.notArchived };
        return res.redirect(303, `/admin/submissions/${submission.id}`);
      }
      await repositories.submissions.setStatus(submission.id, 'read');
      await audit.record(res.locals.currentUser!, 'submission.restore', { type: 'submission', id: submission.id }, submission.title);
      req.session.flash = { type: 'success', message: TEXT.restored };
      res.redirect(303, '/admin/submissions?status=archived');
    },

    async draftFromSubmission(req: Request<{ id: string }>, res: Response) {
      const submission = await findOr404(req.params.id);
      // article_id is cleared when the article is deleted for good, so a set one still exists
      if (submission.articleId !== null) {
        req.session.flash = { type: 'info', message: TEXT.alreadyDrafted };
        return res.redirect(303, `/admin/articles/${submission.articleId}/edit`);
      }
      const choice = parseCategoryChoice(req.body, await repositories.categories.listAll());
      if (choice.categoryId === undefined) return renderSubmission(res, submission, { categoryId: choice.value, error: choice.error }, 422);
      const user = res.locals.currentUser!;
      const title = cut(submission.title, ARTICLE_TITLE_MAX);
      const articleId = await repositories.articles.create(
        {
          categoryId: choice.categoryId,
          title,
          author: cut(submission.name, ARTICLE_AUTHOR_MAX),
          source: TEXT.articleSource,
          summary: '',
          bodyHtml: sanitizeArticleHtml(plainTextToParagraphs(submission.body)),
          coverImage: null,
          isFeatured: false,
          status: 'draft',
          publishedAt: null,
        },
        clock(),
      );
      await repositories.submissions.linkArticle(submission.id, articleId);
      if (submission.status === 'new') await repositories.submissions.markRead(submission.id);
      await audit.record(user, 'article.create', { type: 'article', id: articleId }, `草稿，来自投稿 #${submission.id}：${title}`);
      await audit.record(user, 'submission.draft', { type: 'submission', id: submission.id }, `转为草稿文章 #${articleId}：${title}`);
      req.session.flash = { type: 'success', message: TEXT.drafted };
      res.redirect(303, `/admin/articles/${articleId}/edit`);
    },
  };
}
