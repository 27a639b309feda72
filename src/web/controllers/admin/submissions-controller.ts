// The submissions inbox (投稿信箱) in the editors' area: new / read / archived, reading one
// (which marks it read), archiving, and turning one into a draft article for the editor to
// finish (once, however often the button is pressed). Submissions are plain text from readers:
// escaped everywhere, never trusted as HTML.
import type { Request, Response } from 'express';
import type { Submission, SubmissionStatus } from '../../../repositories/submission-repository.js';
import type { AdminContext } from '../../admin-context.js';
import { parseCategoryChoice } from '../../forms/admin-category-form.js';
import { badRequest, notFound } from '../../http-error.js';
import { SUBMISSIONS_MESSAGES } from '../../messages/submissions.js';
import { paginate } from '../../pagination.js';
import { pageNumber, parseId, queryString } from '../../params.js';

const PER_PAGE = 20;
const TABS: SubmissionStatus[] = ['new', 'read', 'archived'];
export function submissionsController({ repositories, submissions, articleService }: AdminContext) {
  async function findOr404(raw: string | undefined): Promise<Submission> {
    const submission = await repositories.submissions.findById(parseId(raw));
    if (!submission) throw notFound(SUBMISSIONS_MESSAGES.notFound);
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
      if (!TABS.includes(status)) throw badRequest(SUBMISSIONS_MESSAGES.unknownTab);
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
        submissions: await repositories.submissions.list({ status, ...pagination.slice }),
        pagination,
      });
    },

    async showSubmission(req: Request<{ id: string }>, res: Response) {
      const submission = await submissions.open(parseId(req.params.id));
      if (!submission) throw notFound(SUBMISSIONS_MESSAGES.notFound);
      await renderSubmission(res, submission, { categoryId: '' });
    },

    async archiveSubmission(req: Request<{ id: string }>, res: Response) {
      const submission = await findOr404(req.params.id);
      const outcome = await submissions.archive(res.locals.currentUser!, submission.id);
      if (outcome === 'not-found') throw notFound(SUBMISSIONS_MESSAGES.notFound);
      if (outcome === 'unchanged') {
        req.session.flash = { type: 'info', message: SUBMISSIONS_MESSAGES.alreadyArchived };
        return res.redirect(303, `/admin/submissions/${submission.id}`);
      }
      req.session.flash = { type: 'success', message: SUBMISSIONS_MESSAGES.archived };
      res.redirect(303, submission.status === 'new' ? '/admin/submissions' : `/admin/submissions?status=${submission.status}`);
    },

    async restoreSubmission(req: Request<{ id: string }>, res: Response) {
      const submission = await findOr404(req.params.id);
      const outcome = await submissions.restore(res.locals.currentUser!, submission.id);
      if (outcome === 'not-found') throw notFound(SUBMISSIONS_MESSAGES.notFound);
      if (outcome === 'unchanged') {
        req.session.flash = { type: 'info', message: SUBMISSIONS_MESSAGES.notArchived };
        return res.redirect(303, `/admin/submissions/${submission.id}`);
      }
      req.session.flash = { type: 'success', message: SUBMISSIONS_MESSAGES.restored };
      res.redirect(303, '/admin/submissions?status=archived');
    },

    async draftFromSubmission(req: Request<{ id: string }>, res: Response) {
      const submission = await findOr404(req.params.id);
      if (submission.articleId !== null) {
        req.session.flash = { type: 'info', message: SUBMISSIONS_MESSAGES.alreadyDrafted };
        return res.redirect(303, `/admin/articles/${submission.articleId}/edit`);
      }
      const choice = parseCategoryChoice(req.body, await repositories.categories.listAll());
      if (choice.categoryId === undefined) return renderSubmission(res, submission, { categoryId: choice.value, error: choice.error }, 422);
      const outcome = await articleService.draftFromSubmission(res.locals.currentUser!, submission.id, choice.categoryId);
      if (outcome.kind === 'not-found') throw notFound(SUBMISSIONS_MESSAGES.notFound);
      req.session.flash = {
        type: outcome.kind === 'created' ? 'success' : 'info',
        message: outcome.kind === 'created' ? SUBMISSIONS_MESSAGES.drafted : SUBMISSIONS_MESSAGES.alreadyDrafted,
      };
      res.redirect(303, `/admin/articles/${outcome.articleId}/edit`);
    },
  };
}
