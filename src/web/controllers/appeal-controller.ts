// 评论申诉: a commenter appeals the hiding of their comment with the code given when they posted
// it (reason and captcha), and looks up the outcome with the same code. Per-request pages.
import type { Request, Response } from 'express';
import type { AppealResult } from '../../services/appeal-service.js';
import { singleField } from '../forms/single-field.js';
import { cleanText, visibleLength } from '../forms/text-input.js';
import { badRequest } from '../http-error.js';
import { csrfToken } from '../middleware/csrf.js';
import { APPEALS_MESSAGES } from '../messages/appeals.js';
import { CAPTCHA_VERDICT_MESSAGES, SITE_MESSAGES } from '../messages/site.js';
import { queryString } from '../params.js';
import type { SiteContext } from '../site-context.js';

export const APPEAL_REASON_MAX = 500;

const REFUSED: Record<Exclude<AppealResult, 'created'>, { status: number; message: string }> = {
  'unknown-code': { status: 404, message: APPEALS_MESSAGES.unknownCode },
  'not-removed': { status: 422, message: APPEALS_MESSAGES.notRemoved },
  'already-open': { status: 409, message: APPEALS_MESSAGES.alreadyOpen },
};

export function appealController({ captchas, appealService }: SiteContext) {
  async function render(
    req: Request,
    res: Response,
    locals: { code: string; reason: string; errors?: Record<string, string>; notice?: string },
  ) {
    const outcome = locals.code && !locals.errors && !locals.notice ? await appealService.outcome(locals.code) : undefined;
    const flash = req.session.flash;
    delete req.session.flash;
    res.set('Cache-Control', 'no-store');
    res.render('appeals/show', {
      meta: { title: APPEALS_MESSAGES.title, path: '/appeal' },
      noindex: true,
      form: { values: { code: locals.code, reason: locals.reason }, errors: locals.errors ?? {}, notice: locals.notice },
      outcome: outcome && {
        reason: outcome.reason,
        createdAt: outcome.createdAt,
        result: outcome.decision ? APPEALS_MESSAGES.decisions[outcome.decision] : APPEALS_MESSAGES.pending,
        decidedAt: outcome.decidedAt,
      },
      csrfToken: csrfToken(req),
      flash,
    });
  }

  return {
    async showAppeal(req: Request, res: Response) {
      const code = queryString(req, 'code') ?? '';
      if (code.length > 64) throw badRequest(APPEALS_MESSAGES.unknownCode);
      await render(req, res, { code, reason: '' });
    },

    async createAppeal(req: Request, res: Response) {
      const code = singleField(req.body, 'code').trim().slice(0, 64);
      const reason = cleanText(singleField(req.body, 'reason'));
      const errors: Record<string, string> = {};
      if (reason === '') errors.reason = APPEALS_MESSAGES.reasonMissing;
      else if (visibleLength(reason) > APPEAL_REASON_MAX) errors.reason = APPEALS_MESSAGES.reasonTooLong(APPEAL_REASON_MAX);
      const answer = singleField(req.body, 'captcha').trim();
      const verdict = await captchas.verify(req.sessionID, 'appeal', answer);
      if (answer === '') errors.captcha = SITE_MESSAGES.captchaEmpty;
      else if (verdict !== 'correct') errors.captcha = CAPTCHA_VERDICT_MESSAGES[verdict];
      if (Object.keys(errors).length > 0) {
        res.status(422);
        return render(req, res, { code, reason, errors });
      }
      const result = await appealService.appeal(code, reason);
      if (result !== 'created') {
        res.status(REFUSED[result].status);
        return render(req, res, { code, reason, notice: REFUSED[result].message });
      }
      req.session.flash = { type: 'success', message: APPEALS_MESSAGES.created };
      res.redirect(303, `/appeal?code=${encodeURIComponent(code)}`);
    },
  };
}
