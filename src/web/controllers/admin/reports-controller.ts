// 评论举报: the comments readers reported, the longest waiting first, with the number of
// reporters, the reasons, the deadline and whether the comment is hidden; an editor keeps,
// hides or deletes each (one audited action).
import type { Request, Response } from 'express';
import { APPEAL_DECISIONS } from '../../../repositories/appeal-repository.js';
import { REPORT_DECISIONS } from '../../../repositories/report-repository.js';
import { reportDeadline } from '../../../services/report-service.js';
import type { AdminContext } from '../../admin-context.js';
import { singleField } from '../../forms/single-field.js';
import { badRequest, notFound } from '../../http-error.js';
import { APPEALS_MESSAGES } from '../../messages/appeals.js';
import { REPORT_REASON_LABELS, REPORTS_MESSAGES } from '../../messages/reports.js';
import { SITE_MESSAGES } from '../../messages/site.js';
import { paginate } from '../../pagination.js';
import { pageNumber, parseId } from '../../params.js';

const PER_PAGE = 20;

export function reportsController({ repositories, clock, reportService, appealService }: AdminContext) {
  return {
    async listReports(req: Request, res: Response) {
      const page = pageNumber(req);
      const pagination = paginate(page, await repositories.reports.countOpen(), PER_PAGE, '/admin/reports');
      if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
      const now = clock();
      const reported = (await repositories.reports.listOpen(pagination.slice)).map((item) => {
        const deadline = reportDeadline(item.firstReportedAt);
        return { ...item, deadline, overdue: deadline < now };
      });
      res.render('admin/reports/index', {
        title: REPORTS_MESSAGES.queueTitle,
        reported,
        appeals: await repositories.appeals.listOpen({ limit: PER_PAGE }),
        reasonLabels: REPORT_REASON_LABELS,
        pagination,
      });
    },

    async decideReport(req: Request<{ id: string }>, res: Response) {
      const commentId = parseId(req.params.id);
      const decision = REPORT_DECISIONS.find((d) => d === singleField(req.body, 'decision'));
      if (!decision) throw badRequest(REPORTS_MESSAGES.decisionInvalid);
      const decided = await reportService.decide(res.locals.currentUser!, commentId, decision);
      req.session.flash = decided
        ? { type: 'success', message: REPORTS_MESSAGES.decided[decision] }
        : { type: 'info', message: REPORTS_MESSAGES.nothingOpen };
      res.redirect(303, '/admin/reports');
    },

    async decideAppeal(req: Request<{ id: string }>, res: Response) {
      const appealId = parseId(req.params.id);
      const decision = APPEAL_DECISIONS.find((d) => d === singleField(req.body, 'decision'));
      if (!decision) throw badRequest(APPEALS_MESSAGES.decisionInvalid);
      const decided = await appealService.decide(res.locals.currentUser!, appealId, decision);
      req.session.flash = decided
        ? { type: 'success', message: APPEALS_MESSAGES.decided[decision] }
        : { type: 'info', message: APPEALS_MESSAGES.nothingOpen };
      res.redirect(303, '/admin/reports#appeals');
    },
  };
}
