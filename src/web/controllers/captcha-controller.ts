// GET /captcha?purpose=comment: a fresh captcha image bound to the reader's session.
import type { Request, Response } from 'express';
import { isCaptchaPurpose, type CaptchaService } from '../../services/captcha.js';
import { badRequest } from '../http-error.js';
import { queryString } from '../params.js';
import { SITE_MESSAGES } from '../messages/site.js';

export function captchaController(captchas: CaptchaService) {
  return {
    async showCaptcha(req: Request, res: Response) {
      const purpose = queryString(req, 'purpose') ?? 'comment';
      if (!isCaptchaPurpose(purpose)) throw badRequest(SITE_MESSAGES.captchaUnknownPurpose);
      req.session.hasCaptcha = true; // stores the session, so its id is the one the answer is bound to
      const png = await captchas.issue(req.sessionID, purpose);
      res.set('Cache-Control', 'no-store');
      res.type('image/png').send(png);
    },
  };
}
