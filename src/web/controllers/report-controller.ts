// 举报: the report form of a comment shown on the site (a per-request page, linked from every
// comment of the cached pages), posting it, the receipt shown once, and 处理结果 by receipt code.
import type { Request, Response } from 'express';
import type { Comment } from '../../domain/types.js';
import { commentPolicyOf } from '../../services/comment-policy.js';
import { REPORT_DEADLINE_HOURS, REPORT_REASONS } from '../../services/report-service.js';
import { parseReportForm, REPORT_DETAIL_MAX, type ReportFormErrors, type ReportFormValues } from '../forms/report-form.js';
import { badRequest, notFound } from '../http-error.js';
import { csrfToken } from '../middleware/csrf.js';
import { REPORT_DECISION_LABELS, REPORT_REASON_LABELS, REPORTS_MESSAGES } from '../messages/reports.js';
import { CAPTCHA_VERDICT_MESSAGES } from '../messages/site.js';
import { parseId, queryString } from '../params.js';
import type { SiteContext } from '../site-context.js';

export function reportController({ repositories, clock, captchas, reportService }: SiteContext) {
  /** A comment readers can see now: approved, on a visible article whose comments are shown. */
  async function findShownComment(res: Response, raw: string | undefined): Promise<Comment> {
    const comment = await repositories.comments.findById(parseId(raw));
    const article = comment?.status === 'approved' ? await repositories.articles.findVisibleById(comment.articleId, clock()) : undefined;
    const shown = article && commentPolicyOf(article, res.locals.chrome.categoryById.get(article.categoryId)) !== 'hidden';
    if (!comment || !shown) throw notFound(REPORTS_MESSAGES.commentGone);
    return comment;
  }

  function renderForm(
    req: Request,
    res: Response,
    comment: Comment,
    form: { values: ReportFormValues; errors: ReportFormErrors; notice?: string },
  ) {
    res.set('Cache-Control', 'no-store');
    res.render('reports/new', {
      meta: { title: REPORTS_MESSAGES.title, path: `/comments/${comment.id}/report` },
      noindex: true,
      comment,
      reasons: REPORT_REASONS.map((key) => ({ key, label: REPORT_REASON_LABELS[key] })),
      detailMax: REPORT_DETAIL_MAX,
      form,
      csrfToken: csrfToken(req),
    });
  }

  return {
    async showReportForm(req: Request<{ id: string }>, res: Response) {
      const comment = await findShownComment(res, req.params.id);
      renderForm(req, res, comment, { values: { reason: '', detail: '' }, errors: {} });
    },

    async createReport(req: Request<{ id: string }>, res: Response) {
      const comment = await findShownComment(res, req.params.id);
      const { values, captcha, errors, reason } = parseReportForm(req.body);
      // Every attempt uses up the captcha, right or wrong.
      const verdict = await captchas.verify(req.sessionID, 'report', captcha);
      if (verdict !== 'correct' && !errors.captcha) errors.captcha = CAPTCHA_VERDICT_MESSAGES[verdict];
      if (Object.keys(errors).length > 0 || !reason) {
        res.status(422);
        return renderForm(req, res, comment, { values, errors });
      }
      const outcome = await reportService.report({
        commentId: comment.id,
        ip: req.ip ?? '',
        reason,
        detail: values.detail,
        hideThreshold: Number(res.locals.site.reportHideThreshold),
      });
      if (outcome.kind === 'gone') throw notFound(REPORTS_MESSAGES.commentGone);
      if (outcome.kind === 'duplicate') {
        res.status(409);
        return renderForm(req, res, comment, { values, errors: {}, notice: REPORTS_MESSAGES.duplicate });
      }
      req.session.reportReceipt = { commentId: comment.id, code: outcome.receipt, hidden: outcome.hidden };
      res.redirect(303, `/comments/${comment.id}/report/done`);
    },

    /** The receipt, shown once: a reload or another reader finds the 处理结果 page instead. */
    async showReceipt(req: Request<{ id: string }>, res: Response) {
      const receipt = req.session.reportReceipt;
      if (!receipt || receipt.commentId !== parseId(req.params.id)) return res.redirect(303, '/report-status');
      delete req.session.reportReceipt;
      res.set('Cache-Control', 'no-store');
      res.render('reports/done', {
        meta: { title: REPORTS_MESSAGES.doneTitle, path: `/comments/${receipt.commentId}/report/done` },
        noindex: true,
        receipt,
        deadlineHours: REPORT_DEADLINE_HOURS,
      });
    },

    /** 处理结果: the outcome of a report by its receipt code. */
    async showStatus(req: Request, res: Response) {
      const code = queryString(req, 'code');
      if (code !== undefined && code.length > 64) throw badRequest(REPORTS_MESSAGES.codeInvalid);
      const outcome = code ? await reportService.outcome(code) : undefined;
      res.set('Cache-Control', 'no-store');
      res.status(code && !outcome ? 404 : 200).render('reports/status', {
        meta: { title: REPORTS_MESSAGES.statusTitle, path: '/report-status' },
        noindex: true,
        code: code ?? '',
        outcome: outcome && {
          reason: REPORT_REASON_LABELS[outcome.reason as keyof typeof REPORT_REASON_LABELS] ?? outcome.reason,
          createdAt: outcome.createdAt,
          result: outcome.decision ? REPORT_DECISION_LABELS[outcome.decision] : REPORTS_MESSAGES.pending,
          decidedAt: outcome.decidedAt,
        },
        error: code && !outcome ? REPORTS_MESSAGES.codeUnknown : undefined,
      });
    },
  };
}
