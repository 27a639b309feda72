// CSRF defence for forms on cached pages (the sidebar poll): such a page is the same for every
// reader, so it cannot carry a per-session token. Following OWASP's CSRF cheat sheet, the
// browser's own word on where the request comes from decides instead: `Sec-Fetch-Site` must be
// `same-origin`; where a browser does not send it, `Origin` must be this site's own scheme and
// host (as Express derives them, TRUST_PROXY aware). A request with neither header (old
// browsers, scripts) must carry a valid token of its session, as every other form does.
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../http-error.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { csrfProtection } from './csrf.js';

export function sameOriginOrToken(req: Request, res: Response, next: NextFunction): void {
  const fetchSite = req.get('sec-fetch-site');
  if (fetchSite !== undefined) {
    return fetchSite === 'same-origin' ? next() : next(new HttpError(403, SITE_MESSAGES.crossSiteRefused));
  }
  const origin = req.get('origin');
  if (origin !== undefined) {
    return origin.toLowerCase() === `${req.protocol}://${req.host}`.toLowerCase()
      ? next()
      : next(new HttpError(403, SITE_MESSAGES.crossSiteRefused));
  }
  csrfProtection(req, res, next);
}
