// 投稿信箱: readers send stories to the editors with a captcha; stored for the inbox in /admin.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { emptySubmissionForm, parseSubmissionForm, type SubmissionFormErrors } from '../forms/submission-form.js';
import { csrfToken } from '../middleware/csrf.js';
import { CAPTCHA_VERDICT_MESSAGES, SITE_MESSAGES } from '../messages/site.js';

export function submissionController({ repositories, captchas, hashAddress, submissions }: SiteContext) {
  async function render(
    req: Request,
    res: Response,
    form: { values: ReturnType<typeof emptySubmissionForm>; errors: SubmissionFormErrors; notice?: string },
  ) {
    res.render('submit/new', {
      meta: { title: SITE_MESSAGES.submitTitle, description: SITE_MESSAGES.submitDescription, path: '/submit' },
      guide: await repositories.pages.findBySlug('submit-guide'),
      form,
      csrfToken: csrfToken(req),
    });
  }

  return {
    async showSubmissionForm(req: Request, res: Response) {
      await render(req, res, { values: emptySubmissionForm(), errors: {} });
    },

    async createSubmission(req: Request, res: Response) {
      const { values, errors } = parseSubmissionForm(req.body);
      const verdict = await captchas.verify(req.sessionID, 'submission', values.captcha);
      if (verdict !== 'correct' && !errors.captcha) errors.captcha = CAPTCHA_VERDICT_MESSAGES[verdict];
      const { captcha: _captcha, ...kept } = values;
      void _captcha;
      if (Object.keys(errors).length > 0) {
        res.status(422);
        return render(req, res, { values: kept, errors });
      }
      const outcome = await submissions.submit({ ...kept, ipHash: hashAddress(req.ip ?? '') });
      if (outcome.kind !== 'created') {
        const [status, notice] =
          outcome.kind === 'duplicate'
            ? [409, SITE_MESSAGES.submissionDuplicate]
            : outcome.kind === 'too-soon'
              ? [429, SITE_MESSAGES.submissionTooSoon]
              : [429, SITE_MESSAGES.submissionHourlyCap];
        res.status(status);
        return render(req, res, { values: kept, errors: {}, notice });
      }
      req.session.flash = { type: 'success', message: SITE_MESSAGES.submissionReceived };
      res.redirect(303, '/submit/thanks');
    },

    showThanks(req: Request, res: Response) {
      const flash = req.session?.flash;
      if (flash) delete req.session.flash;
      res.render('submit/thanks', {
        meta: { title: SITE_MESSAGES.submitThanksTitle, description: SITE_MESSAGES.submitThanksDescription, path: '/submit/thanks' },
        flash,
      });
    },
  };
}
